package org.labelbench.ui.analysis;

import org.labelbench.analysis.ErrorSheet;
import org.labelbench.project.Item;
import org.labelbench.ui.paging.Slot;

/** One position of the error spreadsheet: the row at {@code index}, or a placeholder (row null) while its page is read. */
public record ErrorSlot(int index, ErrorSheet.Row row) implements Slot<ErrorSheet.Row> {

    /** The item, or null for a placeholder. */
    public Item item() {
        return row == null ? null : row.item();
    }
}
