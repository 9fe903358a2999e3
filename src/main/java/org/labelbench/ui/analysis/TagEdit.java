package org.labelbench.ui.analysis;

import java.util.List;

/**
 * One bulk tagging the user can undo: {@code tag} added to (or removed from) the items it
 * changed, and only those, so undoing an addition never untags an item that carried the tag
 * before. A small command object that can be done and undone.
 */
record TagEdit(String tag, boolean added, List<String> keys, List<Long> itemIds) {
    TagEdit {
        keys = List.copyOf(keys);
        itemIds = List.copyOf(itemIds);
    }

    /** Makes the change in the store (one transaction). */
    void apply(AnalysisCatalog catalog, String author) {
        if (added) {
            catalog.addTag(tag, keys, author);
        } else {
            catalog.removeTag(tag, keys);
        }
    }

    /** The edit that takes this one back. */
    TagEdit inverse() {
        return new TagEdit(tag, !added, keys, itemIds);
    }

    /** "tagged 2 items 'blurry'", "removed 'blurry' from 2 items". */
    String describe() {
        String items = keys.size() == 1 ? "1 item" : String.format(java.util.Locale.ROOT, "%,d items", keys.size());
        return added ? "tagged " + items + " '" + tag + "'" : "removed '" + tag + "' from " + items;
    }
}
