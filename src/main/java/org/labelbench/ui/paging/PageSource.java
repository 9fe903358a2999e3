package org.labelbench.ui.paging;

/** What a {@link PagedList} shows (a query, a sheet, a list of ids), read a page at a time. */
@FunctionalInterface
public interface PageSource<R> {
    /** Rows {@code offset} to {@code offset + limit} (fewer at the end); called off the FX thread. */
    Page<R> read(int offset, int limit);
}
