package org.labelbench.dataset;

import java.util.List;

/**
 * What changed from version {@code from} to version {@code to}, matched by item key: items
 * added (in {@code to} only), removed (in {@code from} only), relabeled (label differs; an item
 * gaining or losing its label counts) and moved (split differs). Each kind gives its count and
 * its first rows in key order.
 */
public record VersionDiff(String from, String to, Changes added, Changes removed, Changes relabeled,
        Changes moved) {

    /**
     * One kind of change: how many, and the first of them. For relabeled and moved rows
     * {@code before}/{@code after} are the old and new label or split; for added and removed rows
     * they are the item's label and split in the version that holds it.
     */
    public record Changes(long count, List<Row> first) {
        public Changes {
            first = List.copyOf(first);
        }
    }

    /** One item's change ({@code before}, {@code after} null where it had no label or split). */
    public record Row(String key, String before, String after) {
    }

    /** The four kinds of change, in the order the Datasets page lists them. */
    public enum Kind {
        RELABELED("relabeled"), MOVED("moved"), ADDED("added"), REMOVED("removed");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The changes of one kind. */
    public Changes of(Kind kind) {
        return switch (kind) {
            case RELABELED -> relabeled;
            case MOVED -> moved;
            case ADDED -> added;
            case REMOVED -> removed;
        };
    }

    /** True when the two versions hold the same items with the same labels and splits. */
    public boolean isEmpty() {
        return added.count() == 0 && removed.count() == 0 && relabeled.count() == 0 && moved.count() == 0;
    }
}
