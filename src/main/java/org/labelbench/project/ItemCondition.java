package org.labelbench.project;

import java.util.List;

/**
 * A WHERE condition over the item table aliased {@code i}, with the values of its {@code ?}
 * placeholders in order. Values are always bound, never spliced into the text: a condition is
 * built from what a user typed.
 */
public record ItemCondition(String sql, List<Object> parameters) {
    public ItemCondition {
        parameters = List.copyOf(parameters);
    }

    /** The one item. */
    public static ItemCondition item(long id) {
        return new ItemCondition("i.id = ?", List.of(id));
    }

    /** The given items (at most a few thousand: one placeholder each). */
    public static ItemCondition items(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return new ItemCondition("0 = 1", List.of());
        }
        return new ItemCondition("i.id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                List.<Object>copyOf(ids));
    }

    /** The items an import added. */
    public static ItemCondition importBatch(long batch) {
        return new ItemCondition("i.import_batch = ?", List.of(batch));
    }
}
