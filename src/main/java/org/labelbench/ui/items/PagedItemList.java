package org.labelbench.ui.items;

import java.util.AbstractList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableListBase;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRow;
import org.labelbench.project.ItemsPage;

/**
 * Every item a query matches, as an observable list that never holds them all. {@code size()}
 * is the query's total; {@code get(i)} answers from a small LRU cache of pages and, for a page
 * not read yet, returns a placeholder and asks for the page on a background thread. When the
 * page arrives (on the FX thread) an update change for its positions makes the visible cells
 * ask again. So a TableView or GridView over a million items costs a few pages of memory and
 * reads only what is on screen.
 *
 * <p>Only the FX thread touches the cache and fires changes; the background thread only reads.
 * A new query ({@link #show}) keeps the old rows on screen until its first page is in, then
 * replaces the whole list at once; answers for an older query are dropped by generation.
 */
public final class PagedItemList extends ObservableListBase<ItemSlot> {
    /** Reads one page; called off the FX thread. */
    @FunctionalInterface
    public interface PageReader {
        ItemsPage read(ItemQuery query, long offset, int limit);
    }

    private final PageReader reader;
    private final Executor background;
    private final Executor fx;
    private final int pageSize;
    private final int cachedPages;
    private final Map<Integer, List<ItemRow>> pages;
    private final Set<Integer> requested = new HashSet<>();
    /** Numbers page requests, so a request overtaken by many newer ones (fast scrolling) is skipped. */
    private final AtomicLong requestCounter = new AtomicLong();
    private final AtomicInteger pageReads = new AtomicInteger();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private ItemQuery query = ItemQuery.all();
    private int size;
    /** Bumped when the list is replaced; page answers from an older generation are dropped. */
    private long generation;
    /** The latest {@link #show} call; an older query's first page is dropped. */
    private long latestShow;

    public PagedItemList(PageReader reader, Executor background, Executor fx, int pageSize, int cachedPages) {
        this.reader = reader;
        this.background = background;
        this.fx = fx;
        this.pageSize = pageSize;
        this.cachedPages = cachedPages;
        this.pages = new LinkedHashMap<>(cachedPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<ItemRow>> eldest) {
                return size() > PagedItemList.this.cachedPages;
            }
        };
    }

    /** Shows what {@code newQuery} matches (again, if it is the current query: after the data changed). */
    public void show(ItemQuery newQuery) {
        long token = ++latestShow;
        loading.set(true);
        background.execute(() -> {
            ItemsPage first;
            try {
                first = read(newQuery, 0);
            } catch (RuntimeException e) {
                fx.execute(() -> showFailed(token, e));
                return;
            }
            fx.execute(() -> replaceAll(token, newQuery, first));
        });
    }

    /** Reads the current query again, e.g. after an import added items. */
    public void refresh() {
        show(query);
    }

    @Override
    public ItemSlot get(int index) {
        Objects.checkIndex(index, size);
        int page = index / pageSize;
        List<ItemRow> rows = pages.get(page);
        if (rows == null) {
            request(page);
            rows = pages.get(page); // a synchronous reader (tests) has it already
        }
        int within = index - page * pageSize;
        if (rows == null || within >= rows.size()) {
            return ItemSlot.loading(index);
        }
        if (within >= pageSize * 3 / 4 && (page + 1L) * pageSize < size && !pages.containsKey(page + 1)) {
            request(page + 1); // read ahead in the direction most people scroll
        }
        return new ItemSlot(index, rows.get(within));
    }

    @Override
    public int size() {
        return size;
    }

    public ItemQuery query() {
        return query;
    }

    /** The number of items the shown query matches (as {@link #size()}, observable). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** True from {@link #show} until its first page is in. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The last read failure, empty when the last read worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How many pages were read from the store so far: what "never load all rows" is checked with. */
    public int pageReads() {
        return pageReads.get();
    }

    private ItemsPage read(ItemQuery q, long offset) {
        pageReads.incrementAndGet();
        return reader.read(q, offset, pageSize);
    }

    private void request(int page) {
        if (!requested.add(page)) {
            return;
        }
        long requestGeneration = generation;
        ItemQuery requestQuery = query;
        long ticket = requestCounter.incrementAndGet();
        background.execute(() -> {
            if (requestCounter.get() - ticket >= cachedPages) {
                // Scrolled past: by the time it arrived the cache would have evicted it again.
                fx.execute(() -> forget(requestGeneration, page));
                return;
            }
            ItemsPage result;
            try {
                result = read(requestQuery, (long) page * pageSize);
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    forget(requestGeneration, page);
                    error.set(message(e));
                });
                return;
            }
            fx.execute(() -> pageArrived(requestGeneration, page, result));
        });
    }

    private void forget(long requestGeneration, int page) {
        if (requestGeneration == generation) {
            requested.remove(page);
        }
    }

    private void pageArrived(long requestGeneration, int page, ItemsPage result) {
        if (requestGeneration != generation) {
            return;
        }
        requested.remove(page);
        if (clamp(result.total()) != size) {
            refresh(); // the project changed under this query: start over rather than mix two states
            return;
        }
        if (result.rows().isEmpty()) {
            return;
        }
        pages.put(page, result.rows());
        int from = page * pageSize;
        int to = Math.min(size, from + result.rows().size());
        beginChange();
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
        endChange();
    }

    private void replaceAll(long token, ItemQuery newQuery, ItemsPage first) {
        if (token != latestShow) {
            return;
        }
        generation++;
        query = newQuery;
        pages.clear();
        requested.clear();
        int oldSize = size;
        size = clamp(first.total());
        if (!first.rows().isEmpty()) {
            pages.put(0, first.rows());
        }
        error.set("");
        total.set(size);
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, new Placeholders(oldSize));
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
        loading.set(false);
    }

    private void showFailed(long token, RuntimeException e) {
        if (token == latestShow) {
            loading.set(false);
            error.set(message(e));
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static int clamp(long total) {
        return (int) Math.min(total, Integer.MAX_VALUE - 8);
    }

    /** The removed side of a full replacement, without materialising the old rows. */
    private static final class Placeholders extends AbstractList<ItemSlot> {
        private final int size;

        Placeholders(int size) {
            this.size = size;
        }

        @Override
        public ItemSlot get(int index) {
            return ItemSlot.loading(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
