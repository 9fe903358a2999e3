package org.labelbench.ui.analysis;

import java.sql.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.labelbench.analysis.PredictionService;
import org.labelbench.analysis.TagService;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.LabelFileService;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

/**
 * A small clothes project for error analysis, made as a user would: eight real PNGs imported,
 * labels by ana and ben from a CSV, one prediction run "m1" from a CSV, and the tag "dark" on
 * i3 and i4. The annotators agree on every item but i5 (shirt / t-shirt: a tie, so no ground
 * truth). The model is wrong on i0 (0.90), i2 (0.70) and i4 (0.60): 3 errors of 8 predicted
 * items, 7 of which have a ground truth.
 */
final class AnalysisProjects {
    static final List<String> CLASSES = List.of("shirt", "t-shirt", "coat");
    /** The errors, most confident first. */
    static final List<String> ERRORS = List.of("i0.png", "i2.png", "i4.png");

    private AnalysisProjects() {
    }

    static Path clothes(Path dir) throws IOException {
        Path folder = dir.resolve("clothes");
        for (int i = 0; i < 8; i++) {
            TestMedia.png(folder.resolve("i" + i + ".png"), 28, 28, i);
        }
        Path project = dir.resolve("clothes.lbproj");
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("Clothes", CLASSES, false))) {
            new ImportService(2).run(store, ImportRequest.of(ImportSource.IMAGES, folder), JobContext.silent());
            new LabelFileService().importFile(store, Files.writeString(dir.resolve("labels.csv"), """
                    item,annotator,label
                    i0.png,ana,shirt
                    i0.png,ben,shirt
                    i1.png,ana,shirt
                    i1.png,ben,shirt
                    i2.png,ana,t-shirt
                    i2.png,ben,t-shirt
                    i3.png,ana,coat
                    i3.png,ben,coat
                    i4.png,ana,coat
                    i4.png,ben,coat
                    i5.png,ana,shirt
                    i5.png,ben,t-shirt
                    i6.png,ana,t-shirt
                    i6.png,ben,t-shirt
                    i7.png,ana,coat
                    i7.png,ben,coat
                    """));
            new PredictionService().importFile(store, "m1", predictions(dir.resolve("m1.csv")), null);
            new TagService().add(store, "dark", List.of("i3.png", "i4.png"), "lead");
        }
        return project;
    }

    /**
     * {@link #clothes} with the attribute "light" (day on i0–i3, night on i4–i7) and a second
     * run "m2", imported as a user would. Run "m2" gets i0, i2 and i4 right where m1 is wrong,
     * and i3 wrong where m1 is right: of the 7 items with a ground truth both get 3 right (i1, i6,
     * i7), only m1 one, only m2 three.
     */
    static Path clothesWithTwoRuns(Path dir) throws IOException {
        Path project = clothes(dir);
        try (ProjectStore writing = ProjectStore.open(project)) {
            new PredictionService().importFile(writing, "m2", Files.writeString(dir.resolve("m2.csv"), """
                    item,label,confidence
                    i0.png,shirt,0.80
                    i1.png,shirt,0.70
                    i2.png,t-shirt,0.90
                    i3.png,shirt,0.55
                    i4.png,coat,0.85
                    i5.png,shirt,0.50
                    i6.png,t-shirt,0.95
                    i7.png,coat,0.90
                    """), null);
            writing.write(tx -> {
                Connection c = tx.connection();
                try (var insert = c.prepareStatement("INSERT INTO item_attr (item, name, value)"
                        + " SELECT id, 'light', ? FROM item WHERE key = ?")) {
                    for (int i = 0; i < 8; i++) {
                        insert.setString(1, i < 4 ? "day" : "night");
                        insert.setString(2, "i" + i + ".png");
                        insert.executeUpdate();
                    }
                }
                return null;
            });
        }
        return project;
    }

    /** The predictions of run "m1", as a model would write them. */
    static Path predictions(Path file) throws IOException {
        return Files.writeString(file, """
                item,label,confidence
                i0.png,t-shirt,0.90
                i1.png,shirt,0.80
                i2.png,shirt,0.70
                i3.png,coat,0.95
                i4.png,shirt,0.60
                i5.png,shirt,0.50
                i6.png,t-shirt,0.85
                i7.png,coat,0.99
                """);
    }

    /**
     * Imports run "p1" with class probabilities into {@link #clothes}: shirt scores high on i0,
     * i1 and i3 (truth: i0 i1 shirt, i2 i6 t-shirt, i3 i4 i7 coat, i5 a tie).
     */
    static void importRunWithProbabilities(Path project, Path dir) throws IOException {
        try (ProjectStore importing = ProjectStore.open(project)) {
            new org.labelbench.analysis.PredictionService().importFile(importing, "p1", java.nio.file.Files.writeString(
                    dir.resolve("p1.csv"), """
                            item,label,p_shirt,p_t-shirt,p_coat
                            i0.png,shirt,0.9,0.05,0.05
                            i1.png,shirt,0.6,0.3,0.1
                            i2.png,t-shirt,0.2,0.7,0.1
                            i3.png,shirt,0.7,0.1,0.2
                            i4.png,coat,0.1,0.1,0.8
                            i5.png,shirt,0.5,0.5,0.0
                            i6.png,t-shirt,0.3,0.6,0.1
                            i7.png,coat,0.0,0.2,0.8
                            """), null);
        }
    }
}
