package org.labelbench.agreement;

import java.nio.file.Path;
import java.time.Instant;
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

/** Real SQLite projects with items k01..kNN (classes a, b, tx, d) and labels written row by row. */
final class DisagreementFixture {
    static final List<String> CLASSES = List.of("a", "b", "c", "d");

    private DisagreementFixture() {
    }

    static String key(int i) {
        return String.format(Locale.ROOT, "k%02d", i);
    }

    static ProjectStore project(Path folder, int items, boolean multiLabel) {
        ProjectStore store = ProjectStore.create(folder.resolve("p.lbproj"), new ProjectSettings("p", CLASSES,
                multiLabel));
        store.write(tx -> {
            long batch = new ImportBatchRepository().start(tx, folder.toString(), "images", Instant.now().toString(),
                    "{}");
            try (ItemRepository.Inserter inserter = new ItemRepository().inserter(tx)) {
                for (int i = 1; i <= items; i++) {
                    inserter.insert(new NewItem(key(i), "image", "png", "media/" + key(i) + ".png",
                            String.format(Locale.ROOT, "%064x", i), 100, 8, 8, null, null, null, null, batch,
                            Map.of("ink", i % 2 == 0 ? "low" : "high")));
                }
            }
            return null;
        });
        return store;
    }

    /** Appends one class label by {@code annotator} (role labeler) on item {@code i}. */
    static void label(ProjectStore store, int i, String annotator, String className, String origin) {
        append(store, i, annotator, "class", className, origin, false, null, null, null);
    }

    /** Appends an annotation with every fact a labeler records beside the class. */
    static void append(ProjectStore store, int i, String annotator, String kind, String className, String origin,
            boolean unsure, String note, Long durationMs, Integer guidelineVersion) {
        store.write(tx -> {
            long who = new AnnotatorRepository().findOrCreate(tx, annotator, "model".equals(annotator) ? "model"
                    : "labeler").id();
            long item = new ItemRepository().findByKey(tx, key(i)).orElseThrow().id();
            Long classId = className == null ? null : new LabelClassRepository().list(tx).stream()
                    .filter(lc -> lc.name().equals(className)).findFirst().map(LabelClass::id).orElseThrow();
            Instant now = Instant.now();
            new AnnotationRepository().appendOne(tx, new NewAnnotation(item, who, kind, classId,
                    "skip".equals(kind) ? "can't tell" : null, guidelineVersion, origin,
                    durationMs == null ? null : now.minusMillis(durationMs), now, durationMs, unsure, note, null,
                    List.of(), null));
            return null;
        });
    }
}
