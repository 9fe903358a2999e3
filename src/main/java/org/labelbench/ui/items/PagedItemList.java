package org.labelbench.ui.items;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ObservableListBase;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRow;
import org.labelbench.project.ItemsPage;
import org.labelbench.project.ProjectStore;

/**
 * The rows of an {@link ItemQuery} as a list the TableView and GridView can show, without ever
 * holding the whole result: {@code size()} is the query's count, {@code get(i)} answers from an
 * LRU cache of pages, and a page not yet loaded reads as {@code null} (shown as "…") while it
 * loads on a background thread; when it arrives, a replace event refreshes the visible cells.
 * Only the FX thread touches this list; results of a superseded query are dropped.
 */
public final class PagedItemList extends ObservableListBase<ItemRow> {
    static final int PAGE_SIZE = 200;
    private static final int PAGES_KEPT = 40;

    private final ProjectStore store;
    private final ExecutorService reader;
    private final Consumer<Throwable> onError;
    private final Map<Integer, List<ItemRow>> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<ItemRow>> eldest) {
            return size() > PAGES_KEPT;
        }
    };
    private final Set<Integer> loading = new HashSet<>();
    private ItemQuery query = ItemQuery.all();
    private int size;
    private long generation;
    private Runnable onReloaded = () -> { };

    PagedItemList(ProjectStore store, ExecutorService reader, Consumer<Throwable> onError) {
        this.store = store;
        this.reader = reader;
        this.onError = onError;
    }

    /** Runs after each reload has replaced the list (count label, selection). */
    void setOnReloaded(Runnable action) {
        onReloaded = action;
    }

    /** Shows the rows of {@code newQuery}: loads its first page and count, then replaces the list. */
    void reload(ItemQuery newQuery) {
        query = newQuery;
        long mine = ++generation;
        loading.clear();
        reader.execute(() -> {
            try {
                ItemsPage first = ItemsPage.load(store, newQuery, 0, PAGE_SIZE);
                Platform.runLater(() -> replaceAll(mine, first));
            } catch (RuntimeException e) {
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }

    private void replaceAll(long expected, ItemsPage first) {
        if (expected != generation) {
            return;
        }
        int oldSize = size;
        pages.clear();
        pages.put(0, first.rows());
        size = (int) Math.min(Integer.MAX_VALUE, first.total());
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, Collections.nCopies(oldSize, null));
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
        onReloaded.run();
    }

    @Override
    public ItemRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        int page = index / PAGE_SIZE;
        List<ItemRow> rows = pages.get(page);
        if (rows == null) {
            request(page);
            return null;
        }
        int offset = index % PAGE_SIZE;
        return offset < rows.size() ? rows.get(offset) : null;
    }

    private void request(int page) {
        if (!loading.add(page)) {
            return;
        }
        long mine = generation;
        ItemQuery pageQuery = query;
        reader.execute(() -> {
            try {
                ItemsPage loaded = ItemsPage.load(store, pageQuery, (long) page * PAGE_SIZE, PAGE_SIZE);
                Platform.runLater(() -> pageArrived(mine, page, loaded.rows()));
            } catch (RuntimeException e) {
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }

    private void pageArrived(long expected, int page, List<ItemRow> rows) {
        if (expected != generation) {
            return;
        }
        loading.remove(page);
        pages.put(page, rows);
        int from = page * PAGE_SIZE;
        int to = Math.min(size, from + rows.size());
        if (from >= to) {
            return;
        }
        beginChange();
        nextReplace(from, to, Collections.nCopies(to - from, null));
        endChange();
    }

    @Override
    public int size() {
        return size;
    }

    ItemQuery query() {
        return query;
    }
}
