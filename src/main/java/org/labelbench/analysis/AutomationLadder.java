package org.labelbench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.HumanLevelPerformance;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Ratings;
import org.labelbench.agreement.SingleLabelOnly;
import org.labelbench.agreement.Slices;
import org.labelbench.project.AssistanceRepository;
import org.labelbench.project.AssistanceRepository.SuggestionCounts;
import org.labelbench.project.AssistanceRepository.Timing;
import org.labelbench.project.AutoLabelRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;
import org.labelbench.project.Transaction;

/**
 * How far along the ladder of automation (human only, shadow, AI assistance, partial automation,
 * full automation) one prediction run can take the project, measured against the humans' labels.
 * Each rung has its figures and a one-sentence verdict; docs/ladder.md defines them. Read in one
 * snapshot; nothing here writes ({@link AutoLabeling} applies partial automation).
 */
public final class AutomationLadder {
    private AutomationLadder() {
    }

    /** Whether a rung is reached: its condition met, not met, or not measurable yet. */
    public enum Standing {
        MET, NOT_MET, NO_DATA
    }

    /** A rung as the CLI and the view show it: its name, standing and verdict. */
    public record Rung(String name, Standing standing, String verdict) {
    }

    /**
     * What the ladder asks of it. {@code target}: the accuracy automation must keep (null: HLP);
     * {@code by}: a slice breakdown for the shadow rung as {@code hlp --by} takes it (null: none);
     * {@code threshold}: a confidence threshold to judge instead of the one the target picks (null).
     */
    public record Request(String run, TruthSource truth, Double target, String by, Double threshold) {
        public Request {
            truth = truth == null ? TruthSource.DEFAULT : truth;
            if (run == null || run.isBlank()) {
                throw new BadInputException("the ladder needs a prediction run (--run)");
            }
            if (target != null && (target.isNaN() || target <= 0 || target > 1)) {
                throw new BadValueException("target accuracy", number(target), " is outside (0, 1]: it is an accuracy,"
                        + " e.g. 0.95");
            }
            if (threshold != null && (threshold.isNaN() || threshold < 0 || threshold > 1)) {
                throw new BadValueException("threshold", number(threshold), " is outside [0, 1]: it is a"
                        + " confidence, e.g. 0.9");
            }
            by = by == null || by.isBlank() ? null : by.strip();
        }

        public static Request of(String run) {
            return new Request(run, TruthSource.DEFAULT, null, null, null);
        }
    }

    /** The accuracy automation must keep: the given target, else HLP; or why there is none. */
    public record Target(Double value, boolean given, String unavailableReason) {
        public boolean isAvailable() {
            return value != null;
        }

        /** "the target 95.0 %" or "HLP 94.2 %". */
        public String describe() {
            return value == null ? "no target" : (given ? "the target " : "HLP ") + percent(value);
        }
    }

    /** Rung 1: the humans alone. */
    public record HumanOnly(long labeledItems, long truthItems, int annotators, Estimate hlp, Rung rung) {
    }

    /** The shadow rung on one slice: its items and the two figures. */
    public record SliceShadow(String slice, long items, Estimate model, Estimate hlp) {
    }

    /** Rung 2: model-vs-human agreement beside human-vs-human agreement on the same items. */
    public record Shadow(long items, Estimate model, Estimate hlp, String by, List<SliceShadow> slices, Rung rung) {
    }

    /** Rung 3: suggestions of this run shown to labelers, and their pace with and without. */
    public record Assistance(long shown, long accepted, Timing withSuggestion, Timing withoutSuggestion, Rung rung) {
        /** Share of shown suggestions accepted; empty when none was shown. */
        public Optional<Double> acceptedShare() {
            return shown == 0 ? Optional.empty() : Optional.of((double) accepted / shown);
        }
    }

    /**
     * Rung 4: auto-label what the run is confident of. {@code threshold} is the one judged (given,
     * or the lowest keeping the target; null when none does), {@code atThreshold} its point on the
     * curve; {@code openItems} the items no human labeled (no opinion, no gold, no auto label),
     * {@code openWithConfidence} those the run predicted with a confidence, {@code autoLabels} those
     * at or above the threshold, {@code expectedWrong} = autoLabels × (1 − accuracy at threshold).
     */
    public record Partial(CoverageCurve curve, Double threshold, boolean thresholdGiven,
            CoverageCurve.Point atThreshold, long openItems, long openWithConfidence, long autoLabels,
            Double expectedWrong, long autoLabelsOfRun, Rung rung) {
    }

    /** Rung 5: the run's accuracy on every human-labeled item it predicted, against the target. */
    public record Full(long items, long correct, Estimate accuracy, boolean allowed, Rung rung) {
    }

    /** The whole ladder of one run. */
    public record Ladder(String run, String truth, Target target, HumanOnly humanOnly, Shadow shadow,
            Assistance assistance, Partial partial, Full full) {
        /** The five rungs, bottom to top. */
        public List<Rung> rungs() {
            return List.of(humanOnly.rung(), shadow.rung(), assistance.rung(), partial.rung(), full.rung());
        }
    }

    public static final String HUMAN_ONLY = "Human only";
    public static final String SHADOW = "Shadow";
    public static final String ASSISTANCE = "AI assistance";
    public static final String PARTIAL = "Partial automation";
    public static final String FULL = "Full automation";

    public static Ladder read(Transaction tx, Request request) {
        SingleLabelOnly.require(tx, "the automation ladder");
        RunEvaluation evaluation = RunEvaluation.read(tx, request.run(), request.truth());
        if (Arrays.stream(evaluation.confidence()).allMatch(Double::isNaN)) {
            throw new BadInputException("run '" + request.run() + "' has no confidences: the ladder needs each"
                    + " prediction's confidence (a confidence or p_<class> columns when importing)");
        }
        GroundTruth truth = evaluation.truth();
        LabelMatrix matrix = truth.labels();
        if (matrix.itemIds().length == 0 && truth.itemIds().length == 0) {
            throw new BadInputException("the project has no human labels: the ladder measures the model against"
                    + " them, so label some items first");
        }
        HumanOnly humanOnly = humanOnly(matrix, truth);
        Shadow shadow = shadow(tx, matrix, evaluation, request.by());
        Target target = request.target() != null ? new Target(request.target(), true, null)
                : shadow.hlp().isAvailable() ? new Target(shadow.hlp().value(), false, null)
                : humanOnly.hlp().isAvailable() ? new Target(humanOnly.hlp().value(), false, null)
                : new Target(null, false, "HLP is not measurable (" + humanOnly.hlp().unavailableReason()
                        + "); give a target accuracy");
        Assistance assistance = assistance(tx, evaluation.run().id(), evaluation.run().name());
        Partial partial = partial(tx, evaluation, target, request.threshold());
        Full full = full(evaluation, target);
        return new Ladder(evaluation.run().name(), truth.source().describe(), target, humanOnly, shadow, assistance,
                partial, full);
    }

    private static HumanOnly humanOnly(LabelMatrix matrix, GroundTruth truth) {
        Estimate hlp = HumanLevelPerformance.of(matrix, 0, 0).hlp();
        int annotators = matrix.annotators().size();
        String verdict = String.format(Locale.ROOT, "%,d items labeled by %d %s; %s", matrix.itemIds().length,
                annotators, annotators == 1 ? "person" : "people",
                hlp.isAvailable() ? "HLP " + percent(hlp.value()) + " is the bar the model is held to"
                        : "HLP is not measurable yet (" + hlp.unavailableReason() + ")");
        return new HumanOnly(matrix.itemIds().length, truth.itemIds().length, annotators, hlp,
                new Rung(HUMAN_ONLY, Standing.MET, verdict));
    }

    /**
     * The model's score on one item, on HLP's footing: against the gold where there is one (1 or
     * 0); otherwise against the item's humans, as one more annotator paired with each of them (the
     * share of its humans who gave the model's class). Counted only where HLP counts the item.
     */
    private static Shadow shadow(Transaction tx, LabelMatrix matrix, RunEvaluation evaluation, String by) {
        double[] humanScores = HumanLevelPerformance.unitScores(matrix);
        Ratings ratings = matrix.ratings();
        int units = ratings.units();
        double[] modelScores = new double[units];
        Arrays.fill(modelScores, Double.NaN);
        for (int unit = 0; unit < units; unit++) {
            int index = Arrays.binarySearch(evaluation.itemIds(), matrix.itemIds()[unit]);
            if (index < 0 || Double.isNaN(humanScores[unit])) {
                continue;
            }
            int predicted = evaluation.predicted()[index];
            int gold = matrix.gold()[unit];
            if (gold != Ratings.MISSING) {
                modelScores[unit] = predicted == gold ? 1 : 0;
            } else {
                int m = 0;
                int same = 0;
                for (int rater = 0; rater < ratings.raters(); rater++) {
                    int code = ratings.code(unit, rater);
                    if (code != Ratings.MISSING) {
                        m++;
                        if (code == predicted) {
                            same++;
                        }
                    }
                }
                modelScores[unit] = (double) same / m;
            }
        }
        int[] all = new int[units];
        Arrays.setAll(all, i -> i);
        SliceShadow overall = sliceShadow("all", all, modelScores, humanScores);
        List<SliceShadow> slices = new ArrayList<>();
        if (by != null) {
            for (Map.Entry<String, int[]> slice : Slices.of(tx, matrix, by).entrySet()) {
                slices.add(sliceShadow(slice.getKey(), slice.getValue(), modelScores, humanScores));
            }
        }
        return new Shadow(overall.items(), overall.model(), overall.hlp(), by, List.copyOf(slices),
                shadowRung(overall, slices));
    }

    private static SliceShadow sliceShadow(String name, int[] units, double[] modelScores, double[] humanScores) {
        long n = 0;
        double model = 0;
        double human = 0;
        for (int unit : units) {
            if (!Double.isNaN(modelScores[unit])) {
                n++;
                model += modelScores[unit];
                human += humanScores[unit];
            }
        }
        if (n == 0) {
            String reason = "the run predicted none of the items HLP is measured on here (items with an adjudicated"
                    + " label or labels from two or more annotators)";
            return new SliceShadow(name, 0, Estimate.unavailable(reason), Estimate.unavailable(reason));
        }
        return new SliceShadow(name, n, Estimate.of(model / n), Estimate.of(human / n));
    }

    private static Rung shadowRung(SliceShadow overall, List<SliceShadow> slices) {
        if (overall.items() == 0) {
            return new Rung(SHADOW, Standing.NO_DATA, "Not measurable: " + overall.model().unavailableReason());
        }
        double model = overall.model().value();
        double hlp = overall.hlp().value();
        StringBuilder verdict = new StringBuilder(String.format(Locale.ROOT, "On %,d human-labeled items the model"
                + " agrees with the humans %s of the time, the humans with each other %s (HLP): %s", overall.items(),
                percent(model), percent(hlp), gap(model, hlp)));
        SliceShadow widest = null;
        for (SliceShadow slice : slices) {
            if (slice.items() > 0 && (widest == null || slice.hlp().value() - slice.model().value()
                    > widest.hlp().value() - widest.model().value())) {
                widest = slice;
            }
        }
        if (widest != null && widest.hlp().value() > widest.model().value()) {
            verdict.append(String.format(Locale.ROOT, "; widest gap on %s (%s against HLP %s)", widest.slice(),
                    percent(widest.model().value()), percent(widest.hlp().value())));
        }
        return new Rung(SHADOW, model >= hlp ? Standing.MET : Standing.NOT_MET, verdict.toString());
    }

    private static Assistance assistance(Transaction tx, long run, String runName) {
        AssistanceRepository repository = new AssistanceRepository();
        SuggestionCounts counts = repository.suggestions(tx, run);
        Timing with = repository.withSuggestion(tx, run);
        Timing without = repository.withoutSuggestion(tx);
        if (counts.shown() == 0) {
            return new Assistance(0, 0, with, without, new Rung(ASSISTANCE, Standing.NO_DATA,
                    "No suggestions shown yet: label a queue with the suggestions of run '" + runName + "' to measure"
                            + " how often labelers take them and whether they label faster"));
        }
        StringBuilder verdict = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d suggestions accepted (%s)",
                counts.accepted(), counts.shown(), percent((double) counts.accepted() / counts.shown())));
        Standing standing = Standing.NO_DATA;
        if (with.medianMs().isPresent() && without.medianMs().isPresent()) {
            double withSeconds = with.medianMs().get() / 1000;
            double withoutSeconds = without.medianMs().get() / 1000;
            verdict.append(String.format(Locale.ROOT, "; a label took a median %.1f s with a suggestion and %.1f s"
                    + " without", withSeconds, withoutSeconds));
            if (withSeconds < withoutSeconds) {
                verdict.append(String.format(Locale.ROOT, ": %.1f× faster", withoutSeconds / withSeconds));
                standing = Standing.MET;
            } else {
                verdict.append(": no faster");
                standing = Standing.NOT_MET;
            }
        } else {
            verdict.append("; the time per item is not known both with and without suggestions");
        }
        return new Assistance(counts.shown(), counts.accepted(), with, without,
                new Rung(ASSISTANCE, standing, verdict.toString()));
    }

    private static Partial partial(Transaction tx, RunEvaluation evaluation, Target target, Double givenThreshold) {
        int n = evaluation.itemIds().length;
        double[] measuredConfidence = new double[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean hasTruth = evaluation.truthCodes()[i] != Ratings.MISSING;
            measuredConfidence[i] = hasTruth ? evaluation.confidence()[i] : Double.NaN;
            right[i] = hasTruth && evaluation.truthCodes()[i] == evaluation.predicted()[i];
        }
        CoverageCurve curve = CoverageCurve.of(measuredConfidence, right);
        AutoLabelRepository autoLabels = new AutoLabelRepository();
        long[] open = autoLabels.openItems(tx);
        double[] openConfidence = openConfidences(evaluation, open);
        long openWithConfidence = Arrays.stream(openConfidence).filter(c -> !Double.isNaN(c)).count();
        long ofRun = autoLabels.countFromRun(tx, evaluation.run().id());

        OptionalInt chosen = OptionalInt.empty();
        if (givenThreshold != null) {
            chosen = curve.at(givenThreshold);
        } else if (target.isAvailable()) {
            chosen = curve.lowestThresholdReaching(target.value());
        }
        Double threshold = givenThreshold != null ? givenThreshold
                : chosen.isPresent() ? curve.point(chosen.getAsInt()).threshold() : null;
        CoverageCurve.Point point = chosen.isPresent() ? curve.point(chosen.getAsInt()) : null;
        long above = threshold == null ? 0 : Arrays.stream(openConfidence).filter(c -> c >= threshold).count();
        Double expectedWrong = point == null ? null : above * (1 - point.accuracy());
        Rung rung = partialRung(curve, target, givenThreshold, threshold, point, above, expectedWrong, open.length,
                openWithConfidence);
        return new Partial(curve, threshold, givenThreshold != null, point, open.length, openWithConfidence, above,
                expectedWrong, ofRun, rung);
    }

    /** The run's confidence for each open item (NaN where it has none or did not predict it). */
    static double[] openConfidences(RunEvaluation evaluation, long[] open) {
        double[] confidence = new double[open.length];
        for (int i = 0; i < open.length; i++) {
            int index = Arrays.binarySearch(evaluation.itemIds(), open[i]);
            confidence[i] = index < 0 ? Double.NaN : evaluation.confidence()[index];
        }
        return confidence;
    }

    private static Rung partialRung(CoverageCurve curve, Target target, Double given, Double threshold,
            CoverageCurve.Point point, long above, Double expectedWrong, long open, long openWithConfidence) {
        if (curve.measured() == 0) {
            return new Rung(PARTIAL, Standing.NO_DATA, "Not measurable: the run has no confidence on any item with"
                    + " a ground truth");
        }
        String applied = open == 0 ? "; every item is labeled, so none is left to auto-label"
                : String.format(Locale.ROOT, "; on the %,d unlabeled items it would auto-label %,d, about %.1f of them"
                        + " wrong", open, above, expectedWrong == null ? 0 : expectedWrong);
        if (given != null) {
            if (point == null) {
                return new Rung(PARTIAL, Standing.NO_DATA, String.format(Locale.ROOT, "No human-labeled item has a"
                        + " confidence at or above %s, so the accuracy there is not measured", number(given)));
            }
            boolean meets = target.isAvailable() && point.accuracy() >= target.value() - 1e-9;
            return new Rung(PARTIAL, !target.isAvailable() ? Standing.NO_DATA : meets ? Standing.MET : Standing.NOT_MET,
                    String.format(Locale.ROOT, "At confidence ≥ %s the model covers %s of the %,d human-labeled items"
                            + " with %s accuracy%s%s", number(given), percent(point.coverage()), curve.measured(),
                            percent(point.accuracy()), target.isAvailable()
                                    ? (meets ? ", at or above " : ", below ") + target.describe() : "", applied));
        }
        if (!target.isAvailable()) {
            return new Rung(PARTIAL, Standing.NO_DATA, "No threshold chosen: " + target.unavailableReason());
        }
        if (point == null) {
            CoverageCurve.Point best = curve.point(curve.mostAccurate().getAsInt());
            return new Rung(PARTIAL, Standing.NOT_MET, String.format(Locale.ROOT, "No threshold keeps the accuracy at"
                    + " or above %s: the best is %s at confidence ≥ %s (%s coverage)", target.describe(),
                    percent(best.accuracy()), number(best.threshold()), percent(best.coverage())));
        }
        return new Rung(PARTIAL, Standing.MET, String.format(Locale.ROOT, "Confidence ≥ %s keeps the accuracy at"
                + " %s (%s) on %s of the %,d human-labeled items%s", number(threshold), percent(point.accuracy()),
                target.describe(), percent(point.coverage()), curve.measured(), applied)
                + (openWithConfidence < open ? String.format(Locale.ROOT, " (%,d have no prediction)",
                        open - openWithConfidence) : ""));
    }

    private static Full full(RunEvaluation evaluation, Target target) {
        long items = 0;
        long correct = 0;
        for (int i = 0; i < evaluation.itemIds().length; i++) {
            if (evaluation.truthCodes()[i] != Ratings.MISSING) {
                items++;
                if (evaluation.truthCodes()[i] == evaluation.predicted()[i]) {
                    correct++;
                }
            }
        }
        if (items == 0) {
            return new Full(0, 0, Estimate.unavailable("the run predicted no item with a ground truth"), false,
                    new Rung(FULL, Standing.NO_DATA, "Not measurable: the run predicted no item with a ground truth"));
        }
        double accuracy = (double) correct / items;
        String measured = String.format(Locale.ROOT, "the run's accuracy on all %,d human-labeled items it predicted"
                + " is %s", items, percent(accuracy));
        if (!target.isAvailable()) {
            return new Full(items, correct, Estimate.of(accuracy), false, new Rung(FULL, Standing.NO_DATA,
                    "Cannot decide: " + measured + ", and " + target.unavailableReason()));
        }
        boolean allowed = correct >= target.value() * items - 1e-9;
        String verdict = allowed ? "Allowed: " + measured + ", at or above " + target.describe()
                : "Not allowed: " + measured + ", below " + target.describe() + " ("
                        + gap(accuracy, target.value()) + ")";
        return new Full(items, correct, Estimate.of(accuracy), allowed,
                new Rung(FULL, allowed ? Standing.MET : Standing.NOT_MET, verdict));
    }

    private static String gap(double model, double reference) {
        double points = 100 * (model - reference);
        if (Math.abs(points) < 0.05) {
            return "level with it";
        }
        return String.format(Locale.ROOT, "%.1f points %s", Math.abs(points), points < 0 ? "below" : "above");
    }

    /** A share as "94.2 %". */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /** A confidence or threshold as written ("0.9", "0.875"). */
    public static String number(double value) {
        String text = String.format(Locale.ROOT, "%.6f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text + "0" : text;
    }
}
