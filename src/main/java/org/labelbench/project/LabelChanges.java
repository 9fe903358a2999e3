package org.labelbench.project;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The items whose labels one write transaction changed, noted by {@link AnnotationRepository} as
 * it appends. Past {@link #MANY} distinct items (a label file can hold millions of rows) only the
 * fact that many changed is kept: a listener then refreshes the whole project once, which is
 * cheaper than item by item and holds no set of millions of ids.
 */
public final class LabelChanges {
    /** Beyond this many items a change is {@link #many()}. */
    public static final int MANY = 500;

    private final Set<Long> items = new LinkedHashSet<>();
    private boolean many;

    void note(long item) {
        if (!many && items.add(item) && items.size() > MANY) {
            many = true;
            items.clear();
        }
    }

    /** Notes that more than {@link #MANY} items changed, without naming them (a bulk append). */
    void noteMany() {
        many = true;
        items.clear();
    }

    /** True when nothing was noted. */
    public boolean isEmpty() {
        return !many && items.isEmpty();
    }

    /** True when more than {@link #MANY} items changed; {@link #items()} is then empty. */
    public boolean many() {
        return many;
    }

    /** The items that changed, in the order first noted, when not {@link #many()}. */
    public Set<Long> items() {
        return Set.copyOf(items);
    }

    void clear() {
        items.clear();
        many = false;
    }
}
