package org.labelbench.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.labelbench.dataset.Leakage;
import org.labelbench.dataset.LeakageCheck;
import org.labelbench.dataset.SplitService;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.LayoutProbe;
import org.labelbench.ui.WorkbenchTestBase;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Datasets view's Splits tab in the real window (headless) at 1366×768, as a lead uses it on
 * {@link DatasetsProject}: make a split from the form by keyboard, read the chart's bars, the
 * deviation and the leakage check, see a refusal in a dialog, and freeze the split.
 */
class DatasetsSplitsTest extends WorkbenchTestBase {

    @Test
    void aLeadMakesAGroupedSplitReadsItsChartAndFreezesIt() throws Exception {
        Path project = DatasetsProject.create(dir);
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        openProject(project);

        clickOn("#datasetsNav");
        waitForText("#splitsMessage", SplitsViewModel.NO_SPLIT);

        // The form by keyboard: ratios, names, seed; group by speaker with the mouse; Enter in the seed field splits.
        doubleClickOn("#ratiosField");
        push(KeyCode.CONTROL, KeyCode.A);
        write("0.5,0.25,0.25");
        push(KeyCode.TAB);
        push(KeyCode.CONTROL, KeyCode.A);
        write("fit,tune,judge");
        push(KeyCode.TAB);
        push(KeyCode.CONTROL, KeyCode.A);
        write("3");
        clickOn("#groupByChoice");
        clickOn("attr:speaker");
        clickOn("#splitSeedField");
        type(KeyCode.ENTER);

        waitUntil(() -> !text("#countsLine").isEmpty()
                && text("#leakageLine").startsWith("No leakage"));
        SplitService.Stored stored;
        Leakage leakage;
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            stored = new SplitService().stored(store).orElseThrow();
            leakage = new SplitService().check(store, LeakageCheck.NEAR_THRESHOLD, JobContext.silent()).leakage();
        }
        assertThat(stored.rule().names()).containsExactly("fit", "tune", "judge");
        assertThat(stored.rule().groupAttribute()).isEqualTo("speaker");
        assertThat(text("#ruleLine")).startsWith("fit 0.5 · tune 0.25 · judge 0.25 · seed 3 · stratified by label"
                + " · grouped by attr:speaker · made ");
        long[] counts = stored.report().counts();
        assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(DatasetsProject.ITEMS);
        assertThat(text("#countsLine")).isEqualTo(String.format(Locale.ROOT, "68 items: fit %d (%.1f %%) · tune %d"
                + " (%.1f %%) · judge %d (%.1f %%)", counts[0], counts[0] * 100.0 / 68, counts[1],
                counts[1] * 100.0 / 68, counts[2], counts[2] * 100.0 / 68));
        SplitService.Stored report = stored;
        assertThat(text("#deviationLine")).isEqualTo(String.format(Locale.ROOT, "Largest deviation from the whole:"
                + " %.1f points (%s)", report.report().largestDeviation() * 100,
                report.report().classes().largestDeviationAt(report.report().names())));

        // The chart: a bar for the whole and one per split, a segment per class, each bar 100 %.
        assertThat(onFx(() -> categoryAxis().getCategories())).containsExactly("whole", "fit", "tune", "judge");
        assertThat(seriesNames()).containsExactly("cat", "dog", "owl");
        assertThat(barHeight("cat", "whole")).isCloseTo(38 * 100.0 / 68, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(barHeight("owl", "whole")).isCloseTo(10 * 100.0 / 68, org.assertj.core.data.Offset.offset(1e-9));
        for (String split : List.of("fit", "tune", "judge")) {
            assertThat(barHeight("cat", split) + barHeight("dog", split) + barHeight("owl", split))
                    .isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
        }
        long catInFit = stored.report().classes().counts()[0][0];
        assertThat(barHeight("cat", "fit")).isCloseTo(catInFit * 100.0 / counts[0],
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(onFx(() -> lookup("#classChart .chart-bar").queryAll().stream().filter(Node::isVisible)
                .filter(bar -> !bar.getStyleClass().contains("bar-legend-symbol")).count())).isEqualTo(12L);

        // The leakage check: no group straddles two splits; the near-duplicate pictures across splits are listed.
        assertThat(leakage.nearPairs()).isPositive();
        assertThat(text("#nearLine")).startsWith(leakage.nearPairs() + " near-duplicate "
                + (leakage.nearPairs() == 1 ? "pair" : "pairs") + " across splits (at most 4 bits apart; 68 pictures");
        assertThat(onFx(() -> List.copyOf(lookup("#nearPairsList").queryAs(ListView.class).getItems())))
                .hasSize((int) leakage.nearPairs())
                .allSatisfy(pair -> assertThat((String) pair).containsPattern("p0\\d \\(\\w+\\) ~ p0\\d-bright"));

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> new LayoutProbe(node -> false).offenders("Datasets", stage.getScene()))).isEmpty();

        // Shares that do not sum to 1 are refused in a dialog, and nothing changes.
        doubleClickOn("#ratiosField");
        push(KeyCode.CONTROL, KeyCode.A);
        write("0.5,0.4");
        type(KeyCode.ENTER);
        waitUntil(() -> lookup(".error-dialog").tryQuery().isPresent());
        assertThat(onFx(() -> lookup(".error-dialog").queryAs(DialogPane.class).getContentText()))
                .isEqualTo("Ratios 0.5,0.4: the shares sum to 0.9, not 1 (or 100)");
        type(KeyCode.ENTER);
        waitUntil(() -> lookup(".error-dialog").tryQuery().isEmpty());

        // Freeze: the button turns into Unfreeze, the form cannot replace the split, and the store says frozen.
        clickOn("#freezeButton");
        waitForText("#freezeButton", "Unfreeze");
        waitUntil(() -> text("#ruleLine").contains(" · frozen · "));
        assertThat(onFx(() -> lookup("#makeSplitButton").query().isDisabled())).isTrue();
        assertThat(text("#datasetsOutcome")).isEqualTo("Split frozen: new imports join it by its rule");
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            assertThat(new SplitService().rule(store).orElseThrow().frozen()).isTrue();
        }
    }

    private CategoryAxis categoryAxis() {
        return (CategoryAxis) chart().getXAxis();
    }

    @SuppressWarnings("unchecked")
    private StackedBarChart<String, Number> chart() {
        return (StackedBarChart<String, Number>) lookup("#classChart").query();
    }

    private List<String> seriesNames() {
        return onFx(() -> chart().getData().stream().map(XYChart.Series::getName).toList());
    }

    private double barHeight(String series, String category) {
        return onFx(() -> {
            List<Double> found = new ArrayList<>();
            chart().getData().stream().filter(s -> s.getName().equals(series)).forEach(s -> s.getData().stream()
                    .filter(d -> d.getXValue().equals(category)).forEach(d -> found.add(d.getYValue().doubleValue())));
            assertThat(found).hasSize(1);
            return found.get(0);
        });
    }
}
