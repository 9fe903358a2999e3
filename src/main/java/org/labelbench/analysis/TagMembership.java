package org.labelbench.analysis;

import java.util.Map;
import org.labelbench.project.ItemTagRepository;
import org.labelbench.project.Transaction;

/**
 * Which items carry each tag, as ascending item ids per tag name (tags by name), read in one
 * query: 8 bytes per tagged item, so 50 tags over a million items cost about 10 MB.
 */
public record TagMembership(Map<String, long[]> tags) {

    public static TagMembership read(Transaction tx) {
        return new TagMembership(new ItemTagRepository().itemsByTag(tx));
    }
}
