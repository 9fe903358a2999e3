package org.labelbench.ui.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.project.Item;
import org.labelbench.ui.paging.Page;
import org.labelbench.ui.paging.PageSource;
import org.labelbench.ui.paging.PagedList;

/**
 * The rows of an {@link ErrorSheet} as a {@link PagedList}: {@code size()} is the sheet's (the
 * sheet itself is 4 bytes a row), the rows are read a page at a time. A failed read sets
 * {@link #errorProperty()}, for the view to show.
 */
public final class PagedErrorList extends PagedList<ErrorSheet.Row, ErrorSlot> {
    /** Reads rows {@code offset} to {@code offset + limit} of a sheet; called off the FX thread. */
    @FunctionalInterface
    public interface PageReader {
        List<ErrorSheet.Row> read(ErrorSheet sheet, int offset, int limit);
    }

    private final PageReader reader;
    private ErrorSheet sheet;

    public PagedErrorList(PageReader reader, Executor background, Executor fx, int pageSize, int cachedPages) {
        super(background, fx, pageSize, cachedPages);
        this.reader = reader;
    }

    /** Reads the first page of {@code newSheet}; called off the FX thread, before {@link #setSheet}. */
    List<ErrorSheet.Row> readFirstPage(ErrorSheet newSheet) {
        return readFirstPage(sourceOf(newSheet)).rows();
    }

    /** Shows {@code newSheet} (or nothing, for null), with its first page when it was read with it. */
    public void setSheet(ErrorSheet newSheet, List<ErrorSheet.Row> firstPage) {
        sheet = newSheet;
        replaceSource(sourceOf(newSheet), newSheet == null ? 0 : newSheet.size(), 0, firstPage);
    }

    /** The rows' tags changed in the store (a tag job): the rows in memory are read again where they are. */
    void rereadRows() {
        rereadLoaded();
    }

    public ErrorSheet sheet() {
        return sheet;
    }

    @Override
    protected ErrorSlot slot(int index, ErrorSheet.Row row) {
        return new ErrorSlot(index, row);
    }

    /** The item at {@code index} when its page is in memory, else null (nothing is read). */
    Item loadedItem(int index) {
        ErrorSheet.Row row = loaded(index);
        return row == null ? null : row.item();
    }

    /**
     * Shows {@code tag} added to (or removed from) the rows of these items that are in memory,
     * without reading anything: the store has just been changed the same way.
     */
    void retag(Collection<Long> itemIds, String tag, boolean added) {
        Set<Long> changed = new HashSet<>(itemIds);
        changeLoaded(row -> row.item() != null && changed.contains(row.item().id()) ? withTag(row, tag, added) : row);
    }

    private PageSource<ErrorSheet.Row> sourceOf(ErrorSheet source) {
        int size = source == null ? 0 : source.size();
        return (offset, limit) -> new Page<>(source == null ? List.of() : reader.read(source, offset, limit), size);
    }

    private static ErrorSheet.Row withTag(ErrorSheet.Row row, String tag, boolean added) {
        List<String> tags = new ArrayList<>(row.tags());
        tags.remove(tag);
        if (added) {
            tags.add(tag);
            tags.sort(null); // the sheet lists tags by name
        }
        return new ErrorSheet.Row(row.item(), row.truth(), row.predicted(), row.confidence(), row.correct(),
                row.labels(), List.copyOf(tags), row.attributes());
    }
}
