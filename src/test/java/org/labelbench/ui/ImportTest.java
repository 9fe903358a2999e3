package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.labelbench.ingest.ImportReport;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportSource;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

class ImportTest extends WorkbenchTestBase {

    @Test
    void importsAFolderOfImagesAndNamesTheFileItSkipped() throws Exception {
        Path project = dir.resolve("pets.lbproj");
        ProjectStore.create(project, new ProjectSettings("Pets", List.of(), false)).close();
        Path photos = dir.resolve("photos");
        TestMedia.png(photos.resolve("cat.png"), 32, 24, 1);
        TestMedia.png(photos.resolve("dog.png"), 16, 16, 2);
        TestMedia.png(photos.resolve("bird.png"), 20, 10, 3);
        Files.writeString(photos.resolve("corrupt.png"), "this is not a PNG", StandardCharsets.UTF_8);
        openProject(project);

        prompts.importRequest = ImportRequest.of(ImportSource.IMAGES, photos);
        clickOn("Import images…");

        waitUntil(() -> text("#outcomeLabel").startsWith("Imported"));
        assertThat(text("#outcomeLabel")).isEqualTo("Imported 3 items: 1 skipped");
        waitUntil(() -> text("#itemCountsLabel").equals("3 items · 3 images · 0 audio"));
        waitUntil(() -> visibleKeys().equals(List.of("bird.png", "cat.png", "dog.png")));
        assertThat(text(".count-label")).isEqualTo("Showing 3 of 3 items");

        // The skipped files open in a report on their own, with the reason for each.
        waitUntil(() -> lookup("#skipped-files").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        TableView<ImportReport.Skipped> skipped = (TableView<ImportReport.Skipped>) lookup("#skipped-files").query();
        List<ImportReport.Skipped> rows = onFx(() -> List.copyOf(skipped.getItems()));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.file()).endsWith("corrupt.png");
            assertThat(row.reason()).isNotBlank();
        });
        assertThat(lookup("#skipped-files .table-cell").queryAll())
                .anySatisfy(cell -> assertThat(((javafx.scene.control.Labeled) cell).getText()).endsWith("corrupt.png"));
        clickOn("Close");

        // Thumbnails load in the background; the preview shows the selected image and its facts.
        waitUntil(() -> lookup(".items-table .thumbnail ImageView").queryAll().stream()
                .filter(node -> ((ImageView) node).getImage() != null)
                .allMatch(node -> ((ImageView) node).getImage().getProgress() >= 1.0)
                && lookup(".items-table .thumbnail ImageView").queryAll().stream()
                        .anyMatch(node -> ((ImageView) node).getImage() != null));
        clickOn("cat.png");
        waitUntil(() -> text(".preview-title").equals("cat.png"));
        waitUntil(() -> onFx(() -> lookup(".preview-media ImageView").queryAs(ImageView.class).getImage() != null));
        assertThat(lookup(".detail-value").queryAll()).anySatisfy(
                node -> assertThat(((javafx.scene.control.Labeled) node).getText()).isEqualTo("32×24"));
    }
}
