package org.labelbench.project;

import java.util.Objects;

/**
 * A filter and an order over items, turned into SQL by {@link ItemRepository}. Every field is
 * optional (null = no constraint). {@code label} matches items where some annotator's current
 * opinion ({@link Opinions}) is that class; {@link #UNLABELED} matches the items that no one's
 * current opinion labels (never answered, only skipped, or only adjudicated).
 */
public record ItemQuery(String keyContains, String media, String label, String attributeName,
        String attributeValue, String split, SortColumn sort, String sortAttribute, boolean ascending) {

    public static final String UNLABELED = "\u0000unlabeled";
    /** As {@code split}: the items in no split (imported after an unfrozen split, or no split at all). */
    public static final String UNSPLIT = "\u0000unsplit";

    /** Columns the store can order by with an index (or, for attributes, a join). */
    public enum SortColumn { KEY, MEDIA, BYTES, DURATION, ATTRIBUTE }

    public ItemQuery {
        sort = sort == null ? SortColumn.KEY : sort;
        if (sort == SortColumn.ATTRIBUTE) {
            Objects.requireNonNull(sortAttribute, "sortAttribute");
        }
    }

    public static ItemQuery all() {
        return new ItemQuery(null, null, null, null, null, null, SortColumn.KEY, null, true);
    }

    public ItemQuery withKeyContains(String text) {
        return new ItemQuery(blankToNull(text), media, label, attributeName, attributeValue, split, sort, sortAttribute,
                ascending);
    }

    public ItemQuery withMedia(String newMedia) {
        return new ItemQuery(keyContains, newMedia, label, attributeName, attributeValue, split, sort, sortAttribute,
                ascending);
    }

    public ItemQuery withLabel(String newLabel) {
        return new ItemQuery(keyContains, media, newLabel, attributeName, attributeValue, split, sort, sortAttribute,
                ascending);
    }

    public ItemQuery withAttribute(String name, String value) {
        return new ItemQuery(keyContains, media, label, blankToNull(name), value, split, sort, sortAttribute,
                ascending);
    }

    /** The items of one split ({@link #UNSPLIT}: of none; null: any). */
    public ItemQuery withSplit(String newSplit) {
        return new ItemQuery(keyContains, media, label, attributeName, attributeValue, newSplit, sort, sortAttribute,
                ascending);
    }

    public ItemQuery sortedBy(SortColumn column, String attribute, boolean asc) {
        return new ItemQuery(keyContains, media, label, attributeName, attributeValue, split, column, attribute,
                asc);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
