package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.RuleTagRepository;
import org.labelbench.project.RuleTagRepository.TagDefinition;

/**
 * The metadata tags of one attribute: a tag {@code NAME=value} per value, none for a value no item
 * has any more, each with exactly the items having that value. Everything is checked before
 * anything is written, so a refusal changes nothing.
 */
final class AttributeTags {
    /** More values than this is an identifier, not a slice. */
    static final int MAX_TAGS = 1_000;

    private final RuleTagRepository tags = new RuleTagRepository();
    private final ItemRepository items = new ItemRepository();

    /** Derives the attribute's tags; returns the item count per tag name. {@code author} is credited on tags made now. */
    Map<String, Integer> derive(Transaction tx, String attribute, String author, Instant now) {
        long values = tags.countValues(tx, attribute);
        if (values > MAX_TAGS) {
            throw new BadInputException(String.format(Locale.ROOT, "attribute '%s' has %,d values; metadata tags stop"
                    + " at %,d (one per value): use a rule tag such as attr.%s == \"...\" instead", attribute, values,
                    MAX_TAGS, attribute));
        }
        Map<String, TagDefinition> existing = new HashMap<>();
        tags.metadataTagsOf(tx, attribute).forEach(t -> existing.put(t.name(), t));
        List<String> wanted = new ArrayList<>();
        for (String value : items.attributeValues(tx, attribute, MAX_TAGS)) {
            String tag = attribute + "=" + value;
            if (tag.contains(",") || !tag.equals(tag.strip())) {
                throw new BadInputException("attribute '" + attribute + "': the value '" + value + "' cannot name a"
                        + " tag (a tag name has no comma and no blanks at the ends)");
            }
            if (!existing.containsKey(tag)) {
                refuseTaken(tx, tag, attribute);
            }
            wanted.add(tag);
        }
        for (String tag : wanted) {
            if (existing.remove(tag) == null) {
                tags.createMetadataTag(tx, tag, attribute, author, now);
            }
        }
        tags.delete(tx, existing.values().stream().map(TagDefinition::id).toList());
        return tags.replaceMetadataItems(tx, attribute, now);
    }

    private void refuseTaken(Transaction tx, String tag, String attribute) {
        var other = tags.find(tx, tag);
        if (other.isPresent()) {
            throw new BadInputException("tag '" + tag + "' is a " + other.get().kind() + " tag"
                    + (other.get().kind().equals(RuleTagRepository.METADATA)
                            ? " of attribute '" + other.get().rule() + "'" : "")
                    + "; the metadata tags of '" + attribute + "' need that name");
        }
    }
}
