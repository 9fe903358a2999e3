package org.labelbench.ui.preview;

import java.util.List;

/** A titled group of facts under the preview (Item, Attributes, Labels). */
public record DetailSection(String title, List<Detail> details) {
    public DetailSection {
        details = List.copyOf(details);
    }
}
