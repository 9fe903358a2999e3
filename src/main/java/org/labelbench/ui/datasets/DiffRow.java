package org.labelbench.ui.datasets;

/** One row of the diff table: the kind of change (added, removed, relabeled, moved), the item, before and after. */
public record DiffRow(String change, String key, String before, String after) {
}
