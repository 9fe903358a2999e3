package org.labelbench.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The contested items a filter matches, most contested first, as item ids only: a million of
 * them cost 8 MB, and their details are read a page at a time ({@link Disagreements#details}).
 * {@code contested} and {@code resolved} count every contested item of the filter's class,
 * whether or not the filter lists the resolved ones.
 */
public final class DisagreementList {
    private final long[] itemIds;
    private final long contested;
    private final long resolved;
    private final DisagreementFilter filter;

    DisagreementList(long[] itemIds, long contested, long resolved, DisagreementFilter filter) {
        this.itemIds = itemIds;
        this.contested = contested;
        this.resolved = resolved;
        this.filter = Objects.requireNonNull(filter);
    }

    /** An empty list (nothing contested, or not read yet). */
    public static DisagreementList empty(DisagreementFilter filter) {
        return new DisagreementList(new long[0], 0, 0, filter);
    }

    public int size() {
        return itemIds.length;
    }

    public long itemId(int index) {
        return itemIds[index];
    }

    /** The ids at positions {@code from} (inclusive) to {@code from + count}, clipped to the list. */
    public List<Long> itemIds(int from, int count) {
        int to = Math.min(itemIds.length, from + Math.max(0, count));
        List<Long> ids = new ArrayList<>(Math.max(0, to - from));
        for (int i = Math.max(0, from); i < to; i++) {
            ids.add(itemIds[i]);
        }
        return ids;
    }

    /** Position of {@code itemId} in the list, or -1. */
    public int indexOf(long itemId) {
        for (int i = 0; i < itemIds.length; i++) {
            if (itemIds[i] == itemId) {
                return i;
            }
        }
        return -1;
    }

    /** Items whose annotators disagree (of the filter's class, when it names one). */
    public long contested() {
        return contested;
    }

    /** Of those, the items with an adjudicated label. */
    public long resolved() {
        return resolved;
    }

    public DisagreementFilter filter() {
        return filter;
    }
}
