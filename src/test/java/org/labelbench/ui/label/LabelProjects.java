package org.labelbench.ui.label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.GuidelineService;
import org.labelbench.labeling.LabelSchemaService;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.ImportBatchRepository;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.NewItem;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.testing.TestMedia;

/** Projects for the Label page's tests: real media imported as a user would, or rows only. */
final class LabelProjects {
    static final List<String> IMAGE_CLASSES = List.of("coat", "shirt", "bag");
    static final List<String> AUDIO_CLASSES = List.of("yes", "no", "up");
    static final String GUIDELINE = "# Clothes\n\nLabel the **main** garment. A bag held by a person is *bag*.";

    private LabelProjects() {
    }

    static String imageKey(int i) {
        return String.format(Locale.ROOT, "img_%02d.png", i);
    }

    /** {@code count} real PNGs (img_00.png...) imported, classes coat/shirt/bag, guideline v1, one sequential queue "round 1". */
    static Path images(Path dir, int count, boolean multiLabel) throws IOException {
        Path folder = dir.resolve("pictures");
        for (int i = 0; i < count; i++) {
            TestMedia.png(folder.resolve(imageKey(i)), 40 + i, 30 + i, i);
        }
        Path project = dir.resolve("clothes.lbproj");
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("Clothes", IMAGE_CLASSES,
                multiLabel))) {
            new ImportService(2).run(store, ImportRequest.of(ImportSource.IMAGES, folder), JobContext.silent());
            new GuidelineService().publish(store, GUIDELINE, "lead", "first version", List.of(
                    new GuidelineService.ExampleSpec(imageKey(1), "shirt", "a collar makes it a shirt")));
            queue(store, "round 1");
        }
        return project;
    }

    /**
     * WAVs a.wav, b.wav, c.wav, d.wav imported, then c.wav deleted (a file gone missing); classes
     * yes/no/up, transcripts on, one sequential queue "round 1".
     */
    static Path audio(Path dir) throws IOException {
        Path folder = dir.resolve("commands");
        String[] names = {"a.wav", "b.wav", "c.wav", "d.wav"};
        for (int i = 0; i < names.length; i++) {
            TestMedia.wav(folder.resolve(names[i]), 16_000, 0.4 + 0.1 * i, 300 + 100 * i);
        }
        Path project = dir.resolve("commands.lbproj");
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("Commands", AUDIO_CLASSES, false))) {
            new ImportService(2).run(store, ImportRequest.of(ImportSource.AUDIO, folder), JobContext.silent());
            new LabelSchemaService().setTranscript(store, true);
            queue(store, "round 1");
        }
        Files.delete(folder.resolve("c.wav"));
        return project;
    }

    /**
     * Rows only (no media files: every item shows "File not found"), for view-model tests:
     * {@code count} items of {@code media}, classes coat/shirt/bag, queue "round 1".
     */
    static ProjectStore rowsOnly(Path dir, int count, String media, boolean multiLabel, boolean transcript) {
        ProjectStore store = ProjectStore.create(dir.resolve("rows.lbproj"), new ProjectSettings("Rows",
                IMAGE_CLASSES, multiLabel));
        store.write(tx -> {
            long batch = new ImportBatchRepository().start(tx, dir.toString(), "audio".equals(media) ? "audio" : "images",
                    Instant.now().toString(), "{}");
            try (ItemRepository.Inserter inserter = new ItemRepository().inserter(tx)) {
                for (int i = 0; i < count; i++) {
                    boolean audio = "audio".equals(media);
                    inserter.insert(new NewItem(imageKey(i), media, audio ? "wav" : "png", "media/" + imageKey(i),
                            String.format(Locale.ROOT, "%064x", i), 100, audio ? null : 28, audio ? null : 28,
                            audio ? 500L : null, audio ? 16_000 : null, audio ? 1 : null, audio ? 16 : null, batch,
                            Map.of("split", i % 2 == 0 ? "train" : "test")));
                }
            }
            return null;
        });
        new LabelSchemaService().setTranscript(store, transcript);
        new GuidelineService().publish(store, GUIDELINE, "lead", "first version", List.of());
        queue(store, "round 1");
        return store;
    }

    static void queue(ProjectStore store, String name) {
        new QueueService().create(store, new QueueDefinition(name, QueueScope.all(), QueueStrategy.SEQUENTIAL, 1, 1,
                List.of()), "lead");
    }

    /** Rows of a query, each column as text. */
    static List<List<String>> rows(ProjectStore store, String sql, Object... parameters) {
        return SqlRows.of(store, sql, parameters);
    }

    /** Every annotation by {@code annotator}, oldest first: item key, kind, class, value, unsure, note, transcript. */
    static List<List<String>> annotations(ProjectStore store, String annotator) {
        return rows(store, "SELECT i.key, a.kind, lc.name, a.value, a.unsure, a.note, a.transcript FROM annotation a"
                + " JOIN item i ON i.id = a.item JOIN annotator n ON n.id = a.annotator"
                + " LEFT JOIN label_class lc ON lc.id = a.label_class WHERE n.name = ? ORDER BY a.id", annotator);
    }
}
