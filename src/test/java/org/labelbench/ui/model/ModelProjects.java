package org.labelbench.ui.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.labelbench.analysis.TagService;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.Item;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.PatternPictures;

/**
 * Projects a small net learns in seconds: {@code pictures} 16×16 pattern pictures (rows,
 * columns, blob in turn; see {@link PatternPictures}) imported from a folder, the first
 * {@code labeled} of them labeled with their true class by one annotator, or all with one class.
 */
final class ModelProjects {
    private ModelProjects() {
    }

    static Path patterns(Path dir, int pictures, int labeled) throws Exception {
        return patterns(dir, pictures, labeled, null);
    }

    /**
     * A pattern project whose every picture is labeled by "ann" (always right) and by "bea", wrong
     * on every {@code beaWrongEvery}-th picture (so HLP is about 1 − 1/that), with every
     * other picture tagged "odd": a project whose learning curve has an HLP and a tag to read.
     */
    static Path twoAnnotators(Path dir, int pictures, int beaWrongEvery) throws Exception {
        Path file = patterns(dir, pictures, pictures, null);
        List<String> odd = new ArrayList<>();
        try (ProjectStore store = ProjectStore.open(file)) {
            store.write(tx -> {
                List<LabelClass> classes = new LabelClassRepository().list(tx);
                long annotator = new AnnotatorRepository().findOrCreate(tx, "bea", "labeler").id();
                List<NewAnnotation> labels = new ArrayList<>();
                for (Item item : new ItemRepository().page(tx, ItemQuery.all(), 0, pictures)) {
                    int number = Integer.parseInt(item.key().substring(1, 4));
                    int kind = (number % 3 + (number % beaWrongEvery == 0 ? 1 : 0)) % 3;
                    labels.add(NewAnnotation.classLabel(item.id(), annotator, classes.get(kind).id(), 1, "human",
                            Instant.now()));
                    if (number % 2 == 1) {
                        odd.add(item.key());
                    }
                }
                new AnnotationRepository().append(tx, labels);
                return null;
            });
            new TagService().add(store, "odd", odd, "lead");
        }
        return file;
    }

    static Path patterns(Path dir, int pictures, int labeled, Integer onlyClass) throws Exception {
        Path images = dir.resolve("images");
        for (int i = 0; i < pictures; i++) {
            PatternPictures.write(images.resolve(String.format("p%03d.png", i)), i % 3, i);
        }
        Path file = dir.resolve("patterns.lbproj");
        try (ProjectStore store = ProjectStore.create(file, new ProjectSettings("patterns",
                List.of(PatternPictures.CLASSES), false))) {
            new ImportService().run(store, ImportRequest.of(ImportSource.IMAGES, images), JobContext.silent());
            store.write(tx -> {
                List<LabelClass> classes = new LabelClassRepository().list(tx);
                long annotator = new AnnotatorRepository().findOrCreate(tx, "ann", "labeler").id();
                List<NewAnnotation> labels = new ArrayList<>();
                for (Item item : new ItemRepository().page(tx, ItemQuery.all(), 0, labeled)) {
                    int kind = Integer.parseInt(item.key().substring(1, 4)) % 3;
                    long labelClass = classes.get(onlyClass != null ? onlyClass : kind).id();
                    labels.add(NewAnnotation.classLabel(item.id(), annotator, labelClass, 1, "human", Instant.now()));
                }
                new AnnotationRepository().append(tx, labels);
                return null;
            });
        }
        return file;
    }
}
