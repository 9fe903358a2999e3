package org.labelbench.ui;

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

/**
 * Projects for UI tests, written straight through the store: thousands of items in well under
 * a second. Keys are {@code img_00000.png}, {@code img_00001.png}, ...; their media files do not
 * exist (the views must cope), every item has a {@code split} attribute (train/test), and the
 * first items carry labels by three annotators.
 */
public final class TestProjects {
    public static final List<String> CLASSES = List.of("coat", "shirt", "bag");

    private TestProjects() {
    }

    public static String key(int index) {
        return String.format(Locale.ROOT, "img_%05d.png", index);
    }

    public static Path withItems(Path folder, String name, int count, int labeled) {
        Path file = folder.resolve(name + ProjectStore.EXTENSION);
        try (ProjectStore store = ProjectStore.create(file, new ProjectSettings(name, CLASSES, false))) {
            store.write(tx -> {
                long batch = new ImportBatchRepository().start(tx, folder.toString(), "images", Instant.now().toString(),
                        "{}");
                List<Long> ids = new ArrayList<>();
                try (ItemRepository.Inserter inserter = new ItemRepository().inserter(tx)) {
                    for (int i = 0; i < count; i++) {
                        ids.add(inserter.insert(new NewItem(key(i), "image", "png", "media/" + key(i),
                                String.format(Locale.ROOT, "%064x", i), 1000L + i, 28, 28, null, null, null, null, batch,
                                Map.of("split", i % 2 == 0 ? "train" : "test"))));
                    }
                }
                List<LabelClass> classes = new LabelClassRepository().list(tx);
                AnnotatorRepository annotators = new AnnotatorRepository();
                long ana = annotators.findOrCreate(tx, "ana", "labeler").id();
                long ben = annotators.findOrCreate(tx, "ben", "labeler").id();
                long chloe = annotators.findOrCreate(tx, "chloe", "labeler").id();
                List<NewAnnotation> labels = new ArrayList<>();
                for (int i = 0; i < Math.min(labeled, count); i++) {
                    long item = ids.get(i);
                    labels.add(NewAnnotation.classLabel(item, ana, classes.get(0).id(), 1, "human", Instant.now()));
                    labels.add(NewAnnotation.classLabel(item, ben, classes.get(0).id(), 1, "human", Instant.now()));
                    labels.add(NewAnnotation.classLabel(item, chloe, classes.get(1).id(), 1, "human", Instant.now()));
                }
                new AnnotationRepository().append(tx, labels);
                return null;
            });
        }
        return file;
    }
}
