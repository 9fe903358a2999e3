package org.labelbench.ui.disagreements;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableListBase;
import org.labelbench.agreement.Disagreement;
import org.labelbench.agreement.DisagreementFilter;
import org.labelbench.agreement.DisagreementList;

/**
 * The contested items as an observable list that holds their ids only (the order is computed
 * once) and reads details a page at a time, as the Items list does: {@code get(i)} answers from
 * a small LRU of pages, or with a placeholder while a background thread reads the page; when it
 * arrives an update change makes the visible cells ask again.
 *
 * <p>Only the FX thread touches the cache and fires changes; the background thread only reads.
 */
public final class PagedDisagreementList extends ObservableListBase<DisagreementSlot> {
    /** Reads the details of these item ids; called off the FX thread. */
    @FunctionalInterface
    public interface PageReader {
        List<Disagreement> read(List<Long> itemIds);
    }

    private final PageReader reader;
    private final Executor background;
    private final Executor fx;
    private final int pageSize;
    private final Map<Integer, Disagreement[]> pages;
    private final Set<Integer> requested = new HashSet<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private DisagreementList list = DisagreementList.empty(DisagreementFilter.unresolved());
    /** Bumped when the list is replaced: pages read for an older list are dropped. */
    private long generation;

    public PagedDisagreementList(PageReader reader, Executor background, Executor fx, int pageSize, int cachedPages) {
        this.reader = reader;
        this.background = background;
        this.fx = fx;
        this.pageSize = pageSize;
        this.pages = new LinkedHashMap<>(cachedPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Disagreement[]> eldest) {
                return size() > cachedPages;
            }
        };
    }

    /**
     * Shows {@code newList} (FX thread), with the details of the page that starts at
     * {@code pageStart} (a multiple of the page size) when they were read with it.
     */
    public void setList(DisagreementList newList, int pageStart, List<Disagreement> page) {
        generation++;
        int oldSize = list.size();
        list = newList;
        pages.clear();
        requested.clear();
        error.set("");
        if (!page.isEmpty() && pageStart % pageSize == 0) {
            pages.put(pageStart / pageSize, align(newList, pageStart, page));
        }
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, new Placeholders(oldSize));
        }
        if (newList.size() > 0) {
            nextAdd(0, newList.size());
        }
        endChange();
    }

    public DisagreementList list() {
        return list;
    }

    @Override
    public DisagreementSlot get(int index) {
        Objects.checkIndex(index, list.size());
        int page = index / pageSize;
        Disagreement[] rows = pages.get(page);
        if (rows == null) {
            request(page);
            rows = pages.get(page); // a synchronous reader (tests) has it already
        }
        Disagreement row = rows == null ? null : rows[index - page * pageSize];
        return new DisagreementSlot(index, list.itemId(index), row);
    }

    @Override
    public int size() {
        return list.size();
    }

    /** Puts fresh details of the item at {@code index} in place (after it was adjudicated). */
    public void replace(int index, Disagreement fresh) {
        if (index < 0 || index >= list.size() || list.itemId(index) != fresh.item().id()) {
            return;
        }
        Disagreement[] rows = pages.get(index / pageSize);
        if (rows != null) {
            rows[index % pageSize] = fresh;
        }
        beginChange();
        nextUpdate(index);
        endChange();
    }

    /** The last page read failure; empty when reads work. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private void request(int page) {
        if (!requested.add(page)) {
            return;
        }
        long requestGeneration = generation;
        DisagreementList source = list;
        background.execute(() -> {
            List<Disagreement> read;
            try {
                read = reader.read(source.itemIds(page * pageSize, pageSize));
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

    private void pageArrived(long requestGeneration, int page, List<Disagreement> read) {
        if (requestGeneration != generation) {
            return;
        }
        requested.remove(page);
        pages.put(page, align(list, page * pageSize, read));
        int from = page * pageSize;
        int to = Math.min(list.size(), from + pageSize);
        beginChange();
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
        endChange();
    }

    /** The details in list order, by item id (the reader leaves out ids that are no item). */
    private Disagreement[] align(DisagreementList source, int from, List<Disagreement> read) {
        Map<Long, Disagreement> byId = new HashMap<>();
        read.forEach(d -> byId.put(d.item().id(), d));
        Disagreement[] rows = new Disagreement[pageSize];
        for (int i = 0; i < pageSize && from + i < source.size(); i++) {
            rows[i] = byId.get(source.itemId(from + i));
        }
        return rows;
    }

    /** The removed side of a full replacement, without materialising the old rows. */
    private static final class Placeholders extends AbstractList<DisagreementSlot> {
        private final int size;

        Placeholders(int size) {
            this.size = size;
        }

        @Override
        public DisagreementSlot get(int index) {
            return new DisagreementSlot(index, -1, null);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
