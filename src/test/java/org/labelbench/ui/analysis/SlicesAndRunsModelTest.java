package org.labelbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.analysis.RunComparison;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.analysis.SliceAudit;
import org.labelbench.analysis.TagMembership;
import org.labelbench.analysis.TruthSource;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.preview.MediaFiles;
import org.labelbench.ui.shell.CallingThreadJobRunner;

/**
 * "Slices and runs" from the Error analysis view model, on the clothes project with an attribute
 * and a second run imported as a user would: the audit rows and the comparison are the core's,
 * worded for the window.
 */
class SlicesAndRunsModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;
    private ProjectStore store;
    private AnalysisViewModel viewModel;

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.dispose();
        }
        if (store != null) {
            store.close();
        }
    }

    private SlicesAndRunsModel open(Path project, String run) {
        store = ProjectStore.open(project);
        viewModel = new AnalysisViewModel(new AnalysisCatalog(store), new MediaFiles(store.directory()),
                new UiExecutors(DIRECT, DIRECT, DIRECT), new CallingThreadJobRunner(), "tester", DIRECT, DIRECT);
        viewModel.showing();
        viewModel.runProperty().set(run);
        assertThat(viewModel.runProperty().get()).isEqualTo(run);
        SlicesAndRunsModel model = viewModel.slicesAndRuns().orElseThrow();
        model.start();
        return model;
    }

    @Test
    void precisionAndRecallOfOneClassFromTheRunsProbabilities() throws Exception {
        Path project = AnalysisProjects.clothes(dir);
        // Truth: i0 i1 shirt, i2 i6 t-shirt, i3 i4 i7 coat, i5 a tie. Shirt scores: high on i0, i1, i3.
        AnalysisProjects.importRunWithProbabilities(project, dir);
        SlicesAndRunsModel model = open(project, "p1");
        PrecisionRecallModel pr = model.precisionRecall();
        // Opening the tab chooses the class the run misses most: coat (i3, a coat, predicted shirt).
        pr.chooseDefaultClass();
        assertThat(pr.positiveProperty().get()).isEqualTo("coat");
        assertThat(pr.points()).as("the curve shows at once").isNotEmpty();
        pr.positiveProperty().set("shirt");
        // 7 items with a truth: 2 shirts. Scores >= 0.6 are i0, i3, i1: precision 2/3, recall 1.
        pr.thresholdProperty().set(0.6);
        assertThat(pr.atThresholdProperty().get()).startsWith("At p ≥ 0.60: precision 0.667, recall 1.000");
        assertThat(pr.thresholdPointProperty().get()).as("the mark on the curve")
                .extracting(p -> p.recall(), p -> p.precision())
                .containsExactly(1.0, 2.0 / 3);
        pr.chooseDefaultClass();
        assertThat(pr.positiveProperty().get()).as("a class the user chose stays").isEqualTo("shirt");
        pr.thresholdProperty().set(0.8);
        assertThat(pr.atThresholdProperty().get()).contains("precision 1.000, recall 0.500");
        assertThat(pr.statusProperty().get()).startsWith("'shirt': 2 positive and 5 other items with a score;"
                + " average precision");
        assertThat(pr.points()).isNotEmpty();
        assertThat(pr.points().get(pr.points().size() - 1).recall()).isZero();
    }

    @Test
    void aRunWithoutProbabilitiesSaysHowToGetACurve() throws Exception {
        SlicesAndRunsModel model = open(AnalysisProjects.clothes(dir), "m1");
        PrecisionRecallModel pr = model.precisionRecall();
        pr.positiveProperty().set("coat");
        assertThat(pr.statusProperty().get()).isEqualTo("run 'm1' has no probabilities: import them as p_<class>"
                + " columns to see precision and recall per class");
        assertThat(pr.points()).isEmpty();
    }

    @Test
    void auditsTheSlicesOfTheShownRunAsTheCoreDoes() throws Exception {
        SlicesAndRunsModel model = open(AnalysisProjects.clothesWithTwoRuns(dir), "m1");

        List<SliceAudit.Slice> core = store.read(tx -> SliceAudit.of(tx, RunEvaluation.read(tx, "m1",
                TruthSource.DEFAULT), List.of()));
        assertThat(model.slices()).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(core);
        assertThat(model.slices()).extracting(SliceAudit.Slice::attribute, SliceAudit.Slice::value,
                SliceAudit.Slice::items, SliceAudit.Slice::correct)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("light", "day", 4L, 2L),
                        org.assertj.core.groups.Tuple.tuple("light", "night", 3L, 2L)); // worst first
        // seven items are too few for the z-test: nothing is flagged, and each row says why
        SliceAudit.Slice day = model.slices().get(0);
        assertThat(TagTableText.percent(day.accuracy())).isEqualTo("50.0%");
        assertThat(TagTableText.percent(day.restAccuracy())).isEqualTo("66.7%");
        assertThat(SlicesAndRunsModel.p(day.adjustedP())).isEqualTo("n/a");
        assertThat(SlicesAndRunsModel.flag(day)).isEqualTo("not tested");
        assertThat(day.adjustedP().unavailableReason()).startsWith("too few items to test");
        assertThat(model.sliceStatusProperty().get()).isEqualTo("2 slices · 0 tested · 0 significantly worse than the"
                + " rest (one-sided z-test, Holm-adjusted p < 0.05)");
        assertThat(model.truthName()).isEqualTo("adjudicated, else majority");
    }

    @Test
    void comparesTheShownRunWithAnotherAsTheCoreDoes() throws Exception {
        SlicesAndRunsModel model = open(AnalysisProjects.clothesWithTwoRuns(dir), "m1");

        assertThat(model.otherRuns()).containsExactly("m2");
        assertThat(model.otherProperty().get()).isEqualTo("m2");
        RunComparison core = store.read(tx -> RunComparison.of(RunEvaluation.read(tx, "m1", TruthSource.DEFAULT),
                RunEvaluation.read(tx, "m2", TruthSource.DEFAULT), TagMembership.read(tx)));
        RunComparison shown = model.comparisonProperty().get().comparison();
        assertThat(shown.items()).isEqualTo(core.items()).isEqualTo(7);
        assertThat(shown.bothRight()).isEqualTo(core.bothRight()).isEqualTo(3);
        assertThat(shown.onlyFirstRight()).isEqualTo(core.onlyFirstRight()).isEqualTo(1);
        assertThat(shown.onlySecondRight()).isEqualTo(core.onlySecondRight()).isEqualTo(3);
        assertThat(shown.bothWrong()).isEqualTo(core.bothWrong()).isZero();
        assertThat(shown.mcnemarP()).isEqualTo(core.mcnemarP());
        assertThat(model.comparisonStatusProperty().get()).isEqualTo("m1 vs m2 on 7 items: accuracy 57.1% vs 85.7%;"
                + " both right 3, only m1 right 1, only m2 right 3, both wrong 0; McNemar exact p 0.625");
        assertThat(model.comparisonProperty().get().onlyFirstRight()).containsExactly("i3.png");
        assertThat(model.comparisonProperty().get().onlySecondRight()).containsExactly("i0.png", "i2.png", "i4.png");

        assertThat(model.classRows()).extracting(SlicesAndRunsModel.ClassRow::name)
                .containsExactlyElementsOf(AnalysisProjects.CLASSES);
        for (int i = 0; i < AnalysisProjects.CLASSES.size(); i++) {
            SlicesAndRunsModel.ClassRow row = model.classRows().get(i);
            assertThat(row.first()).isEqualTo(core.firstMetrics().perClass().get(i).f1());
            assertThat(row.second()).isEqualTo(core.secondMetrics().perClass().get(i).f1());
        }
        SlicesAndRunsModel.ClassRow coat = model.classRows().get(2);
        assertThat(SlicesAndRunsModel.f1(coat.first())).isEqualTo("0.800"); // m1: 2 of 3 coats, no false coat
        assertThat(SlicesAndRunsModel.f1(coat.second())).isEqualTo("0.800"); // m2: i3 missed
        assertThat(SlicesAndRunsModel.signedF1(coat.difference())).isEqualTo("0.000");

        assertThat(model.tagRows()).singleElement().satisfies(dark -> {
            assertThat(dark.tag()).isEqualTo("dark");
            assertThat(dark.items()).isEqualTo(2);
            assertThat(TagTableText.percent(dark.first())).isEqualTo("50.0%");
            assertThat(TagTableText.percent(dark.second())).isEqualTo("50.0%");
        });
    }

    @Test
    void saysWhenThereIsNoOtherRun() throws Exception {
        SlicesAndRunsModel model = open(AnalysisProjects.clothes(dir), "m1");

        assertThat(model.otherRuns()).isEmpty();
        assertThat(model.comparisonProperty().get()).isNull();
        assertThat(model.comparisonStatusProperty().get())
                .isEqualTo("No other run to compare with 'm1': import a second run first.");
        assertThat(model.slices()).isEmpty();
        assertThat(model.sliceStatusProperty().get()).isEqualTo("The project's items have no attributes to slice by.");

        viewModel.dispose();
        assertThat(model.closedProperty().get()).isTrue();
        viewModel = null;
    }
}
