package org.labelbench.ui.analysis;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableListBase;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.project.Item;

/**
 * The rows of an {@link ErrorSheet} as an observable list that never holds them all, as the
 * Items list does: {@code size()} is the sheet's, {@code get(i)} answers from a small LRU of
 * pages or with a placeholder while a background thread reads the page; when it arrives an
 * update change makes the visible cells ask again. The sheet itself is 4 bytes a row.
 *
 * <p>Only the FX thread touches the cache and fires changes; the background thread only reads.
 */
public final class PagedErrorList extends ObservableListBase<ErrorSlot> {
    /** Reads rows {@code offset} to {@code offset + limit} of a sheet; called off the FX thread. */
    @FunctionalInterface
    public interface PageReader {
        List<ErrorSheet.Row> read(ErrorSheet sheet, int offset, int limit);
    }

    private final PageReader reader;
    private final Executor background;
    private final Executor fx;
    private final int pageSize;
    private final Map<Integer, List<ErrorSheet.Row>> pages;
    private final Set<Integer> requested = new HashSet<>();
    private final AtomicInteger pageReads = new AtomicInteger();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private ErrorSheet sheet;
    /** Bumped when the sheet is replaced: pages read for an older sheet are dropped. */
    private long generation;

    public PagedErrorList(PageReader reader, Executor background, Executor fx, int pageSize, int cachedPages) {
        this.reader = reader;
        this.background = background;
        this.fx = fx;
        this.pageSize = pageSize;
        this.pages = new LinkedHashMap<>(cachedPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<ErrorSheet.Row>> eldest) {
                return size() > cachedPages;
            }
        };
    }

    public int pageSize() {
        return pageSize;
    }

    /** Reads the first page of {@code newSheet}; called off the FX thread, before {@link #setSheet}. */
    List<ErrorSheet.Row> readFirstPage(ErrorSheet newSheet) {
        pageReads.incrementAndGet();
        return reader.read(newSheet, 0, pageSize);
    }

    /** Shows {@code newSheet} (or nothing, for null), with its first page when it was read with it. */
    public void setSheet(ErrorSheet newSheet, List<ErrorSheet.Row> firstPage) {
        generation++;
        int oldSize = size();
        sheet = newSheet;
        pages.clear();
        requested.clear();
        error.set("");
        if (firstPage != null && !firstPage.isEmpty()) {
            pages.put(0, List.copyOf(firstPage));
        }
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, new Placeholders(oldSize));
        }
        if (size() > 0) {
            nextAdd(0, size());
        }
        endChange();
    }

    public ErrorSheet sheet() {
        return sheet;
    }

    @Override
    public ErrorSlot get(int index) {
        Objects.checkIndex(index, size());
        int page = index / pageSize;
        List<ErrorSheet.Row> rows = pages.get(page);
        if (rows == null) {
            request(page);
            rows = pages.get(page); // a synchronous reader (tests) has it already
        }
        int within = index - page * pageSize;
        if (rows == null || within >= rows.size()) {
            return ErrorSlot.loading(index);
        }
        if (within >= pageSize * 3 / 4 && (page + 1L) * pageSize < size() && !pages.containsKey(page + 1)) {
            request(page + 1); // read ahead in the direction most people scroll
        }
        return new ErrorSlot(index, rows.get(within));
    }

    @Override
    public int size() {
        return sheet == null ? 0 : sheet.size();
    }

    /** The item at {@code index} when its page is in memory, else null (nothing is read). */
    Item loadedItem(int index) {
        if (index < 0 || index >= size()) {
            return null;
        }
        List<ErrorSheet.Row> rows = pages.get(index / pageSize);
        int within = index % pageSize;
        return rows == null || within >= rows.size() ? null : rows.get(within).item();
    }

    /**
     * Shows {@code tag} added to (or removed from) the rows of these items that are in memory,
     * without reading anything: the store has just been changed the same way.
     */
    void retag(Collection<Long> itemIds, String tag, boolean added) {
        Set<Long> changed = new HashSet<>(itemIds);
        List<Integer> updated = new ArrayList<>();
        for (Map.Entry<Integer, List<ErrorSheet.Row>> entry : pages.entrySet()) {
            List<ErrorSheet.Row> rows = new ArrayList<>(entry.getValue());
            boolean any = false;
            for (int i = 0; i < rows.size(); i++) {
                ErrorSheet.Row row = rows.get(i);
                if (row.item() != null && changed.contains(row.item().id())) {
                    rows.set(i, withTag(row, tag, added));
                    updated.add(entry.getKey() * pageSize + i);
                    any = true;
                }
            }
            if (any) {
                entry.setValue(List.copyOf(rows));
            }
        }
        if (updated.isEmpty()) {
            return;
        }
        beginChange();
        updated.forEach(this::nextUpdate);
        endChange();
    }

    /** How many pages were read so far: what "never load all rows" is checked with. */
    public int pageReads() {
        return pageReads.get();
    }

    /** The last page read failure; empty when reads work. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
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

    private void request(int page) {
        if (!requested.add(page)) {
            return;
        }
        long requestGeneration = generation;
        ErrorSheet source = sheet;
        background.execute(() -> {
            List<ErrorSheet.Row> read;
            try {
                pageReads.incrementAndGet();
                read = reader.read(source, page * pageSize, pageSize);
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    if (requestGeneration == generation) {
                        requested.remove(page);
                        error.set(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                });
                return;
            }
            fx.execute(() -> pageArrived(requestGeneration, page, read));
        });
    }

    private void pageArrived(long requestGeneration, int page, List<ErrorSheet.Row> read) {
        if (requestGeneration != generation) {
            return;
        }
        requested.remove(page);
        if (read.isEmpty()) {
            return;
        }
        pages.put(page, List.copyOf(read));
        int from = page * pageSize;
        int to = Math.min(size(), from + read.size());
        beginChange();
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
        endChange();
    }

    /** The removed side of a full replacement, without materialising the old rows. */
    private static final class Placeholders extends AbstractList<ErrorSlot> {
        private final int size;

        Placeholders(int size) {
            this.size = size;
        }

        @Override
        public ErrorSlot get(int index) {
            return ErrorSlot.loading(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
