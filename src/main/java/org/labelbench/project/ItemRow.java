package org.labelbench.project;

import java.util.List;
import java.util.Map;

/** An item with what the Items table shows beside it: its attributes, current labels and split (null: none). */
public record ItemRow(Item item, Map<String, String> attributes, List<CurrentLabel> labels, String split) {

    public ItemRow(Item item, Map<String, String> attributes, List<CurrentLabel> labels) {
        this(item, attributes, labels, null);
    }
}
