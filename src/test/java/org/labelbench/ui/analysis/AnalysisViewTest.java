package org.labelbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.ui.WorkbenchTestBase;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An engineer opens Error analysis in the real window (headless), sees the model's errors most
 * confident first, selects two of them with the keyboard, presses T, types a new tag and Enter:
 * the rows show it, the project stores it, and the tag table gains its row with the right
 * counts. Ctrl+Z takes it all back.
 */
class AnalysisViewTest extends WorkbenchTestBase {

    @Test
    void tagsTwoErrorsByKeyboardAndUndoes() throws Exception {
        Path project = AnalysisProjects.clothes(dir);
        openProject(project);

        clickOn("#analysisNav");
        waitForColumn(".error-table", "key-column", AnalysisProjects.ERRORS);
        waitForText("#errorCountLabel", "3 errors of 8 predicted items");
        assertThat(column(".error-table", "truth-column")).containsExactly("shirt", "t-shirt", "coat");
        assertThat(column(".error-table", "prediction-column")).containsExactly("t-shirt", "shirt", "shirt");
        assertThat(column(".error-table", "correct-column")).containsExactly("✗", "✗", "✗");
        assertThat(column(".error-table", "labels-column")).first().isEqualTo("ana: shirt, ben: shirt");
        assertThat(column(".error-table", "tags-column")).containsExactly("", "", "dark");
        assertThat(column(".tag-table", "tag-column")).containsExactly("(all data)", "dark");

        press(KeyCode.SHIFT, KeyCode.DOWN); // the first row is selected: Shift+Down adds the second
        release(KeyCode.DOWN, KeyCode.SHIFT);
        type(KeyCode.T);
        waitUntil(() -> lookup("#tagField").query().isFocused());
        write("collar");
        type(KeyCode.ENTER);

        waitForColumn(".error-table", "tags-column", List.of("collar", "collar", "dark"));
        assertThat(taggedKeys("collar")).containsExactly("i0.png", "i2.png");
        waitForColumn(".tag-table", "tag-column", List.of("(all data)", "collar", "dark"));
        assertThat(column(".tag-table", "items-column")).containsExactly("7", "2", "2");
        assertThat(column(".tag-table", "errors-column")).containsExactly("3", "2", "1");
        assertThat(column(".tag-table", "error-share-column")).containsExactly("100.0%", "66.7%", "33.3%");
        assertThat(column(".tag-table", "accuracy-column")).containsExactly("57.1%", "0.0%", "50.0%");
        // The gain column is the chart: a bar before each tag's gain, none for "(all data)".
        assertThat(onFx(() -> lookup(".tag-table .table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && "gain-column".equals(cell.getTableColumn().getId()) && !cell.isEmpty())
                .map(node -> (TableCell<?, ?>) node).sorted(Comparator.comparingInt(TableCell::getIndex))
                .map(cell -> cell.getGraphic() != null && cell.getGraphic().getStyleClass().contains("gain-bar-track"))
                .toList())).containsExactly(false, true, true);
        waitForText("#analysisMessage", "Tagged 2 items 'collar' · Ctrl+Z undoes");
        assertThat(onFx(() -> lookup(".quick-tag").queryAll().stream()
                .map(node -> ((javafx.scene.control.Labeled) node).getText()).toList()))
                .containsExactly("1  dark", "2  collar");

        press(KeyCode.SHORTCUT, KeyCode.Z);
        release(KeyCode.Z, KeyCode.SHORTCUT);

        waitForColumn(".error-table", "tags-column", List.of("", "", "dark"));
        assertThat(taggedKeys("collar")).isEmpty();
        waitForColumn(".tag-table", "tag-column", List.of("(all data)", "dark"));
        waitForText("#analysisMessage", "Undone: removed 'collar' from 2 items");
        waitForText("#unevaluatedLabel", "No evaluated items: collar");

        press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
        release(KeyCode.Z, KeyCode.SHIFT, KeyCode.SHORTCUT);
        waitForColumn(".error-table", "tags-column", List.of("collar", "collar", "dark"));
        waitForText("#analysisMessage", "Redone: tagged 2 items 'collar' · Ctrl+Z undoes");

        press(KeyCode.SHORTCUT, KeyCode.Z);
        release(KeyCode.Z, KeyCode.SHORTCUT);
        waitForColumn(".error-table", "tags-column", List.of("", "", "dark"));
        press(KeyCode.SHORTCUT, KeyCode.Y);
        release(KeyCode.Y, KeyCode.SHORTCUT);
        waitForColumn(".error-table", "tags-column", List.of("collar", "collar", "dark"));
        assertThat(taggedKeys("collar")).containsExactly("i0.png", "i2.png");
    }

    /**
     * A double-click on an error opens its large view: the image, both annotators' labels, the
     * truth, the prediction and the run's probabilities most probable first; Escape closes it and
     * Enter on the row opens it again.
     */
    @Test
    void aDoubleClickOrEnterOpensTheLargeItemView() throws Exception {
        Path project = AnalysisProjects.clothes(dir);
        AnalysisProjects.importRunWithProbabilities(project, dir);
        openProject(project);
        clickOn("#analysisNav");
        waitForColumn(".error-table", "key-column", List.of("i3.png"));

        doubleClickOn(onFx(() -> lookup(".error-table .table-cell").queryAll().stream()
                .filter(node -> "i3.png".equals(((javafx.scene.control.Labeled) node).getText())).findFirst()
                .orElseThrow()));

        waitUntil(() -> detail("#detailTruth") != null);
        assertThat(detail("#detailTruth")).isEqualTo("coat");
        assertThat(detail("#detailPrediction")).startsWith("shirt").endsWith(", wrong");
        assertThat(detail("#detailLabels")).isEqualTo("ana: coat · ben: coat");
        waitUntil(() -> probabilityRows().size() == 3);
        assertThat(probabilityRows()).containsExactly("shirt 0.700", "coat 0.200", "t-shirt 0.100");
        waitUntil(() -> onFx(() -> detailWindow().getScene().lookup(".preview-title") instanceof
                javafx.scene.control.Labeled title && "i3.png".equals(title.getText())));

        type(KeyCode.ESCAPE);
        waitUntil(() -> detailWindow() == null);

        clickOn(onFx(() -> lookup(".error-table .table-cell").queryAll().stream()
                .filter(node -> "i3.png".equals(((javafx.scene.control.Labeled) node).getText())).findFirst()
                .orElseThrow()));
        type(KeyCode.ENTER);
        waitUntil(() -> detail("#detailTruth") != null);
        type(KeyCode.ESCAPE);
        waitUntil(() -> detailWindow() == null);
    }

    private javafx.stage.Window detailWindow() {
        return onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(window -> window.isShowing() && window.getScene() != null
                        && window.getScene().lookup("#itemDetailView") != null)
                .findFirst().orElse(null));
    }

    private String detail(String id) {
        return onFx(() -> {
            javafx.stage.Window window = detailWindow();
            return window == null || !(window.getScene().lookup(id) instanceof javafx.scene.control.Labeled label)
                    ? null : label.getText();
        });
    }

    private List<String> probabilityRows() {
        return onFx(() -> {
            javafx.stage.Window window = detailWindow();
            return window == null ? List.of() : window.getScene().getRoot().lookupAll(".probability-row").stream()
                    .map(row -> ((javafx.scene.layout.HBox) row).getChildren())
                    .map(children -> ((javafx.scene.control.Labeled) children.get(0)).getText() + " "
                            + ((javafx.scene.control.Labeled) children.get(2)).getText())
                    .toList();
        });
    }

    /**
     * "Slices and runs…" opens its own window over the run on screen (the newest, m2): the slice
     * audit lists the two values of "light" worst first, too few items to test; the comparison
     * with m1 gives the counts, per-class F1 and the keys only one run gets right.
     */
    @Test
    void opensTheSliceAuditAndTheRunComparison() throws Exception {
        openProject(AnalysisProjects.clothesWithTwoRuns(dir));
        clickOn("#analysisNav");
        waitForText("#analysisSummaryLabel", "Accuracy 85.7% · macro F1 0.867 · 7 of 8 predicted items have a"
                + " ground truth");

        clickOn("#slicesAndRunsButton");
        waitForColumn("#sliceTable", "value-column", List.of("day", "night"));
        assertThat(column("#sliceTable", "attribute-column")).containsExactly("light", "light");
        assertThat(column("#sliceTable", "slice-items-column")).containsExactly("4", "3");
        assertThat(column("#sliceTable", "slice-accuracy-column")).containsExactly("75.0%", "100.0%");
        assertThat(column("#sliceTable", "p-column")).containsExactly("n/a", "n/a");
        assertThat(column("#sliceTable", "flag-column")).containsExactly("not tested", "not tested");
        assertThat(onFx(() -> lookup("#slicesAndRunsTabs").queryAs(javafx.scene.control.TabPane.class).getTabs()
                .stream().map(javafx.scene.control.Tab::getText).toList()))
                .containsExactly("Slice audit", "Compare runs", "Precision / recall");

        clickOn("Compare runs");
        waitForText("#comparisonLine", "m2 vs m1 on 7 items: accuracy 85.7% vs 57.1%; both right 3, only m2 right 3,"
                + " only m1 right 1, both wrong 0; McNemar exact p 0.625");
        waitForColumn("#classF1Table", "class-column", AnalysisProjects.CLASSES);
        assertThat(column("#classF1Table", "f1-first-column")).hasSize(3);
        assertThat(column("#classF1Table", "f1-difference-column").get(2)).isEqualTo("0.000");
        waitForColumn("#tagAccuracyTable", "compare-tag-column", List.of("dark"));
        assertThat(onFx(() -> List.copyOf(lookup("#onlyFirstRightList").queryListView().getItems())))
                .containsExactly("i0.png", "i2.png", "i4.png");
        assertThat(onFx(() -> List.copyOf(lookup("#onlySecondRightList").queryListView().getItems())))
                .containsExactly("i3.png");

        // The precision/recall tab still answers after a garbage collection: its controls bind to
        // the tab's model weakly, so the window must hold the model itself.
        clickOn("Precision / recall");
        System.gc();
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> lookup("#positiveClassChoice").queryAs(javafx.scene.control.ChoiceBox.class).setValue("coat"));
        waitForText("#precisionRecallStatus", "run 'm2' has no probabilities: import them as p_<class> columns to"
                + " see precision and recall per class");
    }

    @Test
    void saysHowToImportARunWhenThereIsNone() throws Exception {
        Path project = dir.resolve("empty.lbproj");
        ProjectStore.create(project, new ProjectSettings("Empty", List.of("a", "b"), false)).close();
        openProject(project);

        clickOn("#analysisNav");
        waitForText("#analysisEmptyMessage", AnalysisViewModel.NO_RUNS);
        waitUntil(() -> lookup("#analysisEmptyMessage").query().isVisible()
                && lookup("#analysisEmptyImportButton").query().isVisible());
    }

    /** Opens the project, and on failure says what the workbench said (a dialog, or the failure itself). */
    @Override
    protected void openProject(Path project) throws TimeoutException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> workbench.open(project).whenComplete((opened, error) -> failure.set(error)));
        try {
            waitUntil(() -> lookup("#analysisNav").tryQuery().map(n -> n.getLayoutBounds().getWidth() > 0)
                    .orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError("the project did not open; dialogs say: " + onFx(() -> lookup(".dialog-pane")
                    .queryAll().stream().map(pane -> ((DialogPane) pane).getContentText()).toList())
                    + "; failure: " + failure.get(), failure.get() != null ? failure.get() : e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until a column reads {@code expected}; on time-out, says what it read and what the view said. */
    private void waitForColumn(String table, String columnId, List<String> expected) {
        try {
            waitUntil(() -> column(table, columnId).equals(expected));
        } catch (TimeoutException e) {
            throw new AssertionError(table + " " + columnId + " reads " + column(table, columnId) + ", not " + expected
                    + "; message: " + text("#analysisMessage") + "; focus: " + onFx(() -> String.valueOf(
                    stage.getScene().getFocusOwner())) + "; tag field: " + onFx(() -> ((javafx.scene.control.TextField)
                    lookup("#tagField").query()).getText()), e);
        }
    }

    private List<String> taggedKeys(String tag) {
        return SqlRows.of(workbench.openStore(), "SELECT i.key FROM item_tag it JOIN tag t ON t.id = it.tag"
                + " JOIN item i ON i.id = it.item WHERE t.name = ? ORDER BY i.key", tag).stream()
                .map(row -> row.get(0)).toList();
    }

    /** The texts of one column of a table, top to bottom (a tags cell reads as its tags, comma-separated). */
    private List<String> column(String table, String columnId) {
        return onFx(() -> lookup(table + " .table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && columnId.equals(cell.getTableColumn().getId()) && !cell.isEmpty()
                        && cell.getTableRow() != null && !cell.getTableRow().isEmpty() && cell.isVisible())
                .map(node -> (TableCell<?, ?>) node)
                .sorted(Comparator.comparingInt(TableCell::getIndex))
                .map(cell -> cell.getText() != null ? cell.getText()
                        : cell.getAccessibleText() == null ? "" : cell.getAccessibleText())
                .toList());
    }
}
