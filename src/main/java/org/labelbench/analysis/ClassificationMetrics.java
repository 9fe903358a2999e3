package org.labelbench.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.Ratings;

/**
 * Model-evaluation figures for skewed data, computed from one confusion matrix: accuracy,
 * per-class precision, recall and F1 with their support, and the macro and weighted averages.
 *
 * <p>Zero division follows scikit-learn's {@code zero_division=0}, so that the averages agree with
 * {@code precision_recall_fscore_support(labels=range(k), zero_division=0)}: a class never
 * predicted has precision 0, a class absent from the ground truth has recall 0, one that is neither
 * has F1 0. Such a 0 is a convention, not a measurement, so each one is named in {@link #notes()}.
 * Classes with no support and no prediction stay in the table and count in the macro average, as
 * in scikit-learn when {@code labels=} lists every class.
 */
public final class ClassificationMetrics {
    /** The code for "no ground truth" or "no prediction": the item is left out. */
    public static final int MISSING = Ratings.MISSING;

    static final String NO_ITEMS = "no item has both a ground truth and a prediction";
    static final String AS_SCIKIT_LEARN = "counted as 0, as scikit-learn's zero_division=0";

    private final List<String> classes;
    private final long[][] confusion;
    private final long items;
    private final long excluded;
    private final Estimate accuracy;
    private final List<ClassMetrics> perClass;
    private final ClassMetrics macro;
    private final ClassMetrics weighted;
    private final Map<String, String> notes;

    /**
     * Figures for "positive if score >= threshold", where score is the model's probability of
     * class {@code positive}. Precision without a positive prediction, and recall without a
     * positive item, are unavailable: with one class in view there is no average to keep in line
     * with scikit-learn, so no convention is needed.
     */
    public record ThresholdMetrics(double threshold, long tp, long fp, long fn, long tn, long excluded,
            Estimate precision, Estimate recall, Estimate f1) {
    }

    private ClassificationMetrics(List<String> classes, long[][] confusion, long excluded) {
        this.classes = List.copyOf(classes);
        this.confusion = confusion;
        this.excluded = excluded;
        int k = classes.size();
        long[] support = new long[k];
        long[] predicted = new long[k];
        long total = 0;
        long correct = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                support[t] += confusion[t][p];
                predicted[p] += confusion[t][p];
            }
            total += support[t];
            correct += confusion[t][t];
        }
        this.items = total;
        Map<String, String> notes = new LinkedHashMap<>();
        List<ClassMetrics> rows = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            rows.add(classRow(c, confusion[c][c], support[c], predicted[c], notes));
        }
        this.perClass = Collections.unmodifiableList(rows);
        if (total == 0) {
            Estimate none = Estimate.unavailable(NO_ITEMS);
            this.accuracy = none;
            this.macro = new ClassMetrics("macro", none, none, none, 0, 0);
            this.weighted = new ClassMetrics("weighted", none, none, none, 0, 0);
        } else {
            this.accuracy = Estimate.of((double) correct / total);
            this.macro = average("macro", rows, null, total, notes);
            this.weighted = average("weighted", rows, support, total, notes);
        }
        this.notes = Collections.unmodifiableMap(notes);
    }

    /**
     * Counts the confusion matrix in one pass, then derives everything from it. Codes are 0..k-1
     * in the order of {@code classes}; an index where either code is {@link #MISSING} is left out
     * and counted in {@link #excluded()}.
     */
    public static ClassificationMetrics of(int[] truth, int[] predicted, List<String> classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(
                    "truth has " + truth.length + " items but predicted has " + predicted.length);
        }
        int k = classes.size();
        long[][] confusion = new long[k][k];
        long excluded = 0;
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i];
            int p = predicted[i];
            if (t < MISSING || t >= k || p < MISSING || p >= k) {
                throw new IllegalArgumentException("item " + i + ": truth " + t + ", predicted " + p
                        + " (codes are 0.." + (k - 1) + ", or " + MISSING + " for none)");
            }
            if (t == MISSING || p == MISSING) {
                excluded++;
            } else {
                confusion[t][p]++;
            }
        }
        return new ClassificationMetrics(classes, confusion, excluded);
    }

    /** The same figures from a confusion matrix counted elsewhere (rows truth, columns predicted). */
    public static ClassificationMetrics fromConfusion(long[][] confusion, List<String> classes, long excluded) {
        int k = classes.size();
        long[][] copy = new long[k][];
        if (confusion.length != k) {
            throw new IllegalArgumentException("a confusion matrix for " + k + " classes has " + k + " rows, not "
                    + confusion.length);
        }
        for (int t = 0; t < k; t++) {
            if (confusion[t].length != k) {
                throw new IllegalArgumentException("confusion row " + t + " has " + confusion[t].length
                        + " columns, not " + k);
            }
            for (long count : confusion[t]) {
                if (count < 0) {
                    throw new IllegalArgumentException("confusion row " + t + " has a negative count");
                }
            }
            copy[t] = confusion[t].clone();
        }
        return new ClassificationMetrics(classes, copy, excluded);
    }

    /**
     * Binary figures for class {@code positive} at one threshold: an item is predicted positive
     * when its score is >= {@code threshold}. Items without ground truth ({@link #MISSING}) or
     * without a finite score (NaN: the run has no probability for it) are left out.
     */
    public static ThresholdMetrics atThreshold(int[] truth, double[] score, int positive, double threshold) {
        if (truth.length != score.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " items but score has " + score.length);
        }
        if (positive < 0) {
            throw new IllegalArgumentException("the positive class is a code >= 0, not " + positive);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the threshold is not a number");
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        long excluded = 0;
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i];
            if (t < MISSING) {
                throw new IllegalArgumentException("item " + i + ": truth " + t + " is not a class code");
            }
            if (t == MISSING || !Double.isFinite(score[i])) {
                excluded++;
            } else if (score[i] >= threshold) {
                if (t == positive) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (t == positive) {
                fn++;
            } else {
                tn++;
            }
        }
        Estimate precision = tp + fp == 0
                ? Estimate.unavailable(tp + fp + fn + tn == 0 ? "no item has both a ground truth and a score"
                        : "no item scored at or above the threshold")
                : Estimate.of((double) tp / (tp + fp));
        Estimate recall = tp + fn == 0
                ? Estimate.unavailable(tp + fp + fn + tn == 0 ? "no item has both a ground truth and a score"
                        : "no item of the positive class in the ground truth")
                : Estimate.of((double) tp / (tp + fn));
        Estimate f1 = tp + fp + fn == 0
                ? Estimate.unavailable(tp + fp + fn + tn == 0 ? "no item has both a ground truth and a score"
                        : "no item of the positive class, and none predicted")
                : Estimate.of(2.0 * tp / (2 * tp + fp + fn));
        return new ThresholdMetrics(threshold, tp, fp, fn, tn, excluded, precision, recall, f1);
    }

    private ClassMetrics classRow(int c, long tp, long support, long predicted, Map<String, String> notes) {
        String name = classes.get(c);
        if (items == 0) {
            Estimate none = Estimate.unavailable(NO_ITEMS);
            return new ClassMetrics(name, none, none, none, 0, 0);
        }
        Estimate precision;
        if (predicted == 0) {
            precision = Estimate.of(0);
            notes.put("precision." + name, "never predicted: " + AS_SCIKIT_LEARN);
        } else {
            precision = Estimate.of((double) tp / predicted);
        }
        Estimate recall;
        if (support == 0) {
            recall = Estimate.of(0);
            notes.put("recall." + name, "not in the ground truth: " + AS_SCIKIT_LEARN);
        } else {
            recall = Estimate.of((double) tp / support);
        }
        // 2PR/(P+R) = 2tp/(2tp+fp+fn) = 2tp/(support+predicted): undefined only when the class is
        // neither present nor predicted; with one of the two it is 0 or more, as in scikit-learn.
        Estimate f1;
        if (support + predicted == 0) {
            f1 = Estimate.of(0);
            notes.put("f1." + name, "neither in the ground truth nor predicted: " + AS_SCIKIT_LEARN);
        } else {
            f1 = Estimate.of(2.0 * tp / (support + predicted));
        }
        return new ClassMetrics(name, precision, recall, f1, support, predicted);
    }

    /**
     * The unweighted mean over all classes ({@code support == null}), or the mean weighted by
     * support. A class whose figure is a zero-division 0 pulls the average down; the note says
     * which, except where its weight is 0.
     */
    private static ClassMetrics average(String name, List<ClassMetrics> rows, long[] support, long items,
            Map<String, String> notes) {
        double[] sums = new double[3];
        double weights = 0;
        List<List<String>> conventional = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int c = 0; c < rows.size(); c++) {
            ClassMetrics row = rows.get(c);
            double weight = support == null ? 1 : support[c];
            weights += weight;
            Estimate[] figures = {row.precision(), row.recall(), row.f1()};
            boolean[] byConvention = {row.predicted() == 0, row.support() == 0, row.predicted() + row.support() == 0};
            for (int f = 0; f < 3; f++) {
                sums[f] += figures[f].value() * weight;
                if (byConvention[f] && weight > 0) {
                    conventional.get(f).add(row.name());
                }
            }
        }
        String[] figureNames = {"precision", "recall", "f1"};
        for (int f = 0; f < 3; f++) {
            if (!conventional.get(f).isEmpty()) {
                notes.put(figureNames[f] + "." + name, "includes " + String.join(", ", conventional.get(f))
                        + " " + AS_SCIKIT_LEARN);
            }
        }
        return new ClassMetrics(name, Estimate.of(sums[0] / weights), Estimate.of(sums[1] / weights),
                Estimate.of(sums[2] / weights), items, items);
    }

    public List<String> classes() {
        return classes;
    }

    /** Items with both a ground truth and a prediction. */
    public long items() {
        return items;
    }

    /** Items left out because the ground truth or the prediction is missing. */
    public long excluded() {
        return excluded;
    }

    public Estimate accuracy() {
        return accuracy;
    }

    /** One row per class, in class order, including classes with no support. */
    public List<ClassMetrics> perClass() {
        return perClass;
    }

    public ClassMetrics macro() {
        return macro;
    }

    /** Weighted by support, so classes absent from the ground truth weigh nothing. */
    public ClassMetrics weighted() {
        return weighted;
    }

    /** Counts: rows are the true class, columns the predicted one (scikit-learn's confusion_matrix). */
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int t = 0; t < confusion.length; t++) {
            copy[t] = confusion[t].clone();
        }
        return copy;
    }

    /**
     * Each row divided by its support: the share of a true class that went to each prediction, so
     * the diagonal is the per-class recall. A row with no support is all 0 rather than NaN, as
     * scikit-learn's {@code confusion_matrix(normalize="true")} gives it; its support of 0 says why.
     */
    public double[][] normalizedConfusion() {
        int k = confusion.length;
        double[][] shares = new double[k][k];
        for (int t = 0; t < k; t++) {
            long support = 0;
            for (long count : confusion[t]) {
                support += count;
            }
            if (support > 0) {
                for (int p = 0; p < k; p++) {
                    shares[t][p] = (double) confusion[t][p] / support;
                }
            }
        }
        return shares;
    }

    /**
     * Which figures are a convention rather than a measurement: "precision.NAME", "recall.NAME",
     * "f1.NAME" for a class, and "precision.macro" and so on for an average that includes them.
     */
    public Map<String, String> notes() {
        return notes;
    }
}
