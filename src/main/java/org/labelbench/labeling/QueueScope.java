package org.labelbench.labeling;

import java.util.List;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemQuery;

/**
 * The items a queue covers: every item, the items a filter matches, a list of keys, or the
 * items carrying a tag (manual, rule or metadata). The scope is resolved once, when the queue
 * is created: items imported or tagged later join a new queue, not this one.
 */
public record QueueScope(ItemQuery filter, List<String> keys, String tag) {
    public QueueScope {
        keys = keys == null ? null : List.copyOf(keys);
        tag = tag == null ? null : tag.strip();
        if ((filter != null ? 1 : 0) + (keys != null ? 1 : 0) + (tag != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("a scope is one of a filter, a list or a tag");
        }
    }

    public static QueueScope all() {
        return new QueueScope(ItemQuery.all(), null, null);
    }

    public static QueueScope filter(ItemQuery query) {
        return new QueueScope(query, null, null);
    }

    public static QueueScope keys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new BadInputException("the list of items is empty");
        }
        return new QueueScope(null, keys, null);
    }

    /** The items carrying the tag {@code tagName} when the queue is created, in key order. */
    public static QueueScope tag(String tagName) {
        if (tagName == null || tagName.isBlank()) {
            throw new BadInputException("the tag name is empty");
        }
        return new QueueScope(null, null, tagName);
    }

    /** A short description stored with the queue and shown in lists. */
    public String describe() {
        if (keys != null) {
            return keys.size() + (keys.size() == 1 ? " listed item" : " listed items");
        }
        if (tag != null) {
            return "tag " + tag;
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
