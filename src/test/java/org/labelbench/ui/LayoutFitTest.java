package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelbench.ui.label.ZoomableImageView;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every view of the Fashion-MNIST sample fits the smallest window the workbench allows
 * (1024×700) and the most common laptop screen (1366×768): no visible label, button, check box,
 * column header or table cell is elided or reaches outside the window, or outside its scroll
 * pane where that does not scroll (see {@link LayoutProbe}). All offenders of all views are
 * reported at once.
 */
class LayoutFitTest extends WorkbenchTestBase {
    /** Free text elided on purpose with its whole value in a tooltip: an item's attributes while labeling. */
    private static final Set<String> FREE_TEXT_IDS = Set.of("attributesLabel");

    private final List<String> offenders = new ArrayList<>();
    private final LayoutProbe probe = new LayoutProbe(node -> node.getId() != null
            && FREE_TEXT_IDS.contains(node.getId()));

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1024, 700", "1366, 768"})
    void everyViewFitsTheWindow(double width, double height) throws Exception {
        interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        Platform.runLater(() -> workbench.openSample("fashion-mnist"));
        waitForMainWindow();
        assertThat(onFx(() -> stage.getScene().getWidth())).isEqualTo(width);
        String size = (int) width + "×" + (int) height + " ";

        waitUntil(() -> text(".count-label").startsWith("Showing 3,000 of 3,000"));
        check(size + "Items");
        clickOn("#gridModeButton");
        check(size + "Items grid");
        clickOn("#tableModeButton");
        clickOn(lookup(".items-table .table-cell").queryAll().stream()
                .filter(cell -> "00001.png".equals(((Labeled) cell).getText())).findFirst().orElseThrow());
        waitUntil(() -> lookup("#imageView").tryQuery()
                .map(image -> ((javafx.scene.image.ImageView) image).getImage() != null).orElse(true));
        check(size + "Items with preview");

        clickOn("#labelNav");
        waitUntil(() -> cellShows(".queue-table .table-cell", "first pass"));
        check(size + "Label page");

        clickOn(lookup(".queue-table .table-cell").queryAll().stream()
                .filter(cell -> "first pass".equals(((Labeled) cell).getText())).findFirst().orElseThrow());
        type(KeyCode.ENTER);
        waitUntil(() -> lookup("#labelerNameField").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#labelerNameField");
        write("layout");
        type(KeyCode.ENTER);
        waitUntil(() -> lookup("#itemImage").queryAs(ZoomableImageView.class).imageProperty().get() != null);
        check(size + "Labeling screen");
        clickOn("#backToQueuesButton");

        clickOn("#agreementNav");
        waitUntil(() -> text("#alphaCard .figure-value").matches("[0-9.−-]+"));
        waitUntil(() -> cellShows(".class-agreement-table .table-cell", "shirt"));
        // The interval progress counts up while the probe reads: check the settled view.
        waitUntil(() -> !text("#intervalStatus").startsWith("Computing"));
        check(size + "Agreement");

        clickOn("#disagreementsNav");
        waitUntil(() -> !text("#disagreementKeyLabel").isBlank());
        check(size + "Disagreements");

        clickOn("#guidelinesNav");
        waitUntil(() -> text("#guidelineHeading").startsWith("Version"));
        check(size + "Guidelines");

        clickOn("#schemaNav");
        waitUntil(() -> cellShows(".schema-table .table-cell", "shirt"));
        check(size + "Schema");

        clickOn("#analysisNav");
        waitUntil(() -> text("#analysisSummaryLabel").startsWith("Accuracy"));
        waitUntil(() -> cellShows(".tag-table .table-cell", "(all data)"));
        check(size + "Error analysis");

        clickOn("#ladderNav");
        waitUntil(() -> lookup("#rung-full .rung-verdict").tryQuery().isPresent());
        check(size + "Automation ladder");

        clickOn("#datasetsNav");
        waitUntil(() -> text("#splitsMessage").startsWith("No split yet"));
        check(size + "Datasets · Splits");
        interact(() -> ((TabPane) lookup("#datasetsTabs").query()).getSelectionModel().select(1));
        waitUntil(() -> text("#versionsMessage").startsWith("No versions yet"));
        check(size + "Datasets · Versions");
        interact(() -> ((TabPane) lookup("#datasetsTabs").query()).getSelectionModel().select(0));
        clickOn("#analysisNav");
        waitUntil(() -> text("#analysisSummaryLabel").startsWith("Accuracy"));

        clickOn("#slicesAndRunsButton");
        waitUntil(() -> slicesWindow() != null && cellShows("#sliceTable .table-cell", "group"));
        Stage slices = slicesWindow();
        checkWindow(size + "Slices and runs · Slice audit", slices);
        interact(() -> tabs(slices).getSelectionModel().select(1));
        waitUntil(() -> !((Labeled) slices.getScene().lookup("#comparisonLine")).getText().isBlank());
        checkWindow(size + "Slices and runs · Compare runs", slices);
        interact(() -> tabs(slices).getSelectionModel().select(2));
        waitUntil(() -> !((Labeled) slices.getScene().lookup("#precisionRecallStatus")).getText().isBlank());
        checkWindow(size + "Slices and runs · Precision / recall", slices);

        assertThat(offenders).as("clipped nodes").isEmpty();
    }

    private void check(String view) {
        checkWindow(view, stage);
    }

    private void checkWindow(String view, Stage window) {
        settle();
        offenders.addAll(onFx(() -> probe.offenders(view, window.getScene())));
    }

    /** Lets the view finish its layout passes (a table sizes its columns a pulse after its rows). */
    private void settle() {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(150, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private boolean cellShows(String query, String text) {
        return lookup(query).queryAll().stream().anyMatch(cell -> cell instanceof Labeled labeled
                && text.equals(labeled.getText()));
    }

    private Stage slicesWindow() {
        return onFx(() -> Window.getWindows().stream()
                .filter(window -> window instanceof Stage other && other != stage && other.getScene() != null
                        && other.getScene().lookup("#slicesAndRunsTabs") != null)
                .map(window -> (Stage) window).findFirst().orElse(null));
    }

    private static TabPane tabs(Stage window) {
        return (TabPane) window.getScene().lookup("#slicesAndRunsTabs");
    }
}
