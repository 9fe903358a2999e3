package org.labelbench.ui.analysis;

import org.labelbench.analysis.ErrorSheet;
import org.labelbench.project.Item;

/**
 * One position of the error spreadsheet: the row at {@code index}, or a placeholder (row null)
 * while its page is being read. A value, so a placeholder equals the next placeholder for the
 * same position and the table does not treat it as a new row.
 */
public record ErrorSlot(int index, ErrorSheet.Row row) {

    static ErrorSlot loading(int index) {
        return new ErrorSlot(index, null);
    }

    public boolean isLoaded() {
        return row != null;
    }

    /** The item, or null for a placeholder. */
    public Item item() {
        return row == null ? null : row.item();
    }
}
