package org.labelbench.ui.paging;

import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableListBase;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.dialogs.FailureText;

/**
 * Every row of a {@link PageSource}, as an observable list that never holds them all.
 * {@code size()} is the source's; {@code get(i)} answers from a small LRU cache of pages and,
 * for a page not read yet, returns a placeholder slot and asks for the page on the background
 * executor. When the page arrives (on the FX thread) an update change for its positions makes
 * the visible cells ask again. So a table over a million rows costs a few pages of memory and
 * reads only what is on screen. The Items table, the error spreadsheet and the disagreement
 * list are thin subclasses that say what their source is.
 *
 * <p>Only the FX thread touches the cache and fires changes; the background thread only reads.
 * {@link #replaceSource} shows another source at once; pages read for an older one are dropped.
 *
 * <p>Page reads wait in a short stack, newest first: after a fast drag or a jump the page the
 * user stopped at is read first, and reads for pages scrolled past (more than a few requests
 * ago) are dropped instead of making the target wait behind them. A failed read sets
 * {@link #errorProperty} (which the owning view shows) and is tried again when asked for again.
 */
public abstract class PagedList<R, S extends Slot<R>> extends ObservableListBase<S> {
    /** A screen spans at most two pages, plus one read ahead: older requests were scrolled past. */
    private static final int MAX_PENDING_READS = 4;

    private final Executor background;
    private final Executor fx;
    private final int pageSize;
    private final int cachedPages;
    private final int maxPending;
    private final Map<Integer, List<R>> pages;
    private final Set<Integer> requested = new HashSet<>();
    /** Page reads not started yet, newest last; filled on the FX thread, taken by the background one. */
    private final Deque<PendingRead<R>> pending = new ArrayDeque<>();
    private final AtomicInteger pageReads = new AtomicInteger();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** Each {@link #replaceSource} makes the pages asked for before it stale. */
    private final BackgroundCall.Latest sources = new BackgroundCall.Latest();
    private BackgroundCall.Latest.Token current = sources.next();
    private PageSource<R> source = (offset, limit) -> new Page<>(List.of(), 0);
    private int size;

    protected PagedList(Executor background, Executor fx, int pageSize, int cachedPages) {
        this.background = background;
        this.fx = fx;
        this.pageSize = pageSize;
        this.cachedPages = cachedPages;
        this.maxPending = Math.min(cachedPages, MAX_PENDING_READS);
        this.pages = new LinkedHashMap<>(cachedPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<R>> eldest) {
                return size() > PagedList.this.cachedPages;
            }
        };
    }

    /**
     * Shows {@code newSource}'s {@code newSize} rows instead of the old ones (FX thread), with the
     * rows from {@code firstStart} (a multiple of the page size) when they were read with it.
     */
    protected final void replaceSource(PageSource<R> newSource, int newSize, int firstStart, List<R> firstRows) {
        current = sources.next();
        source = newSource;
        pages.clear();
        requested.clear();
        synchronized (pending) {
            pending.clear();
        }
        int oldSize = size;
        size = newSize;
        if (firstRows != null && !firstRows.isEmpty() && firstStart % pageSize == 0) {
            pages.put(firstStart / pageSize, new ArrayList<>(firstRows));
        }
        error.set("");
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, new Placeholders(oldSize));
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
    }

    /**
     * The rows in memory are stale (the store changed under them: a job tagged items, say): they
     * are forgotten and read again as they are shown, the positions and the size kept; answers
     * still on their way are dropped. FX thread.
     */
    protected final void rereadLoaded() {
        List<Integer> loadedPages = new ArrayList<>(pages.keySet());
        current = sources.next();
        pages.clear();
        requested.clear();
        synchronized (pending) {
            pending.clear();
        }
        if (loadedPages.isEmpty()) {
            return;
        }
        beginChange();
        for (int page : loadedPages) {
            for (int i = page * pageSize; i < Math.min(size, (page + 1) * pageSize); i++) {
                nextUpdate(i);
            }
        }
        endChange();
    }

    /** The slot for a position: {@code row} is null while its page is being read (and on the removed side of a replacement). */
    protected abstract S slot(int index, R row);

    /** Reads the first page of {@code newSource}, counted as a page read; off the FX thread, before {@link #replaceSource}. */
    protected final Page<R> readFirstPage(PageSource<R> newSource) {
        pageReads.incrementAndGet();
        return newSource.read(0, pageSize);
    }

    /** A read the subclass made for this list failed (its first page, say): shown as a page failure is. */
    protected final void failed(Throwable failure) {
        error.set(FailureText.of(failure));
    }

    /**
     * A page said its source has another size now: the data changed under the list. The page is
     * dropped; a subclass that can read its source again (a query) does so here.
     */
    protected void sourceChanged() {
    }

    @Override
    public final S get(int index) {
        Objects.checkIndex(index, size);
        int page = index / pageSize;
        List<R> rows = pages.get(page);
        if (rows == null) {
            request(page);
            rows = pages.get(page); // a synchronous reader (tests) has it already
        }
        int within = index - page * pageSize;
        if (rows == null || within >= rows.size()) {
            return slot(index, null);
        }
        if (within >= pageSize * 3 / 4 && (page + 1L) * pageSize < size && !pages.containsKey(page + 1)) {
            request(page + 1); // read ahead in the direction most people scroll
        }
        return slot(index, rows.get(within));
    }

    @Override
    public final int size() {
        return size;
    }

    public final int pageSize() {
        return pageSize;
    }

    /** Asks for the page holding {@code index} ahead of the cells, e.g. before jumping to it. */
    public final void prefetch(int index) {
        if (index >= 0 && index < size && !pages.containsKey(index / pageSize)) {
            request(index / pageSize);
        }
    }

    /** How many pages were read so far: what "never load all rows" is checked with. */
    public final int pageReads() {
        return pageReads.get();
    }

    /** The last read failure, in one line; empty when the last source was shown and its pages read. */
    public final ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The row at {@code index} when its page is in memory, else null (nothing is read). */
    protected final R loaded(int index) {
        if (index < 0 || index >= size) {
            return null;
        }
        List<R> rows = pages.get(index / pageSize);
        int within = index % pageSize;
        return rows == null || within >= rows.size() ? null : rows.get(within);
    }

    /** Puts {@code row} at {@code index} if its page is in memory, and has the cells there ask again. */
    protected final void setRow(int index, R row) {
        List<R> rows = pages.get(index / pageSize);
        if (rows != null && index % pageSize < rows.size()) {
            rows.set(index % pageSize, row);
        }
        beginChange();
        nextUpdate(index);
        endChange();
    }

    /**
     * Replaces each row in memory by {@code change(row)} (null rows are left alone), without
     * reading anything: the store has just been changed the same way. Only positions whose row
     * {@code change} replaced by another object are updated.
     */
    protected final void changeLoaded(UnaryOperator<R> change) {
        List<Integer> updated = new ArrayList<>();
        pages.forEach((page, rows) -> {
            for (int i = 0; i < rows.size(); i++) {
                R row = rows.get(i);
                R changed = row == null ? null : change.apply(row);
                if (changed != row) {
                    rows.set(i, changed);
                    updated.add(page * pageSize + i);
                }
            }
        });
        if (updated.isEmpty()) {
            return;
        }
        beginChange();
        updated.forEach(this::nextUpdate);
        endChange();
    }

    private void request(int page) {
        if (!requested.add(page)) {
            return;
        }
        PendingRead<R> read = new PendingRead<>(current, source, page);
        synchronized (pending) {
            pending.addLast(read);
            while (pending.size() > maxPending) {
                PendingRead<R> dropped = pending.pollFirst();
                // Scrolled past: forgotten (we are on the FX thread), so it is read again if asked for again.
                forget(dropped);
            }
        }
        try {
            background.execute(this::readNewestPending);
        } catch (RejectedExecutionException closing) {
            // The project is closing and its reads thread is gone: nothing will be shown, nothing to read.
            synchronized (pending) {
                pending.remove(read);
            }
            forget(read);
        }
    }

    /** One task per request; each reads the newest request still waiting (none: it was dropped). */
    private void readNewestPending() {
        PendingRead<R> next;
        synchronized (pending) {
            next = pending.pollLast();
        }
        if (next == null) {
            return;
        }
        // Already on the background thread: the read runs here, its answer on the FX thread.
        BackgroundCall.of(() -> {
            pageReads.incrementAndGet();
            return next.source().read(next.page() * pageSize, pageSize);
        }).onSuccess(page -> pageArrived(next.page(), page)).onFailure(failure -> {
            forget(next);
            failed(failure);
        }).unlessStale(next.token()).runOn(Runnable::run, fx);
    }

    private void forget(PendingRead<R> read) {
        if (read.token().isLatest()) {
            requested.remove(read.page());
        }
    }

    private void pageArrived(int page, Page<R> read) {
        requested.remove(page);
        if (read.total() != size) {
            sourceChanged(); // rather than mix two states of the data
            return;
        }
        if (read.rows().isEmpty()) {
            return;
        }
        pages.put(page, new ArrayList<>(read.rows()));
        int from = page * pageSize;
        int to = Math.min(size, from + read.rows().size());
        beginChange();
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
        endChange();
    }

    private record PendingRead<R>(BackgroundCall.Latest.Token token, PageSource<R> source, int page) {
    }

    /** The removed side of a full replacement, without materialising the old rows. */
    private final class Placeholders extends AbstractList<S> {
        private final int removed;

        Placeholders(int removed) {
            this.removed = removed;
        }

        @Override
        public S get(int index) {
            return slot(index, null);
        }

        @Override
        public int size() {
            return removed;
        }
    }
}
