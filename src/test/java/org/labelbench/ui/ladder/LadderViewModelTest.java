package org.labelbench.ui.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.analysis.AutomationLadder.Standing;
import org.labelbench.analysis.CoverageCurve;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.LadderProject;
import org.labelbench.testing.SqlRows;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.shell.CallingThreadJobRunner;

/** The Ladder view's state on {@link LadderProject}, with every read and job on the calling thread. */
class LadderViewModelTest {
    @TempDir
    Path dir;

    private static UiExecutors direct() {
        return new UiExecutors(Runnable::run, Runnable::run, Runnable::run);
    }

    @Test
    void showsTheFiveRungsTheCurveAndWhatApplyWillDo() throws Exception {
        Path project = LadderProject.create(dir);
        try (ProjectStore store = ProjectStore.open(project)) {
            LadderViewModel viewModel = new LadderViewModel(new LadderCatalog(store), direct(),
                    new CallingThreadJobRunner(), () -> "lead");
            viewModel.reload();
            assertThat(viewModel.stateProperty().get()).isEqualTo(LadderViewModel.State.READY);
            assertThat(viewModel.runs()).containsExactly("m1");
            assertThat(viewModel.runProperty().get()).isEqualTo("m1");
            assertThat(viewModel.slices()).containsExactly(LadderViewModel.NO_SLICES, "attr:camera");
            assertThat(viewModel.rungs()).extracting(RungRow::name).containsExactly("Human only", "Shadow",
                    "AI assistance", "Partial automation", "Full automation");
            assertThat(viewModel.rungs()).extracting(RungRow::standing).containsExactly(Standing.MET, Standing.NOT_MET,
                    Standing.NO_DATA, Standing.MET, Standing.NOT_MET);
            assertThat(viewModel.rungs().get(0).figures()).isEqualTo("10 labeled items · 3 annotators · HLP 80.6 %");
            assertThat(viewModel.rungs().get(1).figures()).isEqualTo("model 77.8 % · HLP 80.6 % · on 6 items");
            assertThat(viewModel.rungs().get(2).figures()).isEqualTo("no suggestions shown yet");
            assertThat(viewModel.rungs().get(3).figures()).isEqualTo("threshold 0.5 · coverage 80.0 % · accuracy 87.5 %"
                    + " · 5 auto labels, about 0.6 wrong");
            assertThat(viewModel.rungs().get(4).figures()).isEqualTo("accuracy 80.0 % on 10 items · HLP 80.6 %");
            assertThat(viewModel.curve()).extracting(CoverageCurve.Point::coverage).containsExactly(0.1, 0.2, 0.3,
                    0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
            assertThat(viewModel.chosenProperty().get().threshold()).isEqualTo(0.5);
            assertThat(viewModel.targetProperty().get()).isEqualTo(LadderProject.HLP);
            assertThat(viewModel.canApplyProperty().get()).isTrue();
            assertThat(viewModel.applySummaryProperty().get()).isEqualTo("5 auto labels at confidence ≥ 0.5, about 0.6"
                    + " wrong; 1 unlabeled items left for people");
            assertThat(viewModel.applyQuestion()).isEqualTo("Write 5 auto labels from run 'm1' (origin auto, by"
                    + " model:m1) on the unlabeled items with confidence ≥ 0.5? About 0.6 of them are expected to be"
                    + " wrong (measured accuracy 87.5 %). The other 1 unlabeled items go to the queue 'below"
                    + " threshold: m1'.");

            // A slice breaks the shadow rung down.
            viewModel.sliceProperty().set("attr:camera");
            assertThat(viewModel.rungs().get(1).figures()).isEqualTo("model 77.8 % · HLP 80.6 % · on 6 items\n"
                    + "day: model 100.0 %, HLP 100.0 % (3) · night: model 55.6 %, HLP 61.1 % (3)");
        }
    }

    @Test
    void aTypedTargetMovesTheThresholdAndABadOneIsSaidBesideTheField() throws Exception {
        Path project = LadderProject.create(dir);
        try (ProjectStore store = ProjectStore.open(project)) {
            LadderViewModel viewModel = new LadderViewModel(new LadderCatalog(store), direct(),
                    new CallingThreadJobRunner(), () -> "lead");
            viewModel.reload();
            viewModel.targetTextProperty().set("90 %");
            viewModel.applyTarget();
            assertThat(viewModel.targetProperty().get()).isEqualTo(0.9);
            assertThat(viewModel.chosenProperty().get().threshold()).isEqualTo(0.85);
            assertThat(viewModel.rungs().get(4).verdict()).endsWith("below the target 90.0 % (10.0 points below)");

            viewModel.targetTextProperty().set("0.8");
            viewModel.applyTarget();
            assertThat(viewModel.rungs().get(4).standing()).isEqualTo(Standing.MET);

            viewModel.targetTextProperty().set("1.5");
            viewModel.applyTarget();
            assertThat(viewModel.targetErrorProperty().get())
                    .isEqualTo("Target accuracy 1.5 is outside (0, 1]: it is an accuracy, e.g. 0.95");
            assertThat(viewModel.targetProperty().get()).as("the last good target stays shown").isEqualTo(0.8);
            viewModel.targetTextProperty().set("lots");
            viewModel.applyTarget();
            assertThat(viewModel.targetErrorProperty().get()).startsWith("Target 'lots' is not a number");
            viewModel.targetTextProperty().set("");
            viewModel.applyTarget();
            assertThat(viewModel.targetErrorProperty().get()).isEmpty();
            assertThat(viewModel.targetProperty().get()).isEqualTo(LadderProject.HLP);
        }
    }

    @Test
    void applyWritesTheAutoLabelsAsAJobAndMeasuresAgain() throws Exception {
        Path project = LadderProject.create(dir);
        AtomicInteger changed = new AtomicInteger();
        try (ProjectStore store = ProjectStore.open(project)) {
            LadderViewModel viewModel = new LadderViewModel(new LadderCatalog(store), direct(),
                    new CallingThreadJobRunner(), () -> "lead");
            viewModel.setOnLabelsChanged(changed::incrementAndGet);
            viewModel.reload();
            viewModel.queueNameProperty().set("people");
            viewModel.apply();
            assertThat(viewModel.outcomeProperty().get()).isEqualTo("Wrote 5 auto labels by model:m1 at confidence ≥"
                    + " 0.5; queue 'people' has the 1 unlabeled items left");
            assertThat(changed.get()).isEqualTo(1);
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM annotation WHERE origin = 'auto'"))
                    .containsExactly(List.of("5"));
            // Measured again: nothing is left above the threshold, so Apply has nothing to do.
            assertThat(viewModel.canApplyProperty().get()).isFalse();
            assertThat(viewModel.applySummaryProperty().get()).isEqualTo("Nothing to apply: no unlabeled item has a"
                    + " confidence at or above the threshold");
        }
    }

    @Test
    void aProjectWithoutRunsSaysHowToGetOne() throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve("empty.lbproj"),
                new ProjectSettings("Empty", List.of("cat", "dog"), false))) {
            LadderViewModel viewModel = new LadderViewModel(new LadderCatalog(store), direct(),
                    new CallingThreadJobRunner(), () -> "lead");
            viewModel.reload();
            assertThat(viewModel.stateProperty().get()).isEqualTo(LadderViewModel.State.NO_RUNS);
            assertThat(viewModel.messageProperty().get()).isEqualTo(LadderViewModel.NO_RUNS);
            assertThat(viewModel.rungs()).isEmpty();
            assertThat(viewModel.canApplyProperty().get()).isFalse();
        }
    }
}
