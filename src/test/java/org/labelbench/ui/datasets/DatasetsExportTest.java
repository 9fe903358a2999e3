package org.labelbench.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.labelbench.analysis.TruthSource;
import org.labelbench.dataset.DatasetVersion;
import org.labelbench.dataset.SplitRule;
import org.labelbench.dataset.SplitService;
import org.labelbench.dataset.VersionScope;
import org.labelbench.dataset.VersionService;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.LayoutProbe;
import org.labelbench.ui.WorkbenchTestBase;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Export… on the Versions tab, in the real window (headless) at 1366×768: a version exported
 * into a folder that is not empty is refused in a dialog and nothing is written or recorded;
 * exported as hf into a new folder with copies and pseudonyms, the files are there, the outcome
 * line names the folder and the counts, and the lineage shows the export.
 */
class DatasetsExportTest extends WorkbenchTestBase {

    @Test
    void aLeadExportsAVersionAsHuggingFaceFromTheVersionsTab() throws Exception {
        Path project = DatasetsProject.create(dir);
        try (ProjectStore store = ProjectStore.open(project)) {
            new SplitService().split(store, SplitRule.parse("0.5,0.25,0.25", "train,dev,test", 3, "label", null),
                    "t", JobContext.silent());
            new VersionService().create(store, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "t");
        }
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("keep.txt"), "mine");
        Path out = dir.resolve("exports").resolve("v1-hf");
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        openProject(project);
        clickOn("#datasetsNav");
        clickOn("Versions");
        waitUntil(() -> datasetVersionTable().getItems().size() == 1);
        assertThat(onFx(() -> lookup("#exportVersionButton").query().isDisabled())).as("nothing selected").isTrue();
        clickOn(cell(".dataset-version-table", "v1"));
        waitUntil(() -> !lookup("#exportVersionButton").query().isDisabled());

        // Into a folder that holds a file, without Replace: refused in a dialog, nothing written.
        clickOn("#exportVersionButton");
        waitUntil(() -> lookup("#exportFolderField").tryQuery().isPresent());
        assertThat(onFx(() -> lookup("#exportFolderField").queryAs(TextField.class).getText()))
                .isEqualTo(dir.resolve("exports").resolve("v1").toAbsolutePath().toString());
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = onFx(() -> lookup(".export-dialog").query().getScene().getWindow());
        assertThat(onFx(() -> dialog.getWidth() <= 1366 && dialog.getHeight() <= 768)).as("dialog size").isTrue();
        assertThat(onFx(() -> new LayoutProbe(node -> false).offenders("Export dialog", dialog.getScene()))).isEmpty();
        typeFolder(busy);
        type(KeyCode.ENTER);
        waitUntil(() -> lookup(".error-dialog").tryQuery().isPresent());
        assertThat(onFx(() -> lookup(".error-dialog").queryAs(DialogPane.class).getContentText()))
                .isEqualTo(busy.toAbsolutePath() + " is not empty: choose another folder, or tick \u201cReplace the"
                        + " folder if it is not empty (once the new export succeeded)\u201d");
        type(KeyCode.ENTER);
        waitUntil(() -> lookup(".error-dialog").tryQuery().isEmpty());
        try (Stream<Path> files = Files.list(busy)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");
        }
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            assertThat(new VersionService().exports(store, "v1")).isEmpty();
        }

        // As hf (media turn to copies: the layout is made of the files), annotators pseudonymized.
        clickOn("#exportVersionButton");
        waitUntil(() -> lookup("#exportFormatChoice").tryQuery().isPresent());
        clickOn("#exportFormatChoice");
        clickPopupEntry(ExportDialog.describe(org.labelbench.dataset.export.ExportFormat.HF));
        assertThat(onFx(() -> lookup("#exportMediaChoice").queryAs(javafx.scene.control.ChoiceBox.class).getValue()))
                .isEqualTo(org.labelbench.dataset.export.MediaMode.COPY);
        clickOn("#exportPseudonymizeBox");
        typeFolder(out);
        type(KeyCode.ENTER);

        waitUntil(() -> text("#datasetsOutcome").startsWith("Exported"));
        assertThat(text("#datasetsOutcome")).isEqualTo("Exported v1 into " + out.toAbsolutePath()
                + ": 68 of 68 items, 68 media files copied");
        for (String file : List.of("manifest.json", "README.md", "files.sha256", "train/metadata.csv",
                "validation/metadata.csv", "test/metadata.csv")) {
            assertThat(out.resolve(file)).as(file).isRegularFile();
        }
        try (Stream<Path> pngs = Files.walk(out).filter(p -> p.toString().endsWith(".png"))) {
            assertThat(pngs.count()).isEqualTo(68);
        }
        assertThat(Files.readString(out.resolve("train/metadata.csv"))).startsWith("file_name,label,speaker\n");
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            assertThat(new VersionService().exports(store, "v1")).hasSize(1);
        }
        waitUntil(() -> lookup("#lineage-export-1").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(onFx(() -> lookup("#lineage-export-1 .label").queryAll().stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList())).contains("hf export 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> new LayoutProbe(node -> false).offenders("Versions", stage.getScene()))).isEmpty();
    }

    private void typeFolder(Path folder) {
        doubleClickOn("#exportFolderField");
        push(KeyCode.CONTROL, KeyCode.A);
        write(folder.toAbsolutePath().toString());
    }

    @SuppressWarnings("unchecked")
    private TableView<DatasetVersion> datasetVersionTable() {
        return (TableView<DatasetVersion>) lookup(".dataset-version-table").query();
    }

    private Node cell(String table, String text) {
        return onFx(() -> lookup(table + " .table-cell").queryAll().stream()
                .filter(c -> text.equals(((javafx.scene.control.Labeled) c).getText())).findFirst().orElseThrow());
    }
}
