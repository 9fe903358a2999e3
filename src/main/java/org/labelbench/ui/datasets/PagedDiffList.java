package org.labelbench.ui.datasets;

import java.util.concurrent.Executor;
import org.labelbench.ui.paging.PagedList;

/**
 * The diff table's rows as a {@link PagedList}: however many items changed, the table holds a
 * few pages and reads what is on screen.
 */
public final class PagedDiffList extends PagedList<DiffRow, DiffSlot> {
    PagedDiffList(Executor background, Executor fx, int pageSize, int cachedPages) {
        super(background, fx, pageSize, cachedPages);
    }

    /** Shows {@code pages} instead of the rows shown before (FX thread); their pages are read as they are shown. */
    void show(DiffPages pages) {
        replaceSource(pages, pages.size(), 0, null);
    }

    @Override
    protected DiffSlot slot(int index, DiffRow row) {
        return new DiffSlot(index, row);
    }
}
