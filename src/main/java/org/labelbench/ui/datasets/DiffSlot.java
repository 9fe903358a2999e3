package org.labelbench.ui.datasets;

import org.labelbench.ui.paging.Slot;

/** One position of the diff table: its row, or null while its page is being read. */
public record DiffSlot(int index, DiffRow row) implements Slot<DiffRow> {
}
