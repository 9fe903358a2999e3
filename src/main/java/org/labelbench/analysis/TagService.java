package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.TagRepository;

/**
 * Manual tags: adding and removing a tag on items named by key. A request naming an item the
 * project does not have is refused whole, so a typo never tags half a list.
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

    public TagChange remove(ProjectStore store, String tag, List<String> itemKeys) {
        String name = validName(tag);
        return store.write(tx -> {
            requireManual(tx, name);
            List<Long> ids = resolve(tx, itemKeys);
            long id = tags.idOf(tx, name).orElseThrow(() -> new BadInputException("no tag '" + name + "'"));
            return new TagChange(name, ids.size(), tags.remove(tx, id, ids));
        });
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
