package org.labelbench.project;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real project with items i1..iN (attribute {@code site}: "north" on odd items, none on even
 * ones) and classes a, b, c, for the repository tests: labels are appended one by one, so their
 * ids follow the order of the calls.
 */
final class LabelLog implements AutoCloseable {
    final ProjectStore store;

    private LabelLog(ProjectStore store) {
        this.store = store;
    }

    static LabelLog create(Path folder, int items, boolean multiLabel) {
        LabelLog log = new LabelLog(ProjectStore.create(folder.resolve("p.lbproj"),
                new ProjectSettings("p", List.of("a", "b", "c"), multiLabel)));
        log.addItems(1, items);
        return log;
    }

    /** Imports items {@code i<from>} .. {@code i<to>}. */
    void addItems(int from, int to) {
        store.write(tx -> {
            long batch = new ImportBatchRepository().start(tx, "x", "images", Instant.now().toString(), "{}");
            try (ItemRepository.Inserter inserter = new ItemRepository().inserter(tx)) {
                for (int i = from; i <= to; i++) {
                    inserter.insert(new NewItem("i" + i, "image", "png", "m/i" + i, "%064d".formatted(i), 1, 1, 1,
                            null, null, null, null, batch, i % 2 == 1 ? Map.of("site", "north") : Map.of()));
                }
            }
            return null;
        });
    }

    long item(int i) {
        return store.read(tx -> new ItemRepository().findByKey(tx, "i" + i).orElseThrow().id());
    }

    long classId(String name) {
        return store.read(tx -> new LabelClassRepository().list(tx).stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow().id());
    }

    long annotator(String name) {
        return store.write(tx -> new AnnotatorRepository().findOrCreate(tx, name, "labeler").id());
    }

    /** Appends a class label of {@code origin} (null class: a skip); returns its id. */
    long label(int i, String annotator, String className, String origin, Integer guidelineVersion) {
        String kind = className == null ? "skip" : "class";
        return append(new NewAnnotation(item(i), annotator(annotator), kind,
                className == null ? null : classId(className), className == null ? "can't tell" : null,
                guidelineVersion, origin, null, Instant.now(), null, false, null, null, List.of(), null));
    }

    long label(int i, String annotator, String className) {
        return label(i, annotator, className, "human", null);
    }

    /** Appends a multi-label answer holding {@code classNames} (none: "none apply"). */
    long multi(int i, String annotator, String origin, String... classNames) {
        List<Long> classes = new ArrayList<>();
        for (String name : classNames) {
            classes.add(classId(name));
        }
        return append(new NewAnnotation(item(i), annotator(annotator), "multi", null, null, null, origin, null,
                Instant.now(), null, false, null, null, classes, null));
    }

    private long append(NewAnnotation annotation) {
        return store.write(tx -> new AnnotationRepository().appendOne(tx, annotation));
    }

    @Override
    public void close() {
        store.close();
    }
}
