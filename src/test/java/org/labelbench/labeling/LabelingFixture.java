package org.labelbench.labeling;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.ImportBatchRepository;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.NewItem;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/** Small real projects for labeling tests: items item-00..item-NN with attribute "group" a|b. */
final class LabelingFixture {
    static final List<String> CLASSES = List.of("cat", "dog", "bird");

    private LabelingFixture() {
    }

    static String key(int i) {
        return String.format(Locale.ROOT, "item-%02d", i);
    }

    static ProjectStore project(Path folder, int items, boolean multiLabel) {
        ProjectStore store = ProjectStore.create(folder.resolve("p.lbproj"), new ProjectSettings("p", CLASSES,
                multiLabel));
        store.write(tx -> {
            long batch = new ImportBatchRepository().start(tx, folder.toString(), "images", Instant.now().toString(),
                    "{}");
            try (ItemRepository.Inserter inserter = new ItemRepository().inserter(tx)) {
                for (int i = 0; i < items; i++) {
                    inserter.insert(new NewItem(key(i), "image", "png", "media/" + key(i) + ".png",
                            String.format(Locale.ROOT, "%064x", i), 100, 8, 8, null, null, null, null, batch,
                            Map.of("group", i % 2 == 0 ? "a" : "b")));
                }
            }
            return null;
        });
        return store;
    }

    /** Imported labels: {@code labels[i]} is annotator {@code name}'s class for item i (null: none). */
    static void importLabels(ProjectStore store, String name, String... labels) {
        store.write(tx -> {
            long annotator = new AnnotatorRepository().findOrCreate(tx, name, "labeler").id();
            Map<String, Long> ids = new ItemRepository().idsByKey(tx, keys(labels.length));
            List<LabelClass> classes = new LabelClassRepository().list(tx);
            List<NewAnnotation> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == null) {
                    continue;
                }
                String label = labels[i];
                long classId = classes.stream().filter(lc -> lc.name().equals(label)).findFirst().orElseThrow().id();
                rows.add(NewAnnotation.classLabel(ids.get(key(i)), annotator, classId, null, "import", Instant.now()));
            }
            new AnnotationRepository().append(tx, rows);
            return null;
        });
    }

    static List<String> keys(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(key(i));
        }
        return keys;
    }

    /** Rows of a query, each column as text. */
    static List<List<String>> rows(ProjectStore store, String sql, Object... parameters) {
        return SqlRows.of(store, sql, parameters);
    }
}
