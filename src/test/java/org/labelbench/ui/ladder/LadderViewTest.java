package org.labelbench.ui.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.LadderProject;
import org.labelbench.testing.SqlRows;
import org.labelbench.ui.LayoutProbe;
import org.labelbench.ui.WorkbenchTestBase;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Ladder view in the real workbench window (headless), as a lead uses it on
 * {@link LadderProject}: open "Automation", read the rungs and the chart, type a target, apply
 * partial automation after the confirmation, and see the queue made for the rest.
 */
class LadderViewTest extends WorkbenchTestBase {

    @Test
    void aLeadReadsTheLadderAndAppliesPartialAutomation() throws Exception {
        Path project = LadderProject.create(dir);
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        openProject(project);

        clickOn("#ladderNav");
        waitUntil(() -> lookup("#rung-full .rung-verdict").tryQuery().isPresent());
        assertThat(text("#rung-human .rung-figures")).isEqualTo("10 labeled items · 3 annotators · HLP 80.6 %");
        assertThat(text("#rung-shadow .rung-badge")).isEqualTo("not met");
        assertThat(text("#rung-assistance .rung-verdict")).startsWith("No suggestions shown yet");
        assertThat(text("#rung-partial .rung-verdict")).isEqualTo("Confidence ≥ 0.5 keeps the accuracy at 87.5 % (HLP"
                + " 80.6 %) on 80.0 % of the 10 human-labeled items; on the 6 unlabeled items it would auto-label 5,"
                + " about 0.6 of them wrong");
        assertThat(text("#rung-full .rung-verdict")).startsWith("Not allowed: the run's accuracy on all 10");
        assertThat(chartSeries()).containsExactly("accuracy", "target 80.6 %", "threshold 0.5");
        assertThat(thresholdPoint()).containsExactly(0.8, 0.875);
        // Nothing is clipped at 1366×768 once the ladder is shown.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> new LayoutProbe(node -> false).offenders("Ladder", stage.getScene()))).isEmpty();

        // A stricter target moves the threshold up the curve.
        clickOn("#targetField");
        write("0.9");
        type(KeyCode.ENTER);
        waitUntil(() -> chartSeries().contains("threshold 0.85"));
        assertThat(text("#applySummary")).isEqualTo("3 auto labels at confidence ≥ 0.85, about 0.0 wrong; 3 unlabeled"
                + " items left for people");

        clickOn("#applyButton");
        waitUntil(() -> lookup(".apply-confirmation").tryQuery().isPresent());
        DialogPane confirmation = lookup(".apply-confirmation").queryAs(DialogPane.class);
        assertThat(onFx(confirmation::getContentText)).isEqualTo("Write 3 auto labels from run 'm1' (origin auto, by"
                + " model:m1) on the unlabeled items with confidence ≥ 0.85? About 0.0 of them are expected to be wrong"
                + " (measured accuracy 100.0 %). The other 3 unlabeled items go to the queue 'below threshold: m1'.");
        type(KeyCode.ENTER);

        waitForText("#applyOutcome", "Wrote 3 auto labels by model:m1 at confidence ≥ 0.85; queue 'below threshold:"
                + " m1' has the 3 unlabeled items left");
        waitForText("#applySummary", "Nothing to apply: no unlabeled item has a confidence at or above the threshold");
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            assertThat(SqlRows.of(store, "SELECT i.key FROM annotation a JOIN item i ON i.id = a.item"
                    + " WHERE a.origin = 'auto' ORDER BY i.key")).containsExactly(List.of("u11.png"),
                    List.of("u12.png"), List.of("u13.png"));
            assertThat(SqlRows.of(store, "SELECT i.key FROM queue_item qi JOIN queue q ON q.id = qi.queue JOIN item i"
                    + " ON i.id = qi.item WHERE q.name = 'below threshold: m1' ORDER BY i.key"))
                    .containsExactly(List.of("u14.png"), List.of("u15.png"), List.of("u16.png"));
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> chartSeries() {
        return onFx(() -> ((LineChart<Number, Number>) lookup("#coverageChart").query()).getData().stream()
                .map(XYChart.Series::getName).toList());
    }

    @SuppressWarnings("unchecked")
    private List<Double> thresholdPoint() {
        return onFx(() -> {
            XYChart.Series<Number, Number> marked = ((LineChart<Number, Number>) lookup("#coverageChart").query())
                    .getData().stream().filter(s -> s.getName().startsWith("threshold")).findFirst().orElseThrow();
            XYChart.Data<Number, Number> point = marked.getData().get(0);
            return List.of(point.getXValue().doubleValue(), point.getYValue().doubleValue());
        });
    }
}
