package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.agreement.HumanLevelPerformance;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.analysis.AutomationLadder.Ladder;
import org.labelbench.analysis.AutomationLadder.Request;
import org.labelbench.analysis.AutomationLadder.Standing;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.CancelledJob;
import org.labelbench.testing.LadderProject;
import org.labelbench.testing.SqlRows;

/** The ladder of {@link LadderProject}'s run m1, every figure against the hand computation there. */
class AutomationLadderTest {
    @TempDir
    Path dir;
    Path project;

    @BeforeEach
    void setUp() throws Exception {
        project = LadderProject.create(dir);
    }

    private Ladder ladder(Request request) {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            return store.read(tx -> AutomationLadder.read(tx, request));
        }
    }

    @Test
    void shadowPutsTheModelOnHlpsFootingOverallAndPerSlice() {
        Ladder ladder = ladder(new Request("m1", null, null, "attr:camera", null));
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            // The HLP the agreement screen shows is the one the ladder holds the model to.
            double agreementHlp = store.read(tx -> HumanLevelPerformance.of(LabelMatrix.read(tx), 0, 0)).hlp().value();
            assertThat(agreementHlp).isCloseTo(LadderProject.HLP, within(1e-12));
        }
        assertThat(ladder.humanOnly().labeledItems()).isEqualTo(10);
        assertThat(ladder.humanOnly().annotators()).isEqualTo(3);
        assertThat(ladder.humanOnly().hlp().value()).isCloseTo(LadderProject.HLP, within(1e-12));
        assertThat(ladder.humanOnly().rung().verdict())
                .isEqualTo("10 items labeled by 3 people; HLP 80.6 % is the bar the model is held to");

        assertThat(ladder.shadow().items()).isEqualTo(6);
        assertThat(ladder.shadow().model().value()).isCloseTo(LadderProject.MODEL_AGREEMENT, within(1e-12));
        assertThat(ladder.shadow().hlp().value()).isCloseTo(LadderProject.HLP, within(1e-12));
        assertThat(ladder.shadow().slices()).extracting(AutomationLadder.SliceShadow::slice)
                .containsExactly("(none)", "day", "night");
        AutomationLadder.SliceShadow night = ladder.shadow().slices().get(2);
        assertThat(night.items()).isEqualTo(3);
        assertThat(night.model().value()).isCloseTo((0 + 1 + 2.0 / 3) / 3, within(1e-12));
        assertThat(night.hlp().value()).isCloseTo((1 + 0.5 + 1.0 / 3) / 3, within(1e-12));
        AutomationLadder.SliceShadow day = ladder.shadow().slices().get(1);
        assertThat(day.model().value()).isEqualTo(1.0);
        assertThat(day.hlp().value()).isEqualTo(1.0);
        assertThat(ladder.shadow().slices().get(0).items()).isZero(); // u07..u10: one label each, no gold
        assertThat(ladder.shadow().rung().standing()).isEqualTo(Standing.NOT_MET);
        assertThat(ladder.shadow().rung().verdict()).isEqualTo("On 6 human-labeled items the model agrees with the"
                + " humans 77.8 % of the time, the humans with each other 80.6 % (HLP): 2.8 points below; widest gap"
                + " on night (55.6 % against HLP 61.1 %)");
    }

    @Test
    void partialAutomationTakesTheLowestThresholdThatKeepsHlp() {
        Ladder ladder = ladder(Request.of("m1"));
        CoverageCurve curve = ladder.partial().curve();
        assertThat(curve.measured()).isEqualTo(10);
        assertThat(curve.points()).extracting(CoverageCurve.Point::threshold)
                .containsExactly(0.95, 0.90, 0.85, 0.80, 0.70, 0.60, 0.55, 0.50, 0.40, 0.30);
        assertThat(curve.points()).extracting(CoverageCurve.Point::correct)
                .containsExactly(1L, 2L, 3L, 3L, 4L, 5L, 6L, 7L, 7L, 8L);
        // 0.3 gives 80 % and 0.4 gives 7/9: both under HLP 80.6 %; 0.5 gives 7/8.
        assertThat(ladder.target().value()).isCloseTo(LadderProject.HLP, within(1e-12));
        assertThat(ladder.partial().threshold()).isEqualTo(0.5);
        assertThat(ladder.partial().atThreshold().coverage()).isEqualTo(0.8);
        assertThat(ladder.partial().atThreshold().accuracy()).isEqualTo(0.875);
        assertThat(ladder.partial().openItems()).isEqualTo(6);
        assertThat(ladder.partial().autoLabels()).isEqualTo(5); // u11..u15; u16 is at 0.2
        assertThat(ladder.partial().expectedWrong()).isCloseTo(5 * 0.125, within(1e-12));
        assertThat(ladder.partial().rung().verdict()).isEqualTo("Confidence ≥ 0.5 keeps the accuracy at 87.5 % (HLP"
                + " 80.6 %) on 80.0 % of the 10 human-labeled items; on the 6 unlabeled items it would auto-label 5,"
                + " about 0.6 of them wrong");

        Ladder strict = ladder(new Request("m1", null, 0.9, null, null));
        assertThat(strict.partial().threshold()).isEqualTo(0.85);
        assertThat(strict.partial().atThreshold().coverage()).isEqualTo(0.3);
        assertThat(strict.partial().autoLabels()).isEqualTo(3);
        assertThat(strict.partial().expectedWrong()).isZero();

        Ladder impossible = ladder(new Request("m1", null, 1.0, null, 0.3));
        assertThat(impossible.partial().rung().standing()).isEqualTo(Standing.NOT_MET);
        assertThat(impossible.partial().rung().verdict()).isEqualTo("At confidence ≥ 0.3 the model covers 100.0 % of"
                + " the 10 human-labeled items with 80.0 % accuracy, below the target 100.0 %; on the 6 unlabeled items"
                + " it would auto-label 5, about 1.0 of them wrong");
    }

    @Test
    void fullAutomationIsAllowedOnlyWhereTheAccuracyOnAllHumanLabelsMeetsTheTarget() {
        Ladder byHlp = ladder(Request.of("m1"));
        assertThat(byHlp.full().allowed()).isFalse();
        assertThat(byHlp.full().rung().verdict()).isEqualTo("Not allowed: the run's accuracy on all 10 human-labeled"
                + " items it predicted is 80.0 %, below HLP 80.6 % (0.6 points below)");
        Ladder byTarget = ladder(new Request("m1", null, 0.8, null, null));
        assertThat(byTarget.full().allowed()).isTrue();
        assertThat(byTarget.full().rung().verdict()).isEqualTo("Allowed: the run's accuracy on all 10 human-labeled"
                + " items it predicted is 80.0 %, at or above the target 80.0 %");
        assertThat(byTarget.partial().threshold()).isEqualTo(0.3);
    }

    @Test
    void assistanceSaysWhenNoSuggestionWasShownAndMeasuresThemOnceTheyAre() {
        Ladder before = ladder(Request.of("m1"));
        assertThat(before.assistance().acceptedShare()).isEmpty();
        assertThat(before.assistance().rung().standing()).isEqualTo(Standing.NO_DATA);
        assertThat(before.assistance().rung().verdict()).startsWith("No suggestions shown yet");

        LadderProject.withSuggestions(project);
        Ladder after = ladder(Request.of("m1"));
        assertThat(after.assistance().shown()).isEqualTo(4);
        assertThat(after.assistance().accepted()).isEqualTo(3);
        assertThat(after.assistance().withSuggestion().medianMs()).contains(2000.0);
        assertThat(after.assistance().withSuggestion().meanMs()).contains(2750.0);
        assertThat(after.assistance().withoutSuggestion().medianMs()).contains(5000.0);
        assertThat(after.assistance().rung().verdict()).isEqualTo("3 of 4 suggestions accepted (75.0 %); a label took"
                + " a median 2.0 s with a suggestion and 5.0 s without: 2.5× faster");
        // The labels did not change, so neither did the humans' figures.
        assertThat(after.shadow().hlp().value()).isCloseTo(LadderProject.HLP, within(1e-12));
    }

    @Test
    void applyingWritesAutoLabelsThatAreNoOnesOpinionAndQueuesTheRest() {
        AutoLabeling.Applied applied;
        try (ProjectStore store = ProjectStore.open(project)) {
            applied = AutoLabeling.apply(store, Request.of("m1"), null, "lead", JobContext.silent());
        }
        assertThat(applied.labels()).isEqualTo(5);
        assertThat(applied.threshold()).isEqualTo(0.5);
        assertThat(applied.expectedWrong()).isCloseTo(0.625, within(1e-12));
        assertThat(applied.queue()).isEqualTo("below threshold: m1");
        assertThat(applied.queueItems()).isEqualTo(1);
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            assertThat(SqlRows.of(store, "SELECT i.key, lc.name, n.name, n.role, r.name FROM annotation a"
                    + " JOIN item i ON i.id = a.item JOIN label_class lc ON lc.id = a.label_class"
                    + " JOIN annotator n ON n.id = a.annotator JOIN prediction_run r ON r.id = a.prediction_run"
                    + " WHERE a.origin = 'auto' ORDER BY i.key")).containsExactly(
                    List.of("u11.png", "cat", "model:m1", "model", "m1"),
                    List.of("u12.png", "dog", "model:m1", "model", "m1"),
                    List.of("u13.png", "cat", "model:m1", "model", "m1"),
                    List.of("u14.png", "dog", "model:m1", "model", "m1"),
                    List.of("u15.png", "cat", "model:m1", "model", "m1"));
            assertThat(SqlRows.of(store, "SELECT i.key FROM queue_item qi JOIN queue q ON q.id = qi.queue"
                    + " JOIN item i ON i.id = qi.item WHERE q.name = 'below threshold: m1'"))
                    .containsExactly(List.of("u16.png"));
            // Auto labels are no one's opinion: the humans' matrix, HLP and ground truth are as they were.
            LabelMatrix matrix = store.read(LabelMatrix::read);
            assertThat(matrix.annotators()).containsExactly("A", "B", "C");
            assertThat(matrix.itemIds()).hasSize(10);
            assertThat(store.read(tx -> GroundTruth.read(tx, TruthSource.DEFAULT)).itemIds()).hasSize(10);
        }
        Ladder after = ladder(Request.of("m1"));
        assertThat(after.partial().openItems()).isEqualTo(1);
        assertThat(after.partial().autoLabels()).isZero();
        assertThat(after.partial().autoLabelsOfRun()).isEqualTo(5);
        assertThat(after.shadow().hlp().value()).isCloseTo(LadderProject.HLP, within(1e-12));

        try (ProjectStore store = ProjectStore.open(project)) {
            assertThatThrownBy(() -> AutoLabeling.apply(store, Request.of("m1"), "again", "lead", JobContext.silent()))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("nothing to apply: no unlabeled item has a confidence at or above 0.5 in run 'm1'");
        }
    }

    @Test
    void aCancelledOrRefusedApplyChangesNothing() throws Exception {
        JobContext cancelled = CancelledJob.context();
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThatThrownBy(() -> AutoLabeling.apply(store, Request.of("m1"), null, "lead", cancelled))
                    .isInstanceOf(JobCancelledException.class);
            new org.labelbench.labeling.QueueService().create(store, new org.labelbench.labeling.QueueDefinition(
                    "taken", org.labelbench.labeling.QueueScope.all(), org.labelbench.labeling.QueueStrategy.SEQUENTIAL,
                    1, 0, List.of()), "lead");
            assertThatThrownBy(() -> AutoLabeling.apply(store, Request.of("m1"), "taken", "lead", JobContext.silent()))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("a queue named 'taken' already exists; give another with --queue");
            assertThatThrownBy(() -> AutoLabeling.apply(store, new Request("m1", null, null, null, 0.99), null, "lead",
                    JobContext.silent())).isInstanceOf(BadInputException.class)
                    .hasMessage("nothing applied: no human-labeled item has a confidence at or above 0.99, so the"
                            + " accuracy there is not measured");
            // m2 is wrong on the item it is surest of: no threshold reaches HLP (100 % on its two items).
            new PredictionService().importFile(store, "m2", java.nio.file.Files.writeString(dir.resolve("m2.csv"),
                    "item,label,confidence\nu01.png,dog,0.9\nu02.png,cat,0.8\nu11.png,cat,0.95\n"), null);
            assertThatThrownBy(() -> AutoLabeling.apply(store, Request.of("m2"), null, "lead", JobContext.silent()))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("nothing applied: no threshold keeps the accuracy at or above HLP 100.0 %: the best is"
                            + " 50.0 % at confidence ≥ 0.8 (100.0 % coverage)");
        }
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM annotation WHERE origin = 'auto'"))
                    .containsExactly(List.of("0"));
            assertThat(SqlRows.of(store, "SELECT name FROM annotator WHERE role = 'model'")).isEmpty();
            assertThat(SqlRows.of(store, "SELECT name FROM queue")).containsExactly(List.of("taken"));
        }
    }

    @Test
    void badInputIsRefusedInOneLine() throws Exception {
        assertThatThrownBy(() -> ladder(Request.of("nope"))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("no prediction run named 'nope'; runs: m1");
        assertThatThrownBy(() -> new Request("m1", null, 1.5, null, null)).isInstanceOf(BadInputException.class)
                .hasMessage("target accuracy 1.5 is outside (0, 1]: it is an accuracy, e.g. 0.95");
        assertThatThrownBy(() -> new Request("m1", null, 0.0, null, null)).isInstanceOf(BadInputException.class);
        try (ProjectStore store = ProjectStore.open(project)) {
            new PredictionService().importFile(store, "bare", java.nio.file.Files.writeString(dir.resolve("bare.csv"),
                    "item,label\nu01.png,cat\n"), null);
        }
        assertThatThrownBy(() -> ladder(Request.of("bare"))).isInstanceOf(BadInputException.class)
                .hasMessage("run 'bare' has no confidences: the ladder needs each prediction's confidence (a"
                        + " confidence or p_<class> columns when importing)");
    }
}
