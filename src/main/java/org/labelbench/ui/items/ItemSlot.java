package org.labelbench.ui.items;

import org.labelbench.project.Item;
import org.labelbench.project.ItemRow;
import org.labelbench.ui.paging.Slot;

/** One position of the Items list: the row at {@code index}, or a placeholder (row null) while its page is read. */
public record ItemSlot(int index, ItemRow row) implements Slot<ItemRow> {

    /** The item, or null for a placeholder. */
    public Item item() {
        return row == null ? null : row.item();
    }
}
