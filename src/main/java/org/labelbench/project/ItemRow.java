package org.labelbench.project;

import java.util.List;
import java.util.Map;

/** An item with what the Items table shows beside it: its attributes and current labels. */
public record ItemRow(Item item, Map<String, String> attributes, List<CurrentLabel> labels) {
}
