package org.labelbench.ui.paging;

/**
 * One position of a {@link PagedList}: the row at {@link #index}, or a placeholder (row null)
 * while its page is being read. Implemented by records, so a placeholder equals the next
 * placeholder for the same position and a table does not treat it as a new row.
 */
public interface Slot<R> {
    int index();

    /** The row, or null while its page is being read. */
    R row();

    default boolean isLoaded() {
        return row() != null;
    }
}
