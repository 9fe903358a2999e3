package org.labelbench.ui.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.agreement.AgreementReport;
import org.labelbench.agreement.AnnotatorAgreement;
import org.labelbench.agreement.CoincidenceMatrix;
import org.labelbench.agreement.HumanLevelPerformance;
import org.labelbench.agreement.Interval;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Slices;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.UiExecutors;

/**
 * The Agreement view model without a window, on real SQLite projects: direct executors run the
 * reads, the figures and the intervals inline, so each call has finished when it returns. What it
 * shows is checked against the core's own figures on the same labels.
 */
class AgreementViewModelTest {
    private static final UiExecutors INLINE = new UiExecutors(Runnable::run, Runnable::run, Runnable::run);

    @TempDir
    Path dir;
    ProjectStore store;
    AgreementViewModel viewModel;
    /** Interval tasks held back until a test runs them (or never, to see the figures alone). */
    final List<Runnable> heldIntervals = new ArrayList<>();

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.dispose();
        }
        store.close();
    }

    private void open(Path project, Executor intervals) {
        store = ProjectStore.open(project);
        viewModel = new AgreementViewModel(new AgreementCatalog(store), INLINE, Runnable::run, intervals,
                Runnable::run);
        viewModel.reload();
    }

    private void open(Path project) {
        open(project, Runnable::run);
    }

    private LabelMatrix matrix() {
        return store.read(LabelMatrix::read);
    }

    private static String threeDecimals(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String range(Interval interval) {
        return threeDecimals(interval.low()) + "–" + threeDecimals(interval.high());
    }

    @Test
    void acceptedSuggestionsCountOnlyWhenTheBoxIsTicked() {
        Path project = AgreementProjects.singleLabel(dir);
        try (ProjectStore adding = ProjectStore.open(project)) {
            for (int item = 0; item < 10; item++) {
                AgreementProjects.addLabel(adding, item, "dee", "cat", "accepted-suggestion");
            }
        }
        open(project, Runnable::run);
        assertThat(viewModel.includeSuggestionsProperty().get()).isFalse();
        assertThat(viewModel.unitsFigureProperty().get().detail())
                .isEqualTo("labeled by two or more of 3 annotators: ana, ben, cy");
        AgreementReport human = AgreementReport.of(store.read(tx -> LabelMatrix.read(tx,
                org.labelbench.project.Opinions.Suggestions.LEFT_OUT)), 0, 1);
        assertThat(viewModel.percentFigureProperty().get().value())
                .isEqualTo(String.format(Locale.ROOT, "%.1f %%", 100 * human.percentAgreement().value()));

        viewModel.includeSuggestionsProperty().set(true); // recomputes at once
        AgreementReport with = AgreementReport.of(store.read(tx -> LabelMatrix.read(tx,
                org.labelbench.project.Opinions.Suggestions.INCLUDED)), 0, 1);
        assertThat(viewModel.unitsFigureProperty().get().detail())
                .isEqualTo("labeled by two or more of 4 annotators: ana, ben, cy, dee");
        assertThat(viewModel.percentFigureProperty().get().value())
                .isEqualTo(String.format(Locale.ROOT, "%.1f %%", 100 * with.percentAgreement().value()))
                .isNotEqualTo(String.format(Locale.ROOT, "%.1f %%", 100 * human.percentAgreement().value()));
    }

    @Test
    void headlineFiguresAreTheCoresWithTheirIntervals() {
        open(AgreementProjects.singleLabel(dir));
        AgreementReport report = AgreementReport.of(matrix(), 1000, 1);
        HumanLevelPerformance hlp = HumanLevelPerformance.of(matrix(), 1000, 1);

        assertThat(viewModel.stateProperty().get()).isEqualTo(AgreementViewModel.State.READY);
        assertThat(report.units()).isEqualTo(58);
        assertThat(viewModel.unitsFigureProperty().get().value()).isEqualTo("58");
        assertThat(viewModel.unitsFigureProperty().get().detail())
                .isEqualTo("labeled by two or more of 3 annotators: ana, ben, cy");
        FigureText alpha = viewModel.alphaFigureProperty().get();
        assertThat(alpha.value()).isEqualTo(threeDecimals(report.alphaNominal().value()));
        assertThat(alpha.interval()).isEqualTo("95 % CI " + range(report.alphaNominalInterval().orElseThrow()));
        assertThat(alpha.detail()).isEqualTo("ordinal " + threeDecimals(report.alphaOrdinal().value()) + " ("
                + range(report.alphaOrdinalInterval().orElseThrow()) + ")\ninterval "
                + threeDecimals(report.alphaInterval().value()) + " (" + range(report.alphaIntervalInterval()
                        .orElseThrow()) + ")");
        assertThat(viewModel.kappaFigureProperty().get().value())
                .isEqualTo(threeDecimals(report.meanCohenKappa().value()));
        assertThat(viewModel.kappaFigureProperty().get().interval())
                .isEqualTo("95 % CI " + range(report.meanCohenKappaInterval().orElseThrow()));
        assertThat(viewModel.fleissFigureProperty().get().value())
                .isEqualTo(threeDecimals(report.fleiss().kappa().value()));
        assertThat(viewModel.fleissFigureProperty().get().detail()).isEqualTo(report.fleiss().units()
                + " items with " + report.fleiss().ratersPerUnit() + " labels each");
        assertThat(viewModel.percentFigureProperty().get().value())
                .isEqualTo(String.format(Locale.ROOT, "%.1f %%", 100 * report.percentAgreement().value()));
        FigureText hlpFigure = viewModel.hlpFigureProperty().get();
        assertThat(hlpFigure.value()).isEqualTo(threeDecimals(hlp.hlp().value()));
        assertThat(hlpFigure.interval()).isEqualTo("95 % CI " + range(hlp.interval().orElseThrow()));
        // Items 2 and 8 are adjudicated; the other 56 items with two labels are scored pairwise.
        assertThat(hlpFigure.detail()).isEqualTo("58 items: 2 with gold, 56 pairwise");
        assertThat(viewModel.intervalsRunningProperty().get()).isFalse();
        assertThat(viewModel.intervalStatusProperty().get())
                .isEqualTo("95 % intervals: 1,000 bootstrap resamples, seed 1");
        assertThat(viewModel.summaryProperty().get())
                .isEqualTo("58 items with two or more labels · 3 annotators · 3 classes");
    }

    @Test
    void perClassRowsAreEachClassAgainstTheRestWithHlpOnItsItems() throws Exception {
        open(AgreementProjects.singleLabel(dir));
        LabelMatrix matrix = matrix();

        assertThat(viewModel.classRows()).extracting(ClassRow::name).containsExactly("cat", "dog", "bird");
        for (int category = 0; category < 3; category++) {
            ClassRow row = viewModel.classRows().get(category);
            AgreementReport oneVsRest = AgreementReport.of(matrix.oneVsRest(category), 1000, 1);
            assertThat(row.alpha()).isEqualTo(oneVsRest.alphaNominal());
            assertThat(row.alphaInterval()).as("the interval agreement --by class gives")
                    .isEqualTo(oneVsRest.alphaNominalInterval());
            assertThat(row.meanKappa()).isEqualTo(oneVsRest.meanCohenKappa());
            assertThat(row.hlp()).isEqualTo(HumanLevelPerformance.ofClass(matrix, matrix.classes().indexOf(row.name()),
                    1000, 1));
            assertThat(row.intervals()).isEqualTo(IntervalStatus.DONE);
        }
        // Ben's birds called cats make cat and bird the weak classes; dog is never disputed.
        ClassRow weakest = viewModel.classRows().stream()
                .min(Comparator.comparing(row -> row.alpha().value())).orElseThrow();
        assertThat(weakest.name()).isIn("cat", "bird");
        assertThat(viewModel.classRows().get(1).alpha().value()).isGreaterThan(weakest.alpha().value());
    }

    @Test
    void annotatorRowsAndCoincidencesAreTheCores() {
        open(AgreementProjects.singleLabel(dir));
        LabelMatrix matrix = matrix();

        assertThat(viewModel.annotatorRows()).containsExactlyElementsOf(AnnotatorAgreement.of(matrix));
        assertThat(viewModel.anyGoldProperty().get()).isTrue();
        Coincidences coincidences = viewModel.coincidencesProperty().get();
        assertThat(coincidences.classes()).containsExactly("cat", "dog", "bird");
        CoincidenceMatrix expected = CoincidenceMatrix.of(matrix.ratings());
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 3; k++) {
                assertThat(coincidences.get(c, k)).isEqualTo(expected.get(c, k));
            }
        }
        assertThat(viewModel.confusionSummaryProperty().get()).startsWith("Most confused: cat ↔ bird (");
        assertThat(viewModel.confusionWeightNoteProperty().get()).as("whole counts need no note").isEmpty();
    }

    @Test
    void slicesSayTheyAreComputingUntilTheirFiguresAreIn() {
        store = ProjectStore.open(AgreementProjects.singleLabel(dir));
        List<Runnable> figures = new ArrayList<>();
        viewModel = new AgreementViewModel(new AgreementCatalog(store), INLINE, figures::add, heldIntervals::add,
                Runnable::run);
        viewModel.reload();
        while (!figures.isEmpty()) {
            figures.remove(0).run();
        }
        assertThat(viewModel.slicesComputingProperty().get()).isFalse();

        viewModel.selectedAttributeProperty().set("site");

        assertThat(viewModel.slicesComputingProperty().get()).isTrue();
        while (!figures.isEmpty()) {
            figures.remove(0).run();
        }
        assertThat(viewModel.slicesComputingProperty().get()).isFalse();
        assertThat(viewModel.sliceRows()).extracting(SliceRow::name).containsExactly("north", "south");
    }

    @Test
    void theChosenAttributeSlicesTheHlpTable() throws Exception {
        open(AgreementProjects.singleLabel(dir));
        LabelMatrix matrix = matrix();

        assertThat(viewModel.attributeNames()).containsExactly("camera", "site");
        assertThat(viewModel.selectedAttributeProperty().get()).isEqualTo("camera");
        assertThat(viewModel.sliceRows()).extracting(SliceRow::name).containsExactly("a", "b");

        viewModel.selectedAttributeProperty().set("site");

        assertThat(viewModel.sliceRows()).extracting(SliceRow::name).containsExactly("north", "south");
        Map<String, int[]> bySite = store.read(tx -> Slices.of(tx, matrix, "attr:site"));
        for (SliceRow row : viewModel.sliceRows()) {
            assertThat(row.hlp()).isEqualTo(HumanLevelPerformance.of(matrix.select(bySite.get(row.name())), 1000, 1));
            assertThat(row.intervals()).isEqualTo(IntervalStatus.DONE);
        }
        assertThat(viewModel.sliceMessageProperty().get()).isEmpty();
    }

    @Test
    void guidelineVersionsComeInOrderWithMixedAfterThem() {
        open(AgreementProjects.singleLabel(dir));

        assertThat(viewModel.versionRows()).extracting(VersionRow::version).containsExactly("v1", "v2", "mixed");
        assertThat(viewModel.versionRows()).extracting(VersionRow::isVersion).containsExactly(true, true, false);
        VersionRow v1 = viewModel.versionRows().get(0);
        VersionRow v2 = viewModel.versionRows().get(1);
        assertThat(v1.units()).as("items 0-29, all labeled under v1").isEqualTo(30);
        assertThat(v2.units()).isEqualTo(27);
        // v2 settled the birds: its labels agree more.
        assertThat(v2.alpha().value()).isGreaterThan(v1.alpha().value());
        LabelMatrix matrix = matrix();
        Map<String, int[]> byVersion = store.read(tx -> Slices.of(tx, matrix, "guideline"));
        LabelMatrix v1Items = matrix.select(byVersion.get("v1"));
        assertThat(v1.alpha()).isEqualTo(AgreementReport.of(v1Items, 0, 1).alphaNominal());
        assertThat(v1.alphaInterval()).isEqualTo(AgreementReport.of(v1Items, 1000, 1).alphaNominalInterval());
        assertThat(v1.hlp()).isEqualTo(HumanLevelPerformance.of(v1Items, 1000, 1));
    }

    @Test
    void figuresShowFirstAndIntervalsFollowInTheBackground() {
        open(AgreementProjects.singleLabel(dir), heldIntervals::add);

        assertThat(viewModel.stateProperty().get()).isEqualTo(AgreementViewModel.State.READY);
        assertThat(viewModel.alphaFigureProperty().get().value())
                .isEqualTo(threeDecimals(AgreementReport.of(matrix(), 0, 1).alphaNominal().value()));
        assertThat(viewModel.alphaFigureProperty().get().interval()).isEqualTo("95 % CI computing…");
        assertThat(viewModel.classRows()).allMatch(row -> row.alphaInterval().isEmpty()
                && row.intervals() == IntervalStatus.COMPUTING);
        assertThat(viewModel.intervalsRunningProperty().get()).isTrue();
        assertThat(viewModel.intervalStatusProperty().get()).isEqualTo("Computing 95 % intervals…");

        heldIntervals.forEach(Runnable::run);

        assertThat(viewModel.intervalsRunningProperty().get()).isFalse();
        assertThat(viewModel.intervalProgressProperty().get()).isEqualTo(1.0);
        assertThat(viewModel.classRows()).allMatch(row -> row.alphaInterval().isPresent());
        assertThat(viewModel.alphaFigureProperty().get().interval()).startsWith("95 % CI 0.");
    }

    @Test
    void cancelKeepsTheFiguresAndStopsTheIntervals() {
        open(AgreementProjects.singleLabel(dir), heldIntervals::add);
        String alpha = viewModel.alphaFigureProperty().get().value();

        viewModel.cancelIntervals();
        heldIntervals.forEach(Runnable::run); // a cancelled task does nothing when its turn comes

        assertThat(viewModel.intervalsRunningProperty().get()).isFalse();
        assertThat(viewModel.intervalStatusProperty().get())
                .isEqualTo("Intervals stopped: Refresh computes them again");
        assertThat(viewModel.alphaFigureProperty().get().value()).isEqualTo(alpha);
        assertThat(viewModel.alphaFigureProperty().get().interval()).isEqualTo("95 % CI: stopped");
        assertThat(viewModel.classRows()).allMatch(row -> row.intervals() == IntervalStatus.NOT_COMPUTED);
        assertThat(AgreementText.interval(viewModel.classRows().get(0).alphaInterval(),
                viewModel.classRows().get(0).intervals())).isEqualTo("—");

        heldIntervals.clear();
        viewModel.reload();
        heldIntervals.forEach(Runnable::run);
        assertThat(viewModel.classRows()).allMatch(row -> row.intervals() == IntervalStatus.DONE);
    }

    @Test
    void anInterruptedBootstrapStopsWithoutShowingAnything() throws Exception {
        open(AgreementProjects.singleLabel(dir), heldIntervals::add);
        Thread runner = new Thread(() -> {
            Thread.currentThread().interrupt(); // as FutureTask.cancel(true) would, mid-run
            heldIntervals.get(0).run();
        });
        runner.start();
        runner.join();

        assertThat(viewModel.classRows()).allMatch(row -> row.intervals() == IntervalStatus.COMPUTING);
        assertThat(viewModel.intervalStatusProperty().get()).startsWith("Computing 95 % intervals…");
    }

    @Test
    void aFigureThatCannotBeComputedShowsItsReason() {
        open(AgreementProjects.oneCategory(dir));

        FigureText alpha = viewModel.alphaFigureProperty().get();
        assertThat(alpha.value()).isEqualTo("n/a");
        assertThat(alpha.available()).isFalse();
        assertThat(alpha.detail()).isEqualTo("only one category was used on the overlapping items; alpha is undefined");
        assertThat(viewModel.fleissFigureProperty().get().detail())
                .isEqualTo("only one category was used on the overlapping items; kappa is undefined");
        assertThat(viewModel.percentFigureProperty().get().value()).isEqualTo("100.0 %");
        assertThat(AgreementText.valueOrReason(viewModel.classRows().get(0).alpha()))
                .isEqualTo("n/a: only one category was used on the overlapping items; alpha is undefined");
        assertThat(List.of(viewModel.unitsFigureProperty(), viewModel.alphaFigureProperty(),
                viewModel.kappaFigureProperty(), viewModel.hlpFigureProperty())).allMatch(figure ->
                        !figure.get().value().contains("NaN") && !figure.get().detail().contains("NaN"));
    }

    @Test
    void noOverlapIsOneClearLine() {
        open(AgreementProjects.oneAnnotator(dir));

        assertThat(viewModel.stateProperty().get()).isEqualTo(AgreementViewModel.State.NO_OVERLAP);
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Not enough overlap: no item has labels from two or more annotators");
        assertThat(viewModel.classRows()).isEmpty();
        assertThat(viewModel.intervalsRunningProperty().get()).isFalse();
        viewModel.setOnOpenDisagreements(() -> { });
        assertThat(viewModel.canOpenDisagreementsProperty().get()).isFalse();
    }

    @Test
    void multiLabelProjectsGetAgreementPerClassOnly() {
        open(AgreementProjects.multiLabel(dir));
        Map<String, LabelMatrix> perClass = store.read(LabelMatrix::readPerClass);

        assertThat(viewModel.stateProperty().get()).isEqualTo(AgreementViewModel.State.READY);
        assertThat(viewModel.multiLabelProperty().get()).isTrue();
        assertThat(viewModel.classRows()).extracting(ClassRow::name).containsExactly("cat", "dog", "bird");
        for (ClassRow row : viewModel.classRows()) {
            AgreementReport report = AgreementReport.of(perClass.get(row.name()), 1000, 1);
            assertThat(row.alpha()).isEqualTo(report.alphaNominal());
            assertThat(row.alphaInterval()).isEqualTo(report.alphaNominalInterval());
            assertThat(row.meanKappa()).isEqualTo(report.meanCohenKappa());
            assertThat(row.hlp()).isEqualTo(HumanLevelPerformance.of(perClass.get(row.name()), 1000, 1));
        }
        // Cat and dog are always agreed on (cat on the even items, dog on the odd); bird is left out three times.
        assertThat(viewModel.classRows().get(0).alpha().value()).isEqualTo(1.0);
        assertThat(viewModel.classRows().get(2).alpha().value()).isLessThan(1.0);
        assertThat(viewModel.annotatorRows()).isEmpty();
        assertThat(viewModel.coincidencesProperty().get()).isNull();
        assertThat(viewModel.versionRows()).isEmpty();
        assertThat(viewModel.sliceRows()).isEmpty();
        assertThat(viewModel.summaryProperty().get()).endsWith("· multi-label");
    }

    @Test
    void showingAgainRecomputesOnlyWhenTheLabelsChanged() {
        open(AgreementProjects.singleLabel(dir));
        ClassRow before = viewModel.classRows().get(0);

        viewModel.showing();
        assertThat(viewModel.classRows().get(0)).as("nothing changed: the same rows").isSameAs(before);

        AgreementProjects.addLabel(store, 58, "cy", "dog");
        viewModel.showing();

        assertThat(viewModel.classRows().get(0)).isNotSameAs(before);
        assertThat(viewModel.unitsFigureProperty().get().value()).isEqualTo("59");
    }

    @Test
    void reviewDisagreementsRunsTheShellsHook() {
        open(AgreementProjects.singleLabel(dir));
        assertThat(viewModel.disagreementsHookedProperty().get()).isFalse();
        assertThat(viewModel.canOpenDisagreementsProperty().get()).as("nothing to open it with").isFalse();
        int[] opened = new int[1];

        viewModel.setOnOpenDisagreements(() -> opened[0]++);
        viewModel.openDisagreements();

        assertThat(viewModel.canOpenDisagreementsProperty().get()).isTrue();
        assertThat(opened[0]).isEqualTo(1);
    }
}
