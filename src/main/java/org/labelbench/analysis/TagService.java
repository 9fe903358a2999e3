package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.TagRepository;

/**
 * Manual tags: adding and removing a tag on items named by key. A request naming an item the
 * project does not have is refused whole, so a typo never tags half a list. Also the set logic
 * over tags already read ({@link TagMembership}) that every face shares: which items an edit
 * really changes, which items carry no tag, which tags some item carries.
 */
public final class TagService {
    private final ItemRepository items = new ItemRepository();
    private final TagRepository tags = new TagRepository();

    /** What a tagging request did. */
    public record TagChange(String tag, int requested, int changed) {
    }

    public TagChange add(ProjectStore store, String tag, List<String> itemKeys, String author) {
        String name = validName(tag);
        return store.write(tx -> {
            requireManual(tx, name);
            List<Long> ids = resolve(tx, itemKeys);
            long id = tags.define(tx, name, "manual", null, Instant.now());
            return new TagChange(name, ids.size(), tags.add(tx, id, ids, "manual", author, Instant.now()));
        });
    }

    /**
     * In the caller's transaction, makes {@code items} the manual tag's members, no more and no
     * fewer (defining the tag when new): a tag that is a snapshot of a finding, such as a run's
     * likely label errors, found again. Returns how many items it carries.
     */
    public int replaceMembers(Transaction tx, String tag, java.util.Collection<Long> items, String author) {
        String name = validName(tag);
        requireManual(tx, name);
        Instant now = Instant.now();
        long id = tags.define(tx, name, "manual", null, now);
        java.util.Set<Long> wanted = new java.util.HashSet<>(items);
        List<Long> gone = tags.itemIdsInKeyOrder(tx, id).stream().filter(item -> !wanted.contains(item)).toList();
        tags.remove(tx, id, gone);
        tags.add(tx, id, wanted, "manual", author, now);
        return wanted.size();
    }

    public TagChange remove(ProjectStore store, String tag, List<String> itemKeys) {
        String name = validName(tag);
        return store.write(tx -> {
            requireManual(tx, name);
            List<Long> ids = resolve(tx, itemKeys);
            long id = tags.idOf(tx, name).orElseThrow(() -> new BadInputException("no tag '" + name + "'"));
            return new TagChange(name, ids.size(), tags.remove(tx, id, ids));
        });
    }

    /**
     * The items among {@code items} that adding (removing) {@code tag} would change: those that lack
     * (carry) it, each once, in the given order. Undoing an edit of exactly these items never
     * touches an item that was already as asked.
     */
    public static List<Item> itemsChangedBy(TagMembership membership, String tag, boolean add, List<Item> items) {
        long[] carrying = itemsWith(membership, tag);
        Set<Long> seen = new HashSet<>();
        List<Item> changed = new ArrayList<>();
        for (Item item : items) {
            if (seen.add(item.id()) && (Arrays.binarySearch(carrying, item.id()) >= 0) != add) {
                changed.add(item);
            }
        }
        return changed;
    }

    /** The items carrying {@code tag}, ascending; none for a tag nobody defined (or a null membership). */
    public static long[] itemsWith(TagMembership membership, String tag) {
        return membership == null ? new long[0] : membership.tags().getOrDefault(tag, new long[0]);
    }

    /** The items of {@code sortedItems} (ascending ids) that carry no tag at all, ascending. */
    public static long[] untagged(long[] sortedItems, TagMembership membership) {
        boolean[] tagged = new boolean[sortedItems.length];
        for (long[] withTag : membership.tags().values()) {
            for (long item : withTag) {
                int at = Arrays.binarySearch(sortedItems, item);
                if (at >= 0) {
                    tagged[at] = true;
                }
            }
        }
        long[] untagged = new long[sortedItems.length];
        int n = 0;
        for (int i = 0; i < sortedItems.length; i++) {
            if (!tagged[i]) {
                untagged[n++] = sortedItems[i];
            }
        }
        return Arrays.copyOf(untagged, n);
    }

    /** Only the tags some item carries (a tagging undone, a rule matching nothing leave a tag empty), in order. */
    public static TagMembership carried(TagMembership membership) {
        Map<String, long[]> carried = new LinkedHashMap<>();
        membership.tags().forEach((tag, items) -> {
            if (items.length > 0) {
                carried.put(tag, items);
            }
        });
        return new TagMembership(carried);
    }

    public List<TagRepository.TagInfo> list(ProjectStore store) {
        return store.read(tags::list);
    }

    /** A rule or metadata tag's items come from the data: a hand edit would be undone by the next refresh. */
    private void requireManual(Transaction tx, String name) {
        java.util.Optional<String> kind = tags.kindOf(tx, name);
        if (kind.isPresent() && !kind.get().equals("manual")) {
            throw new BadInputException("tag '" + name + "' is a " + kind.get() + " tag: its items come from its "
                    + (kind.get().equals("rule") ? "rule" : "attribute") + ", not by hand");
        }
    }

    /** Tag names are shown in tables and typed on the command line: no blanks at the ends, no commas. */
    static String validName(String tag) {
        String name = tag == null ? "" : tag.strip();
        if (name.isEmpty()) {
            throw new BadInputException("a tag needs a name");
        }
        if (name.contains(",")) {
            throw new BadInputException("tag '" + name + "': a tag name cannot contain a comma");
        }
        return name;
    }

    private List<Long> resolve(Transaction tx, List<String> keys) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(keys));
        if (unique.isEmpty()) {
            throw new BadInputException("no items given");
        }
        Map<String, Long> ids = items.idsByKey(tx, unique);
        List<String> unknown = unique.stream().filter(k -> !ids.containsKey(k)).toList();
        if (!unknown.isEmpty()) {
            throw new BadInputException("no item with key '" + unknown.get(0) + "'"
                    + (unknown.size() > 1 ? " (and " + (unknown.size() - 1) + " more unknown keys)" : ""));
        }
        return unique.stream().map(ids::get).toList();
    }
}
