package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.labelbench.analysis.TruthSource;
import org.labelbench.dataset.VersionScope;
import org.labelbench.dataset.VersionService;
import org.labelbench.dataset.export.ExportFormat;
import org.labelbench.dataset.export.ExportService;
import org.labelbench.dataset.export.MediaMode;
import org.labelbench.ingest.ImportReport;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

/**
 * The toolbar's Import from… menu, in the real window (headless): a real Label Studio export (the
 * ingest tests' file) comes in as a job, and the three tasks it skips are listed with their
 * reasons; a Labelbench csv export comes back with its labels.
 */
class ImportExportsTest extends WorkbenchTestBase {

    @Test
    void aLabelStudioExportImportsFromTheToolbarAndListsTheSkippedTasksWithTheirReasons() throws Exception {
        Path root = dir.resolve("ls-media");
        TestMedia.png(root.resolve("upload/7/3f2a9c1e-cat_1.png"), 16, 16, 1);
        TestMedia.png(root.resolve("pets/dog 1.png"), 16, 16, 2);
        TestMedia.png(root.resolve("upload/7/77b1e0aa-cat_4.png"), 16, 16, 4);
        TestMedia.png(root.resolve("upload/7/c0ffee00-bird_5.png"), 16, 16, 5);
        Path export = dir.resolve("exports").resolve("image-classification.json");
        Files.createDirectories(export.getParent());
        try (InputStream in = getClass().getResourceAsStream("/org/labelbench/ingest/labelstudio/"
                + "image-classification.json")) {
            Files.copy(in, export);
        }
        Path project = dir.resolve("pets.lbproj");
        ProjectStore.create(project, new ProjectSettings("Pets", List.of("cat", "dog"), false)).close();
        openProject(project);

        prompts.importRequest = ImportRequest.of(ImportSource.LABEL_STUDIO, export).withMediaRoot(root);
        clickOn("#importFromButton");
        clickPopupEntry("Label Studio export…");

        waitUntil(() -> text("#outcomeLabel").startsWith("Imported"));
        assertThat(text("#outcomeLabel")).isEqualTo("Imported 3 items: 3 skipped, 3 labels added");
        waitUntil(() -> text("#itemCountsLabel").equals("3 items · 3 images · 0 audio"));
        waitUntil(() -> lookup("#skipped-files").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ImportReport.Skipped> skipped = (TableView<ImportReport.Skipped>) lookup("#skipped-files").query();
        Map<String, String> reasons = onFx(() -> skipped.getItems().stream()
                .collect(Collectors.toMap(ImportReport.Skipped::file, ImportReport.Skipped::reason)));
        assertThat(reasons).containsOnlyKeys("task 103", "task 105", "task 106");
        assertThat(reasons.get("task 105")).startsWith("unknown class 'bird' (the project's classes: cat, dog)");
        assertThat(reasons.get("task 106")).startsWith("file not found under the media root:"
                + " upload/7/0badf00d-cat_6.png");
        assertThat(lookup("#skipped-files .table-cell").queryAll()).anySatisfy(cell ->
                assertThat(((javafx.scene.control.Labeled) cell).getText()).isEqualTo("task 103"));
        clickOn("Close");
        waitUntil(() -> visibleKeys().equals(List.of("pets/dog 1.png", "upload/7/3f2a9c1e-cat_1.png",
                "upload/7/77b1e0aa-cat_4.png")));
    }

    @Test
    void aLabelbenchExportImportsFromTheToolbarWithItsLabels() throws Exception {
        Path media = dir.resolve("media");
        StringBuilder manifest = new StringBuilder("key,path,label\n");
        for (int i = 0; i < 4; i++) {
            TestMedia.png(media.resolve("p" + i + ".png"), 12, 12, i + 1);
            manifest.append("p").append(i).append(".png,p").append(i).append(".png,").append(i < 3 ? "cat" : "dog")
                    .append('\n');
        }
        Path manifestFile = Files.writeString(media.resolve("items.csv"), manifest);
        Path out = dir.resolve("out").resolve("v1");
        try (ProjectStore source = ProjectStore.create(dir.resolve("source.lbproj"),
                new ProjectSettings("Source", List.of("cat", "dog"), false))) {
            new ImportService(2).run(source, ImportRequest.of(ImportSource.MANIFEST, manifestFile), JobContext.silent());
            new VersionService().create(source, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "t");
            new ExportService().export(source, new ExportService.Order("v1", ExportFormat.CSV, MediaMode.COPY, out,
                    false, false, "t"), JobContext.silent());
        }
        Path project = dir.resolve("copy.lbproj");
        ProjectStore.create(project, new ProjectSettings("Copy", List.of(), false)).close();
        openProject(project);

        prompts.importRequest = ImportRequest.of(ImportSource.DATASET, out);
        clickOn("#importFromButton");
        clickPopupEntry("Labelbench export…");

        waitUntil(() -> text("#outcomeLabel").startsWith("Imported"));
        assertThat(text("#outcomeLabel")).isEqualTo("Imported 4 items: 4 labels added");
        waitUntil(() -> text("#itemCountsLabel").equals("4 items · 4 images · 0 audio"));
        waitUntil(() -> visibleKeys().equals(List.of("p0.png", "p1.png", "p2.png", "p3.png")));
    }
}
