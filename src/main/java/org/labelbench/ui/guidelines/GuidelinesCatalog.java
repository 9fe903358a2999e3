package org.labelbench.ui.guidelines;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.labelbench.labeling.Guideline;
import org.labelbench.labeling.GuidelineExample;
import org.labelbench.labeling.GuidelineService;
import org.labelbench.labeling.GuidelineService.ExampleSpec;
import org.labelbench.labeling.LabelSchema;
import org.labelbench.labeling.LabelSchemaService;
import org.labelbench.project.Item;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;

/**
 * What the Guidelines view reads and writes, over one open project. Every method runs off the
 * FX thread; publishing and adding an example are one service call (one transaction) each.
 */
public final class GuidelinesCatalog {
    private final ProjectStore store;
    private final GuidelineService guidelines = new GuidelineService();
    private final LabelSchemaService schemas = new LabelSchemaService();
    private final ItemRepository items = new ItemRepository();

    /** Everything the view shows, read on one snapshot: versions oldest first, pending examples, classes, items. */
    public record Snapshot(List<Guideline> versions, List<GuidelineExample> pending, LabelSchema schema,
            Map<Long, Item> items) {
    }

    public GuidelinesCatalog(ProjectStore store) {
        this.store = store;
    }

    /** Reads the versions, the pending examples, then the schema and the examples' items (three short reads). */
    public Snapshot snapshot() {
        List<Guideline> versions = guidelines.list(store);
        List<GuidelineExample> pending = guidelines.pendingExamples(store);
        List<Long> ids = Stream.concat(versions.stream().flatMap(g -> g.examples().stream()), pending.stream())
                .map(GuidelineExample::itemId).distinct().toList();
        return store.read(tx -> {
            Map<Long, Item> shown = new HashMap<>();
            for (long id : ids) {
                items.findById(tx, id).ifPresent(item -> shown.put(id, item));
            }
            return new Snapshot(versions, pending, schemas.schema(tx), shown);
        });
    }

    /** Item keys containing {@code text}, in key order, at most {@code limit}: the completions of the key box. */
    public List<String> keysContaining(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return store.read(tx -> {
            List<String> keys = new ArrayList<>();
            for (Item item : items.page(tx, ItemQuery.all().withKeyContains(text.strip()), 0, limit)) {
                keys.add(item.key());
            }
            return keys;
        });
    }

    public Guideline publish(String markdown, String author, String change, List<ExampleSpec> replaceExamples) {
        return guidelines.publish(store, markdown, author, change, replaceExamples);
    }

    public GuidelineExample addPendingExample(ExampleSpec spec, String author) {
        return guidelines.addPendingExample(store, spec, author);
    }
}
