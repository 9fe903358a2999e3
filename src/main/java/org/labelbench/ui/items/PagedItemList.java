package org.labelbench.ui.items;

import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Page reads wait in a short stack, newest first: after a fast drag or a jump the page the
 * user stopped at is read first, and reads for pages scrolled past (more than a few requests
 * ago) are dropped instead of making the target wait behind them.
 */
public final class PagedItemList extends ObservableListBase<ItemSlot> {
    /** A screen spans at most two pages, plus one read ahead: older requests were scrolled past. */
    private static final int MAX_PENDING_READS = 4;

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
    /** Page reads not started yet, newest last; filled on the FX thread, taken by the background one. */
    private final Deque<PendingRead> pending = new ArrayDeque<>();
    private final int maxPending;
    private final AtomicInteger pageReads = new AtomicInteger();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper queriesShown = new ReadOnlyIntegerWrapper();

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
        this.maxPending = Math.min(cachedPages, MAX_PENDING_READS);
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

    /**
     * Counts the times another query's rows replaced the list (not a refresh of the same query):
     * the view scrolls back to the top then.
     */
    public ReadOnlyIntegerProperty queriesShownProperty() {
        return queriesShown.getReadOnlyProperty();
    }

    /** Asks for the page holding {@code index} ahead of the cells, e.g. before jumping to it. */
    public void prefetch(int index) {
        if (index >= 0 && index < size && !pages.containsKey(index / pageSize)) {
            request(index / pageSize);
        }
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
        PendingRead read = new PendingRead(generation, query, page);
        synchronized (pending) {
            pending.addLast(read);
            while (pending.size() > maxPending) {
                PendingRead dropped = pending.pollFirst();
                // Scrolled past: forgotten, so it is read again if it is asked for again.
                fx.execute(() -> forget(dropped.generation(), dropped.page()));
            }
        }
        background.execute(this::readNewestPending);
    }

    /** One task per request; each reads the newest request still waiting (none: it was dropped). */
    private void readNewestPending() {
        PendingRead next;
        synchronized (pending) {
            next = pending.pollLast();
        }
        if (next == null) {
            return;
        }
        ItemsPage result;
        try {
            result = read(next.query(), (long) next.page() * pageSize);
        } catch (RuntimeException e) {
            fx.execute(() -> {
                forget(next.generation(), next.page());
                error.set(message(e));
            });
            return;
        }
        fx.execute(() -> pageArrived(next.generation(), next.page(), result));
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
        boolean otherQuery = !newQuery.equals(query);
        query = newQuery;
        pages.clear();
        requested.clear();
        synchronized (pending) {
            pending.clear();
        }
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
        if (otherQuery) {
            queriesShown.set(queriesShown.get() + 1);
        }
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

    private record PendingRead(long generation, ItemQuery query, int page) {
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
