package org.labelbench.ui.disagreements;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.GuidelineService;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

/**
 * A small clothes project whose annotators disagree, with real PNGs imported as a user would:
 * c.png (shirt / t-shirt / coat: the most contested), d.png (2:2 over four annotators), a.png
 * (shirt / t-shirt), e.png (two shirts, one t-shirt); b.png is agreed on. Classes coat (1),
 * shirt (2), t-shirt (3); guideline v1.
 */
final class DisagreementProjects {
    static final List<String> CLASSES = List.of("coat", "shirt", "t-shirt");
    /** The contested items, most contested first. */
    static final List<String> CONTESTED = List.of("c.png", "d.png", "a.png", "e.png");

    private DisagreementProjects() {
    }

    static Path clothes(Path dir) throws IOException {
        Path folder = dir.resolve("clothes");
        String[] keys = {"a.png", "b.png", "c.png", "d.png", "e.png"};
        for (int i = 0; i < keys.length; i++) {
            TestMedia.png(folder.resolve(keys[i]), 40 + i, 30 + i, i);
        }
        Path project = dir.resolve("clothes.lbproj");
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("Clothes", CLASSES, false))) {
            new ImportService(2).run(store, ImportRequest.of(ImportSource.IMAGES, folder), JobContext.silent());
            new GuidelineService().publish(store, "# Clothes\n\nA collar makes it a shirt.", "lead", "first", List.of());
            label(store, "c.png", "ana", "shirt", true, "short sleeves, though", 4200L);
            label(store, "c.png", "ben", "t-shirt", false, null, 1800L);
            label(store, "c.png", "cy", "coat", false, null, 2500L);
            label(store, "d.png", "ana", "t-shirt", false, null, 900L);
            label(store, "d.png", "ben", "shirt", false, null, 1100L);
            label(store, "d.png", "cy", "t-shirt", false, null, 1000L);
            label(store, "d.png", "dan", "shirt", false, null, 1500L);
            label(store, "a.png", "ana", "shirt", false, null, 700L);
            label(store, "a.png", "ben", "t-shirt", false, null, 800L);
            label(store, "b.png", "ana", "coat", false, null, 600L);
            label(store, "b.png", "ben", "coat", false, null, 650L);
            label(store, "e.png", "ana", "shirt", false, null, 500L);
            label(store, "e.png", "ben", "shirt", false, null, 550L);
            label(store, "e.png", "cy", "t-shirt", false, null, 600L);
        }
        return project;
    }

    private static void label(ProjectStore store, String key, String annotator, String className, boolean unsure,
            String note, long durationMs) {
        store.write(tx -> {
            long who = new AnnotatorRepository().findOrCreate(tx, annotator, "labeler").id();
            long item = new ItemRepository().findByKey(tx, key).orElseThrow().id();
            long labelClass = new LabelClassRepository().list(tx).stream().filter(lc -> lc.name().equals(className))
                    .findFirst().map(LabelClass::id).orElseThrow();
            Instant now = Instant.now();
            new AnnotationRepository().appendOne(tx, new NewAnnotation(item, who, "class", labelClass, null, 1, "human",
                    now.minusMillis(durationMs), now, durationMs, unsure, note, null, List.of(), null));
            return null;
        });
    }
}
