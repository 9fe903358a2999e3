package org.labelbench.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.labelbench.analysis.TruthSource;
import org.labelbench.dataset.DatasetVersion;
import org.labelbench.dataset.SplitRule;
import org.labelbench.dataset.SplitService;
import org.labelbench.dataset.VersionScope;
import org.labelbench.dataset.VersionService;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;
import org.labelbench.ui.WorkbenchTestBase;

/**
 * The diff table is paged: 450 items moved between v1 (no split) and v2 (split), more than two
 * pages of 200; End scrolls to the last row, which is read from the store's keyset page there,
 * and the table never holds every row.
 */
class DatasetsDiffPagingTest extends WorkbenchTestBase {
    private static final int ITEMS = 450;

    @Test
    void aDiffLongerThanAPageScrollsToItsLastRow() throws Exception {
        Path media = dir.resolve("media");
        List<String> lines = new ArrayList<>(List.of("key,path,label"));
        for (int i = 0; i < ITEMS; i++) {
            String key = String.format("q%03d", i);
            TestMedia.png(media.resolve(key + ".png"), 3, 3, i + 1);
            lines.add(key + "," + key + ".png," + (i % 3 == 0 ? "dog" : "cat"));
        }
        Files.write(media.resolve("manifest.csv"), lines);
        Path project = dir.resolve("many.lbproj");
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("many", List.of("cat", "dog"),
                false))) {
            new ImportService().run(store, ImportRequest.of(ImportSource.MANIFEST, media.resolve("manifest.csv")),
                    JobContext.silent());
            VersionService versions = new VersionService();
            versions.create(store, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "t");
            new SplitService().split(store, SplitRule.parse("0.5,0.5", "fit,judge", 1, "label", null), "t",
                    JobContext.silent());
            versions.create(store, "v2", null, VersionScope.ALL, TruthSource.DEFAULT, "t");
        }
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        openProject(project);
        clickOn("#datasetsNav");
        clickOn("Versions");
        waitUntil(() -> datasetVersionTable().getItems().size() == 2);
        clickOn(cell(".dataset-version-table", "v2"), MouseButton.PRIMARY);
        push(KeyCode.SHIFT, KeyCode.UP);
        waitForText("#diffLine", "v1 → v2: 0 added · 0 removed · 0 relabeled · 450 moved between splits");
        waitUntil(() -> diffTable().getItems().size() == ITEMS && diffTable().getItems().get(0).isLoaded());
        DiffRow first = onFx(() -> diffTable().getItems().get(0).row());
        assertThat(List.of(first.change(), first.key(), first.before())).containsExactly("moved", "q000", "–");

        // End: the last row, read from the keyset page that ends the diff.
        clickOn(cell(".diff-table", "q000"));
        type(KeyCode.END);
        waitUntil(() -> visibleCellTexts().contains("q449"));
        DiffSlot last = onFx(() -> diffTable().getItems().get(ITEMS - 1));
        assertThat(last.row().key()).isEqualTo("q449");
        assertThat(last.row().change()).isEqualTo("moved");
        assertThat(last.row().before()).isEqualTo("–");
        assertThat(last.row().after()).isIn("fit", "judge");
        // The middle page was never needed: the table read the first and the last page only.
        assertThat(onFx(() -> ((PagedDiffList) diffTable().getItems()).pageReads())).isEqualTo(2);
        assertThat(visibleCellTexts()).doesNotContain("q000");

        // Filtered to relabeled: none, so the table is empty; back to all changes, the 450 again.
        clickOn("#diffKindChoice");
        clickPopupEntry("relabeled");
        waitUntil(() -> diffTable().getItems().isEmpty());
        clickOn("#diffKindChoice");
        clickPopupEntry("moved");
        waitUntil(() -> diffTable().getItems().size() == ITEMS);
    }

    @SuppressWarnings("unchecked")
    private TableView<DatasetVersion> datasetVersionTable() {
        return (TableView<DatasetVersion>) lookup(".dataset-version-table").query();
    }

    @SuppressWarnings("unchecked")
    private TableView<DiffSlot> diffTable() {
        return (TableView<DiffSlot>) lookup(".diff-table").query();
    }

    private List<String> visibleCellTexts() {
        return onFx(() -> lookup(".diff-table .table-cell").queryAll().stream().filter(Node::isVisible)
                .map(c -> ((javafx.scene.control.Labeled) c).getText()).filter(t -> t != null && !t.isEmpty())
                .toList());
    }

    private Node cell(String table, String text) {
        return onFx(() -> lookup(table + " .table-cell").queryAll().stream()
                .filter(c -> text.equals(((javafx.scene.control.Labeled) c).getText())).findFirst().orElseThrow());
    }
}
