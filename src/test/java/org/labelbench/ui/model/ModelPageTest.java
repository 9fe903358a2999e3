package org.labelbench.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.labelbench.assist.StoredModel;
import org.labelbench.ui.LayoutProbe;
import org.labelbench.ui.WorkbenchTestBase;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user opens the Model page of a pattern project in the real window (headless, 1366×768),
 * types a model name and 2 epochs, clicks Train and sees the model in the list with two points
 * per line in the charts; a taken name opens a dialog; Predict on the unlabeled items writes a
 * run that the Error analysis page then offers. Nothing on the page is cut off on the way.
 */
class ModelPageTest extends WorkbenchTestBase {
    /** A training and a prediction load PyTorch and run for real: longer than a page read. */
    private static final long JOB_SECONDS = 180;

    private final LayoutProbe probe = new LayoutProbe(node -> false);

    @Test
    void trainsByMouseAndKeyboardThenPredictsARunErrorAnalysisOffers() throws Exception {
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        Path project = ModelProjects.patterns(dir.resolve("patterns"), 60, 45);
        openProject(project);

        clickOn("#modelNav");
        waitLong(() -> text("#engineLine").startsWith("Models run on PyTorch "));
        assertThat(field("#modelNameField")).isEqualTo("model-1");
        waitForText("#chartTitle", "No model yet: train one on the project's labels");
        assertThat(clipped("Model page, empty")).isEmpty();

        clickOn("#modelNameField");
        press(KeyCode.SHORTCUT, KeyCode.A);
        release(KeyCode.A, KeyCode.SHORTCUT);
        write("pattern-net");
        clickOn("#epochsField");
        press(KeyCode.SHORTCUT, KeyCode.A);
        release(KeyCode.A, KeyCode.SHORTCUT);
        write("2");
        clickOn("#trainButton");

        waitLong(() -> models().stream().anyMatch(m -> m.name().equals("pattern-net")));
        waitUntil(() -> !lookup("#modelJobBar").query().isVisible());
        assertThat(text("#modelMessage")).startsWith("Stored model 'pattern-net' (small-cnn, input 16x16");
        assertThat(onFx(() -> cells("model-name-column"))).containsExactly("pattern-net");
        assertThat(onFx(() -> cells("model-accuracy-column")).get(0)).matches("[01]\\.[0-9]{3}");
        assertThat(pointsPerLine("#lossChart")).containsExactly(2, 2);
        assertThat(pointsPerLine("#accuracyChart")).containsExactly(2, 2);
        StoredModel trained = onFx(() -> models().get(0));
        assertThat(field("#modelDetailSHA256")).isEqualTo(trained.modelSha256());
        assertThat(field("#modelDetailFolder")).isEqualTo(trained.folder().toString());
        assertThat(field("#modelNameField")).isEqualTo("model-2");
        assertThat(clipped("Model page with a model")).isEmpty();

        // A taken name: the dialog says why, and the list still holds the one model.
        clickOn("#modelNameField");
        press(KeyCode.SHORTCUT, KeyCode.A);
        release(KeyCode.A, KeyCode.SHORTCUT);
        write("pattern-net");
        type(KeyCode.ENTER);
        waitUntil(() -> !errorDialogs().isEmpty());
        assertThat(errorDialogs()).containsExactly("a model named 'pattern-net' exists; models are never changed,"
                + " so give the new one another name");
        closeDialogs();
        assertThat(onFx(() -> models().size())).isEqualTo(1);

        clickOn("#itemsChoice");
        clickOn("unlabeled items");
        waitUntil(() -> field("#runNameField").equals("pattern-net-unlabeled"));
        clickOn("#predictButton");
        waitLong(() -> text("#modelMessage").startsWith("Wrote run 'pattern-net-unlabeled': 15 predictions by model"
                + " 'pattern-net' on cpu in "));

        clickOn("#analysisNav");
        waitLong(() -> onFx(() -> ((javafx.scene.control.ComboBox<?>) lookup("#runChoice").query()).getItems().contains(
                "pattern-net-unlabeled")));
        assertThat(onFx(() -> ((javafx.scene.control.ComboBox<?>) lookup("#runChoice").query()).getItems().stream().map(String::valueOf)
                .toList()))
                .contains("pattern-net", "pattern-net-unlabeled");
    }

    @Test
    void learningCurveTabDrawsEachShareTheFitAndHlpThenATagsCurve() throws Exception {
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        openProject(ModelProjects.twoAnnotators(dir.resolve("curve"), 120, 8));
        clickOn("#modelNav");
        waitLong(() -> text("#engineLine").startsWith("Models run on PyTorch "));
        clickOn("How much more data");
        waitForText("#curveVerdict", LearningCurveViewModel.NOT_RUN);
        assertThat(onFx(() -> lookup("#curveReadingChoice").query().isDisabled())).isTrue();
        clickOn("#epochsField");
        press(KeyCode.SHORTCUT, KeyCode.A);
        release(KeyCode.A, KeyCode.SHORTCUT);
        write("2");
        clickOn("#learningCurveButton");

        waitLong(() -> text("#modelMessage").startsWith("Learning curve: "));
        // 105 items have a ground truth (bea's 15 disagreements with ann are ties, left out); about a
        // tenth of them judge every share, and the shares are 12.5, 25, 50 and 100 % of the rest.
        assertThat(text("#curvePoints")).matches("Dev accuracy: 12 labels [01]\\.\\d{3} · 23 labels [01]\\.\\d{3}"
                + " · 47 labels [01]\\.\\d{3} · 93 labels [01]\\.\\d{3}");
        assertThat(text("#curveVerdict")).startsWith("All data (12 dev items): ");
        List<Integer> lines = pointsPerLine("#learningCurveChart");
        assertThat(lines.get(0)).isEqualTo(4); // one point per share
        assertThat(lines.get(2)).isEqualTo(2); // HLP: a level line, from bea against ann
        assertThat(onFx(() -> ((ChoiceBox<?>) lookup("#curveReadingChoice").query()).getItems().stream()
                .map(String::valueOf).toList())).contains("All data", "odd");
        assertThat(clipped("Model page, learning curve")).isEmpty();

        clickOn("#curveReadingChoice");
        clickOn("odd");
        waitUntil(() -> text("#curveVerdict").startsWith("Tag odd ("));
        assertThat(pointsPerLine("#learningCurveChart").get(0)).isBetween(1, 4);
    }

    @SuppressWarnings("unchecked")
    private List<StoredModel> models() {
        return ((TableView<StoredModel>) lookup("#modelTable").query()).getItems();
    }

    private List<String> cells(String columnId) {
        return lookup("#modelTable .table-cell").queryAll().stream()
                .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null
                        && columnId.equals(cell.getTableColumn().getId()) && !cell.isEmpty())
                .map(node -> ((Labeled) node).getText()).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Integer> pointsPerLine(String chart) {
        return onFx(() -> ((LineChart<Number, Number>) lookup(chart).query()).getData().stream()
                .map(XYChart.Series::getData).map(List::size).toList());
    }

    private String field(String query) {
        return onFx(() -> ((TextField) lookup(query).query()).getText());
    }

    private List<String> errorDialogs() {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(window -> window.getScene().getRoot()).filter(root -> root instanceof DialogPane pane
                        && pane.getStyleClass().contains("error-dialog"))
                .map(root -> ((DialogPane) root).getContentText()).toList());
    }

    private void closeDialogs() {
        interact(() -> Window.getWindows().stream().filter(window -> window != stage && window instanceof Stage)
                .map(window -> (Stage) window).toList().forEach(Stage::close));
    }

    private List<String> clipped(String view) {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        }
        return onFx(() -> probe.offenders(view, stage.getScene()));
    }

    private void waitLong(Supplier<Boolean> condition) throws TimeoutException {
        waitFor(JOB_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
