package org.labelbench.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.labelbench.assist.DeviceChoice;
import org.labelbench.assist.EpochListener;
import org.labelbench.assist.ImageAugmentation;
import org.labelbench.assist.TrainingOptions;
import org.labelbench.assist.TrainingService;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
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

/**
 * A project to retrain in: 90 real pattern PNGs (p000.png…, class = index mod 3), the first 60
 * labeled with their true class by "ann", a model "m1" trained on them for two epochs (CPU, seed
 * 5), and a sequential queue "next" over the 30 unlabeled pictures.
 */
public final class RetrainingProject {
    public static final int PICTURES = 90;
    public static final int LABELED = 60;

    private RetrainingProject() {
    }

    public static Path create(Path dir) throws IOException {
        for (int i = 0; i < PICTURES; i++) {
            PatternPictures.write(dir.resolve("images").resolve(key(i)), i % 3, i);
        }
        Path file = dir.resolve("patterns.lbproj");
        try (ProjectStore store = ProjectStore.create(file, new ProjectSettings("patterns",
                List.of(PatternPictures.CLASSES), false))) {
            new ImportService().run(store, ImportRequest.of(ImportSource.IMAGES, dir.resolve("images")),
                    JobContext.silent());
            store.write(tx -> {
                List<LabelClass> classes = new LabelClassRepository().list(tx);
                long ann = new AnnotatorRepository().findOrCreate(tx, "ann", "labeler").id();
                List<NewAnnotation> labels = new ArrayList<>();
                for (Item item : new ItemRepository().page(tx, ItemQuery.all(), 0, LABELED)) {
                    int kind = Integer.parseInt(item.key().substring(1, 4)) % 3;
                    labels.add(NewAnnotation.classLabel(item.id(), ann, classes.get(kind).id(), 1, "human",
                            Instant.now()));
                }
                new AnnotationRepository().append(tx, labels);
                return null;
            });
            new TrainingService().train(store, "m1", TrainingOptions.builder().epochs(2).seed(5)
                    .device(DeviceChoice.CPU).augmentation(ImageAugmentation.NONE).build(), "lead",
                    JobContext.silent(), EpochListener.NONE);
            new QueueService().create(store, new QueueDefinition("next",
                    QueueScope.filter(ItemQuery.all().withLabel(ItemQuery.UNLABELED)), QueueStrategy.SEQUENTIAL, 1, 1,
                    List.of()), "lead");
        }
        return file;
    }

    public static String key(int i) {
        return String.format("p%03d.png", i);
    }
}
