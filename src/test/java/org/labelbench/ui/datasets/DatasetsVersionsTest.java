package org.labelbench.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
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
import org.labelbench.jobs.JobContext;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.LayoutProbe;
import org.labelbench.ui.WorkbenchTestBase;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Datasets view's Versions tab in the real window (headless) at 1366×768: on a project with
 * version v1 made before a lead adjudicated three cats as dogs and the items were split, create
 * v2 from the dialog, see it in the list with its parent, its counts per split and its lineage,
 * then add v1 to the selection (Shift+Up) and read the diff: three relabeled cat → dog, every item moved into a split.
 */
class DatasetsVersionsTest extends WorkbenchTestBase {

    @Test
    void aLeadCreatesAVersionReadsItsLineageAndComparesItWithTheFirst() throws Exception {
        Path project = DatasetsProject.create(dir);
        try (ProjectStore store = ProjectStore.open(project)) {
            new VersionService().create(store, "v1", "before review", VersionScope.ALL, TruthSource.DEFAULT, "t");
            for (String key : List.of("p00", "p01", "p02")) {
                adjudicate(store, key, "dog");
            }
            new SplitService().split(store, SplitRule.parse("0.5,0.25,0.25", "fit,tune,judge", 3, "label", null),
                    "t", JobContext.silent());
        }
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        openProject(project);
        clickOn("#datasetsNav");
        clickOn("Versions");
        try {
            waitUntil(() -> datasetVersionTable().getItems().size() == 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the list shows no version; the view says: " + text("#versionsMessage"), e);
        }

        clickOn("#createVersionButton");
        waitUntil(() -> lookup("#versionNoteField").tryQuery().isPresent());
        assertThat(onFx(() -> ((javafx.scene.control.TextField) lookup("#versionNameField").query()).getText()))
                .isEqualTo("v2");
        clickOn("#versionNoteField");
        write("three cats were dogs");
        type(KeyCode.ENTER);

        waitUntil(() -> datasetVersionTable().getItems().size() == 2 && text("#versionTitle").startsWith("Version v2"));
        DatasetVersion v2 = onFx(() -> datasetVersionTable().getItems().get(1));
        assertThat(v2.parent()).isEqualTo("v1");
        assertThat(v2.note()).isEqualTo("three cats were dogs");
        assertThat(rowTexts(".dataset-version-table")).contains("v2", "68", v2.manifestSha256().substring(0, 12), "v1");
        assertThat(text("#versionTitle")).isEqualTo("Version v2 · 68 items · all · labels: adjudicated"
                + " · “three cats were dogs”");
        assertThat(text("#datasetsOutcome")).startsWith("Created version v2: 68 items (0 unlabeled), manifest "
                + v2.manifestSha256().substring(0, 12) + ", parent v1");
        // Counts per split and class: the splits, then all; the classes as columns.
        assertThat(onFx(() -> lookup(".version-counts").queryAs(TableView.class).getColumns().stream()
                .map(c -> ((javafx.scene.control.TableColumn<?, ?>) c).getText()).toList()))
                .containsExactly("Split", "cat", "dog", "owl", "Total");
        assertThat(onFx(() -> lookup(".version-counts").queryAs(TableView.class).getItems().stream()
                .map(r -> ((SplitClassRow) r).split()).toList())).containsExactly("fit", "judge", "tune", "all");
        SplitClassRow all = onFx(() -> (SplitClassRow) lookup(".version-counts").queryAs(TableView.class).getItems()
                .get(3));
        assertThat(all.perClass()).containsExactly(35L, 23L, 10L);
        // The lineage: the import batch, the labels by the importer and by the lead, the parent, the version.
        waitUntil(() -> lookup("#lineage-version-v2").tryQuery().isPresent());
        for (String id : List.of("#lineage-version-v1", "#lineage-labels-lead", "#lineage-import-1")) {
            assertThat(onFx(() -> lookup(id).tryQuery().map(Node::isVisible).orElse(false))).as(id).isTrue();
        }
        assertThat(onFx(() -> lookup(".lineage-edge").queryAll().size())).isGreaterThanOrEqualTo(4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> new LayoutProbe(node -> false).offenders("Versions", stage.getScene()))).isEmpty();

        // Shift+Up from v2 adds v1 to the selection: the diff of the two, older first.
        clickOn(cell(".dataset-version-table", "v2"), MouseButton.PRIMARY);
        push(KeyCode.SHIFT, KeyCode.UP);
        waitForText("#diffLine", "v1 → v2: 0 added · 0 removed · 3 relabeled · 68 moved between splits");
        clickOn("#diffKindChoice");
        clickPopupEntry("relabeled");
        waitUntil(() -> diffTable().getItems().size() == 3 && diffTable().getItems().stream()
                .allMatch(DiffSlot::isLoaded));
        assertThat(onFx(() -> diffTable().getItems().stream().map(DiffSlot::row).map(r -> r.key() + " " + r.before()
                + " → " + r.after()).toList())).containsExactly("p00 cat → dog", "p01 cat → dog", "p02 cat → dog");
        assertThat(rowTexts(".diff-table")).contains("relabeled", "p00", "cat", "dog");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> new LayoutProbe(node -> false).offenders("Diff", stage.getScene()))).isEmpty();
    }

    private static void adjudicate(ProjectStore store, String key, String label) {
        store.write(tx -> {
            long item = new ItemRepository().findByKey(tx, key).orElseThrow().id();
            long lead = new AnnotatorRepository().findOrCreate(tx, "lead", "lead").id();
            long labelClass = new LabelClassRepository().list(tx).stream().filter(c -> c.name().equals(label))
                    .findFirst().orElseThrow().id();
            new AnnotationRepository().appendOne(tx, NewAnnotation.classLabel(item, lead, labelClass, null,
                    "adjudicated", Instant.now()));
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private TableView<DatasetVersion> datasetVersionTable() {
        return (TableView<DatasetVersion>) lookup(".dataset-version-table").query();
    }

    @SuppressWarnings("unchecked")
    private TableView<DiffSlot> diffTable() {
        return (TableView<DiffSlot>) lookup(".diff-table").query();
    }

    private Node cell(String table, String text) {
        return onFx(() -> lookup(table + " .table-cell").queryAll().stream()
                .filter(c -> text.equals(((javafx.scene.control.Labeled) c).getText())).findFirst().orElseThrow());
    }

    private List<String> rowTexts(String table) {
        return onFx(() -> lookup(table + " .table-cell").queryAll().stream()
                .map(c -> ((javafx.scene.control.Labeled) c).getText()).filter(t -> t != null).toList());
    }
}
