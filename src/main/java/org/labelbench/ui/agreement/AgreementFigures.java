package org.labelbench.ui.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.labelbench.agreement.AgreementReport;
import org.labelbench.agreement.AlphaBootstrap;
import org.labelbench.agreement.AnnotatorAgreement;
import org.labelbench.agreement.CoincidenceMatrix;
import org.labelbench.agreement.HumanLevelPerformance;
import org.labelbench.agreement.KrippendorffAlpha;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Metric;

/**
 * Computes the Agreement view's figures with the core's metrics, in two passes: the figures
 * alone (fast: a second or two on a million items), then their 95 % bootstrap intervals, group
 * by group on several threads, which on a big project takes minutes. The second pass stops with a
 * {@link CancellationException} when its thread is interrupted.
 */
final class AgreementFigures {
    static final int RESAMPLES = 1000;
    static final long SEED = 1;

    /** Hears the results so far after each group of intervals. */
    @FunctionalInterface
    interface Progress {
        void step(AgreementResults soFar, int done, int total);
    }

    private AgreementFigures() {
    }

    /** The figures without intervals (every interval {@link IntervalStatus#COMPUTING}). */
    static AgreementResults estimate(AgreementSnapshot snapshot) {
        return snapshot.multiLabel() ? estimateMultiLabel(snapshot) : estimateSingleLabel(snapshot);
    }

    private static AgreementResults estimateSingleLabel(AgreementSnapshot snapshot) {
        LabelMatrix matrix = snapshot.matrix();
        AgreementReport report = AgreementReport.of(matrix, 0, SEED);
        List<ClassRow> classes = new ArrayList<>();
        for (int category = 0; category < matrix.classes().size(); category++) {
            AgreementReport oneVsRest = AgreementReport.of(matrix.oneVsRest(category), 0, SEED);
            classes.add(new ClassRow(matrix.classes().get(category), oneVsRest.alphaNominal(), Optional.empty(),
                    oneVsRest.meanCohenKappa(), HumanLevelPerformance.ofClass(matrix, category, 0, SEED),
                    IntervalStatus.COMPUTING));
        }
        List<VersionRow> versions = snapshot.guidelineSlices().entrySet().stream()
                .map(slice -> version(matrix, slice.getKey(), slice.getValue()))
                .sorted(Comparator.comparingInt(VersionRow::order)).toList();
        return new AgreementResults(report.units(), matrix.annotators(), List.copyOf(classes), Optional.of(
                new AgreementResults.SingleLabel(report, HumanLevelPerformance.of(matrix, 0, SEED),
                        IntervalStatus.COMPUTING, AnnotatorAgreement.of(matrix), matrix.classes(),
                        CoincidenceMatrix.of(matrix.ratings()), versions)));
    }

    private static AgreementResults estimateMultiLabel(AgreementSnapshot snapshot) {
        List<ClassRow> classes = new ArrayList<>();
        long units = 0;
        List<String> annotators = List.of();
        for (Map.Entry<String, LabelMatrix> perClass : snapshot.perClass().entrySet()) {
            AgreementReport report = AgreementReport.of(perClass.getValue(), 0, SEED);
            classes.add(new ClassRow(perClass.getKey(), report.alphaNominal(), Optional.empty(),
                    report.meanCohenKappa(), HumanLevelPerformance.of(perClass.getValue(), 0, SEED),
                    IntervalStatus.COMPUTING));
            units = Math.max(units, report.units());
            annotators = perClass.getValue().annotators();
        }
        return new AgreementResults(units, annotators, List.copyOf(classes), Optional.empty());
    }

    /**
     * The figures again with their intervals ({@code resamples} from {@code seed}), computed as
     * independent groups on {@code workers} (the headline; each class; each guideline version) and
     * handed to {@code progress} as each is done, in whatever order they finish. The per-class and
     * per-version alpha intervals are the nominal ones {@link AgreementReport#of} would give, drawn
     * without its three other bootstraps. Interrupting the calling thread cancels every group.
     */
    static AgreementResults addIntervals(AgreementSnapshot snapshot, AgreementResults estimates, int resamples,
            long seed, Executor workers, Progress progress) {
        List<Callable<UnaryOperator<AgreementResults>>> steps = intervalSteps(snapshot, estimates, resamples, seed);
        CompletionService<UnaryOperator<AgreementResults>> finished = new ExecutorCompletionService<>(workers);
        List<Future<UnaryOperator<AgreementResults>>> running = new ArrayList<>();
        AgreementResults results = estimates;
        try {
            for (Callable<UnaryOperator<AgreementResults>> step : steps) {
                running.add(finished.submit(step));
            }
            for (int done = 1; done <= steps.size(); done++) {
                results = finished.take().get().apply(results);
                progress.step(results, done, steps.size());
            }
            return results;
        } catch (InterruptedException e) {
            throw new CancellationException("agreement intervals cancelled");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            // Cancelled or failed: the groups still running stop at their next resample.
            running.forEach(future -> future.cancel(true));
        }
    }

    /**
     * The groups of intervals, each computed on its own and folded into the results by the
     * function it returns. A guideline version that covers every item (one version so far) has
     * the headline's figures, so the headline's group fills it in instead of drawing them again.
     */
    private static List<Callable<UnaryOperator<AgreementResults>>> intervalSteps(AgreementSnapshot snapshot,
            AgreementResults estimates, int resamples, long seed) {
        List<Callable<UnaryOperator<AgreementResults>>> steps = new ArrayList<>();
        List<Integer> sameAsHeadline = new ArrayList<>();
        estimates.single().ifPresent(single -> {
            LabelMatrix matrix = snapshot.matrix();
            List<VersionRow> versions = single.versions();
            for (int i = 0; i < versions.size(); i++) {
                int index = i;
                VersionRow row = versions.get(i);
                int[] units = snapshot.guidelineSlices().get(row.version());
                if (units.length == matrix.itemIds().length) {
                    sameAsHeadline.add(index);
                    continue;
                }
                steps.add(() -> {
                    LabelMatrix items = matrix.select(units);
                    VersionRow done = row.withIntervals(
                            AlphaBootstrap.interval(items.ratings(), Metric.NOMINAL, resamples, seed),
                            HumanLevelPerformance.of(items, resamples, seed));
                    return results -> results.withVersion(index, done);
                });
            }
            steps.add(0, () -> {
                HumanLevelPerformance hlp = HumanLevelPerformance.of(matrix, resamples, seed);
                AgreementReport report = AgreementReport.of(matrix, resamples, seed);
                return results -> {
                    AgreementResults updated = results.withHeadline(report, hlp, IntervalStatus.DONE);
                    for (int index : sameAsHeadline) {
                        updated = updated.withVersion(index, updated.single().orElseThrow().versions().get(index)
                                .withIntervals(report.alphaNominalInterval(), hlp));
                    }
                    return updated;
                };
            });
        });
        for (int category = 0; category < estimates.classes().size(); category++) {
            int index = category;
            ClassRow row = estimates.classes().get(category);
            steps.add(() -> {
                LabelMatrix binary = snapshot.multiLabel() ? snapshot.perClass().get(row.name())
                        : snapshot.matrix().oneVsRest(index);
                HumanLevelPerformance hlp = snapshot.multiLabel() ? HumanLevelPerformance.of(binary, resamples, seed)
                        : HumanLevelPerformance.ofClass(snapshot.matrix(), index, resamples, seed);
                ClassRow done = row.withIntervals(AlphaBootstrap.interval(binary.ratings(), Metric.NOMINAL, resamples,
                        seed), hlp);
                return results -> results.withClass(index, done);
            });
        }
        return steps;
    }

    /** HLP per slice of {@code matrix}, in the slices' order; with intervals when {@code resamples} &gt; 0. */
    static List<SliceRow> slices(LabelMatrix matrix, Map<String, int[]> slices, int resamples, long seed) {
        List<SliceRow> rows = new ArrayList<>();
        for (Map.Entry<String, int[]> slice : slices.entrySet()) {
            stopIfInterrupted();
            rows.add(new SliceRow(slice.getKey(), HumanLevelPerformance.of(matrix.select(slice.getValue()), resamples,
                    seed), resamples > 0 ? IntervalStatus.DONE : IntervalStatus.COMPUTING));
        }
        rows.sort(Comparator.comparing(SliceRow::name, NaturalOrder.INSTANCE)); // site-2 before site-10
        return List.copyOf(rows);
    }

    private static VersionRow version(LabelMatrix matrix, String version, int[] units) {
        LabelMatrix items = matrix.select(units);
        CoincidenceMatrix coincidences = CoincidenceMatrix.of(items.ratings());
        return new VersionRow(version, coincidences.pairableUnits(),
                KrippendorffAlpha.of(items.ratings(), coincidences, Metric.NOMINAL), Optional.empty(),
                HumanLevelPerformance.of(items, 0, SEED), IntervalStatus.COMPUTING);
    }

    /** Between two groups: the core's bootstrap checks within one. */
    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("agreement intervals cancelled");
        }
    }
}
