package org.labelbench.ui.disagreements;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.labelbench.agreement.Disagreement;
import org.labelbench.agreement.DisagreementFilter;
import org.labelbench.agreement.DisagreementList;
import org.labelbench.ui.paging.Page;
import org.labelbench.ui.paging.PagedList;

/**
 * The contested items as a {@link PagedList} over their ids (the order is computed once per
 * filter); the details are read a page of ids at a time.
 */
public final class PagedDisagreementList extends PagedList<Disagreement, DisagreementSlot> {
    /** Reads the details of these item ids; called off the FX thread. */
    @FunctionalInterface
    public interface PageReader {
        List<Disagreement> read(List<Long> itemIds);
    }

    private final PageReader reader;
    private DisagreementList list = DisagreementList.empty(DisagreementFilter.unresolved());

    public PagedDisagreementList(PageReader reader, Executor background, Executor fx, int pageSize, int cachedPages) {
        super(background, fx, pageSize, cachedPages);
        this.reader = reader;
    }

    /**
     * Shows {@code newList} (FX thread), with the details of the page that starts at
     * {@code pageStart} (a multiple of the page size) when they were read with it.
     */
    public void setList(DisagreementList newList, int pageStart, List<Disagreement> page) {
        list = newList;
        replaceSource((offset, limit) -> new Page<>(align(newList, offset, limit, reader.read(newList.itemIds(offset,
                limit))), newList.size()), newList.size(), pageStart,
                page.isEmpty() ? List.of() : align(newList, pageStart, pageSize(), page));
    }

    public DisagreementList list() {
        return list;
    }

    /** Puts fresh details of the item at {@code index} in place (after it was adjudicated). */
    public void replace(int index, Disagreement fresh) {
        if (index >= 0 && index < list.size() && list.itemId(index) == fresh.item().id()) {
            setRow(index, fresh);
        }
    }

    @Override
    protected DisagreementSlot slot(int index, Disagreement row) {
        // The removed side of a replacement may ask past the new list's end: no id there.
        return new DisagreementSlot(index, index < list.size() ? list.itemId(index) : -1, row);
    }

    /** The details in list order, by item id (the reader leaves out ids that are no item: null there). */
    private static List<Disagreement> align(DisagreementList source, int from, int count, List<Disagreement> read) {
        Map<Long, Disagreement> byId = new HashMap<>();
        read.forEach(d -> byId.put(d.item().id(), d));
        List<Disagreement> rows = new ArrayList<>();
        for (int i = from; i < Math.min(source.size(), from + count); i++) {
            rows.add(byId.get(source.itemId(i)));
        }
        return rows;
    }
}
