package org.labelbench.labeling;

import java.util.List;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemQuery;

/**
 * The items a queue covers: every item, the items a filter matches, or a list of keys. The
 * scope is resolved once, when the queue is created; items imported later join a new queue.
 */
public record QueueScope(ItemQuery filter, List<String> keys) {
    public QueueScope {
        keys = keys == null ? null : List.copyOf(keys);
        if (filter != null && keys != null) {
            throw new IllegalArgumentException("a scope is a filter or a list, not both");
        }
    }

    public static QueueScope all() {
        return new QueueScope(ItemQuery.all(), null);
    }

    public static QueueScope filter(ItemQuery query) {
        return new QueueScope(query, null);
    }

    public static QueueScope keys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new BadInputException("the list of items is empty");
        }
        return new QueueScope(null, keys);
    }

    /** A short description stored with the queue and shown in lists. */
    public String describe() {
        if (keys != null) {
            return keys.size() + (keys.size() == 1 ? " listed item" : " listed items");
        }
        StringBuilder text = new StringBuilder();
        if (filter.media() != null) {
            text.append("media=").append(filter.media()).append(' ');
        }
        if (filter.attributeName() != null) {
            text.append("attr.").append(filter.attributeName());
            if (filter.attributeValue() != null) {
                text.append('=').append(filter.attributeValue());
            }
            text.append(' ');
        }
        if (ItemQuery.UNLABELED.equals(filter.label())) {
            text.append("unlabeled ");
        } else if (filter.label() != null) {
            text.append("label=").append(filter.label()).append(' ');
        }
        if (filter.keyContains() != null) {
            text.append("key~").append(filter.keyContains()).append(' ');
        }
        String described = text.toString().strip();
        return described.isEmpty() ? "all items" : described;
    }
}
