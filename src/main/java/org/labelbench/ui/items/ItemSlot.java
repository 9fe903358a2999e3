package org.labelbench.ui.items;

import org.labelbench.project.Item;
import org.labelbench.project.ItemRow;

/**
 * One position of the Items list: the row at {@code index}, or a placeholder (row null) while
 * its page is still being read. A value, so a placeholder equals the next placeholder for the
 * same index and the table does not treat it as a new item.
 */
public record ItemSlot(int index, ItemRow row) {

    static ItemSlot loading(int index) {
        return new ItemSlot(index, null);
    }

    public boolean isLoaded() {
        return row != null;
    }

    /** The item, or null for a placeholder. */
    public Item item() {
        return row == null ? null : row.item();
    }
}
