package org.labelbench.project;

import java.util.List;
import java.util.Map;

/**
 * One page of the Items table as the workbench shows it: the rows with their attributes, current
 * labels and splits, and the total the query matches (for the scroll bar). Indexed queries,
 * on one read snapshot, whatever the project's size.
 */
public record ItemsPage(long offset, long total, List<ItemRow> rows) {

    public static ItemsPage load(ProjectStore store, ItemQuery query, long offset, int limit) {
        return load(store, query, offset, limit, new ItemCounts());
    }

    /** As {@link #load(ProjectStore, ItemQuery, long, int)}, counting only when the data or query changed. */
    public static ItemsPage load(ProjectStore store, ItemQuery query, long offset, int limit, ItemCounts counts) {
        ItemRepository items = new ItemRepository();
        AnnotationRepository annotations = new AnnotationRepository();
        SplitRepository splits = new SplitRepository();
        return store.read(c -> {
            long total = counts.count(c, query);
            List<Item> page = items.page(c, query, offset, limit);
            List<Long> ids = page.stream().map(Item::id).toList();
            Map<Long, Map<String, String>> attributes = items.attributes(c, ids);
            Map<Long, List<CurrentLabel>> labels = annotations.currentLabels(c, ids);
            Map<Long, String> splitOf = splits.splitsOf(c, ids);
            List<ItemRow> rows = page.stream().map(item -> new ItemRow(item,
                    attributes.getOrDefault(item.id(), Map.of()), labels.getOrDefault(item.id(), List.of()),
                    splitOf.get(item.id()))).toList();
            return new ItemsPage(offset, total, rows);
        });
    }
}
