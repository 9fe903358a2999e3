package org.labelbench.ui.agreement;

import org.labelbench.project.Transaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbench.labeling.GuidelineService;
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

/**
 * Projects with several annotators' labels for the Agreement view's tests, written through the
 * store. Items have no media files (the view does not show any).
 */
final class AgreementProjects {
    static final List<String> CLASSES = List.of("cat", "dog", "bird");

    private AgreementProjects() {
    }

    /**
     * 60 items (item_00...), true class {@code i % 3} (cat, dog, bird); attributes {@code site}
     * (north for items 0-29, south after) and {@code camera} (a for even items, b for odd).
     * <ul>
     * <li>items 0-29, under guideline v1: ana right; ben calls every other bird a cat; cy labels
     * items 0-11, right;
     * <li>items 30-56, under v2: ana and ben right, cy wrong on every ninth item;
     * <li>item 57: ana under v1, ben under v2 ("mixed"); item 58: ana only; item 59: no label;
     * <li>lena (a lead) adjudicates items 2 and 8 (birds ben called cats) as bird.
     * </ul>
     */
    static Path singleLabel(Path dir) {
        Path file = dir.resolve("agreement" + ProjectStore.EXTENSION);
        try (ProjectStore store = ProjectStore.create(file, new ProjectSettings("Agreement", CLASSES, false))) {
            GuidelineService guidelines = new GuidelineService();
            guidelines.publish(store, "# Animals\n\nLabel the animal.", "lead", "first version", List.of());
            guidelines.publish(store, "# Animals\n\nLabel the animal. A bird on the ground is a bird.", "lead",
                    "birds on the ground", List.of());
            store.write(tx -> {
                List<Long> items = items(tx, dir, 60);
                List<LabelClass> classes = new LabelClassRepository().list(tx);
                AnnotatorRepository annotators = new AnnotatorRepository();
                long ana = annotators.findOrCreate(tx, "ana", "labeler").id();
                long ben = annotators.findOrCreate(tx, "ben", "labeler").id();
                long cy = annotators.findOrCreate(tx, "cy", "labeler").id();
                long lena = annotators.findOrCreate(tx, "lena", "lead").id();
                List<NewAnnotation> labels = new ArrayList<>();
                for (int i = 0; i < 57; i++) {
                    int truth = i % 3;
                    int version = i < 30 ? 1 : 2;
                    int benSays = i < 30 && truth == 2 && i % 2 == 0 ? 0 : truth;
                    labels.add(label(items.get(i), ana, classes.get(truth), version, "import"));
                    labels.add(label(items.get(i), ben, classes.get(benSays), version, "import"));
                    if (i < 12) {
                        labels.add(label(items.get(i), cy, classes.get(truth), version, "human"));
                    } else if (i >= 30) {
                        labels.add(label(items.get(i), cy, classes.get(i % 9 == 0 ? (truth + 1) % 3 : truth),
                                version, "human"));
                    }
                }
                labels.add(label(items.get(57), ana, classes.get(0), 1, "import"));
                labels.add(label(items.get(57), ben, classes.get(0), 2, "import"));
                labels.add(label(items.get(58), ana, classes.get(1), 1, "import"));
                labels.add(label(items.get(2), lena, classes.get(2), 1, "adjudicated"));
                labels.add(label(items.get(8), lena, classes.get(2), 1, "adjudicated"));
                new AnnotationRepository().append(tx, labels);
                return null;
            });
        }
        return file;
    }

    /** Three items labeled by two annotators, every label "cat": alpha and kappa are undefined. */
    static Path oneCategory(Path dir) {
        Path file = dir.resolve("cats" + ProjectStore.EXTENSION);
        try (ProjectStore store = ProjectStore.create(file, new ProjectSettings("Cats", CLASSES, false))) {
            store.write(tx -> {
                List<Long> items = items(tx, dir, 3);
                LabelClass cat = new LabelClassRepository().list(tx).get(0);
                AnnotatorRepository annotators = new AnnotatorRepository();
                List<NewAnnotation> labels = new ArrayList<>();
                for (String name : List.of("ana", "ben")) {
                    long annotator = annotators.findOrCreate(tx, name, "labeler").id();
                    items.forEach(item -> labels.add(label(item, annotator, cat, null, "human")));
                }
                new AnnotationRepository().append(tx, labels);
                return null;
            });
        }
        return file;
    }

    /** Ten items labeled by ana alone: no item has two labels. */
    static Path oneAnnotator(Path dir) {
        Path file = dir.resolve("alone" + ProjectStore.EXTENSION);
        try (ProjectStore store = ProjectStore.create(file, new ProjectSettings("Alone", CLASSES, false))) {
            store.write(tx -> {
                List<Long> items = items(tx, dir, 10);
                List<LabelClass> classes = new LabelClassRepository().list(tx);
                long ana = new AnnotatorRepository().findOrCreate(tx, "ana", "labeler").id();
                List<NewAnnotation> labels = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    labels.add(label(items.get(i), ana, classes.get(i % 3), 1, "human"));
                }
                new AnnotationRepository().append(tx, labels);
                return null;
            });
        }
        return file;
    }

    /**
     * A multi-label project: 20 items; ana and ben each give the set of classes {cat} on even items
     * and {dog, bird} on odd ones, except that ben leaves out bird on items 1, 5 and 9.
     */
    static Path multiLabel(Path dir) {
        Path file = dir.resolve("multi" + ProjectStore.EXTENSION);
        try (ProjectStore store = ProjectStore.create(file, new ProjectSettings("Multi", CLASSES, true))) {
            store.write(tx -> {
                List<Long> items = items(tx, dir, 20);
                List<LabelClass> classes = new LabelClassRepository().list(tx);
                AnnotatorRepository annotators = new AnnotatorRepository();
                AnnotationRepository annotations = new AnnotationRepository();
                long ana = annotators.findOrCreate(tx, "ana", "labeler").id();
                long ben = annotators.findOrCreate(tx, "ben", "labeler").id();
                for (int i = 0; i < items.size(); i++) {
                    List<Long> set = i % 2 == 0 ? List.of(classes.get(0).id())
                            : List.of(classes.get(1).id(), classes.get(2).id());
                    List<Long> bens = i == 1 || i == 5 || i == 9 ? List.of(classes.get(1).id()) : set;
                    annotations.appendOne(tx, multi(items.get(i), ana, set));
                    annotations.appendOne(tx, multi(items.get(i), ben, bens));
                }
                return null;
            });
        }
        return file;
    }

    /** One more label by a new annotator, so the project's labels changed. */
    static void addLabel(ProjectStore store, int item, String annotator, String className) {
        addLabel(store, item, annotator, className, "human");
    }

    /** One more label of {@code origin} (e.g. accepted-suggestion). */
    static void addLabel(ProjectStore store, int item, String annotator, String className, String origin) {
        store.write(tx -> {
            long itemId = new ItemRepository().findByKey(tx, key(item)).orElseThrow().id();
            LabelClass labelClass = new LabelClassRepository().list(tx).stream()
                    .filter(lc -> lc.name().equals(className)).findFirst().orElseThrow();
            long who = new AnnotatorRepository().findOrCreate(tx, annotator, "labeler").id();
            new AnnotationRepository().append(tx, List.of(label(itemId, who, labelClass, 2, origin)));
            return null;
        });
    }

    static String key(int index) {
        return String.format(Locale.ROOT, "item_%02d.png", index);
    }

    private static List<Long> items(Transaction tx, Path dir, int count) throws SQLException {
        long batch = new ImportBatchRepository().start(tx, dir.toString(), "images", Instant.now().toString(), "{}");
        List<Long> ids = new ArrayList<>();
        try (ItemRepository.Inserter inserter = new ItemRepository().inserter(tx)) {
            for (int i = 0; i < count; i++) {
                ids.add(inserter.insert(new NewItem(key(i), "image", "png", "media/" + key(i),
                        String.format(Locale.ROOT, "%064x", i), 1000L + i, 28, 28, null, null, null, null, batch,
                        Map.of("site", i < 30 ? "north" : "south", "camera", i % 2 == 0 ? "a" : "b"))));
            }
        }
        return ids;
    }

    private static NewAnnotation label(long item, long annotator, LabelClass labelClass, Integer version,
            String origin) {
        return NewAnnotation.classLabel(item, annotator, labelClass.id(), version, origin, Instant.now());
    }

    private static NewAnnotation multi(long item, long annotator, List<Long> classes) {
        return new NewAnnotation(item, annotator, "multi", null, null, 1, "human", null, Instant.now(), null, false,
                null, null, classes, null);
    }
}
