package org.labelbench.ui.datasets;

import java.util.List;

/** One split of a version: its items per class (in the order of the view's class columns) and in all. */
public record SplitClassRow(String split, List<Long> perClass, long total) {
    public SplitClassRow {
        perClass = List.copyOf(perClass);
    }
}
