package org.labelbench.analysis;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.labelbench.agreement.Estimate;

/**
 * The precision-recall curve of one class against the rest, point for point as scikit-learn's
 * {@code precision_recall_curve(truth == positive, score)} (1.1 and later): one point per distinct
 * score, thresholds ascending, each point the precision and recall of "positive if score >=
 * threshold", then a last point of precision 1 and recall 0 whose threshold is +infinity (nothing
 * scores that high; scikit-learn gives it no threshold). With no positive item scikit-learn sets
 * every recall to 1 and so does this curve, but then {@link #averagePrecision()} is unavailable.
 *
 * <p>Sorting the positives' and the negatives' scores once each and merging them makes it
 * O(n log n) with no boxing; ties need no stable order because all items at one score form one point.
 */
public final class PrecisionRecallCurve {
    /** Precision and recall of "positive if score >= threshold". */
    public record Point(double threshold, double precision, double recall) {
    }

    private final double[] thresholds;
    private final double[] precision;
    private final double[] recall;
    private final long positives;
    private final long negatives;
    private final long excluded;
    private final Estimate averagePrecision;

    private PrecisionRecallCurve(double[] thresholds, double[] precision, double[] recall, long positives,
            long negatives, long excluded, Estimate averagePrecision) {
        this.thresholds = thresholds;
        this.precision = precision;
        this.recall = recall;
        this.positives = positives;
        this.negatives = negatives;
        this.excluded = excluded;
        this.averagePrecision = averagePrecision;
    }

    /**
     * The curve of class {@code positive}, where {@code score} is the model's probability of it.
     * Items with no ground truth ({@link ClassificationMetrics#MISSING}) or no finite score (NaN:
     * the run has no probability for them) are left out and counted in {@link #excluded()}.
     */
    public static PrecisionRecallCurve of(int[] truth, double[] score, int positive) {
        if (truth.length != score.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " items but score has " + score.length);
        }
        if (positive < 0) {
            throw new IllegalArgumentException("the positive class is a code >= 0, not " + positive);
        }
        double[] positiveScores = new double[truth.length];
        double[] negativeScores = new double[truth.length];
        int p = 0;
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i];
            if (t < ClassificationMetrics.MISSING) {
                throw new IllegalArgumentException("item " + i + ": truth " + t + " is not a class code");
            }
            if (t == ClassificationMetrics.MISSING || !Double.isFinite(score[i])) {
                continue;
            }
            if (t == positive) {
                positiveScores[p++] = score[i];
            } else {
                negativeScores[n++] = score[i];
            }
        }
        long excluded = truth.length - (long) p - n;
        if (p + n == 0) {
            return new PrecisionRecallCurve(new double[0], new double[0], new double[0], 0, 0, excluded,
                    Estimate.unavailable("no item has both a ground truth and a score"));
        }
        positiveScores = Arrays.copyOf(positiveScores, p);
        negativeScores = Arrays.copyOf(negativeScores, n);
        Arrays.sort(positiveScores);
        Arrays.sort(negativeScores);

        // Walk the scores from the highest down; each distinct score (== also joins -0.0 and 0.0,
        // as numpy's diff does) closes one point with the cumulative true and false positives.
        double[] descendingThresholds = new double[p + n];
        long[] truePositives = new long[p + n];
        long[] falsePositives = new long[p + n];
        int distinct = 0;
        int i = p - 1;
        int j = n - 1;
        long tp = 0;
        long fp = 0;
        while (i >= 0 || j >= 0) {
            double threshold = j < 0 || (i >= 0 && positiveScores[i] >= negativeScores[j])
                    ? positiveScores[i] : negativeScores[j];
            while (i >= 0 && positiveScores[i] == threshold) {
                tp++;
                i--;
            }
            while (j >= 0 && negativeScores[j] == threshold) {
                fp++;
                j--;
            }
            descendingThresholds[distinct] = threshold;
            truePositives[distinct] = tp;
            falsePositives[distinct] = fp;
            distinct++;
        }

        double[] thresholds = new double[distinct + 1];
        double[] precision = new double[distinct + 1];
        double[] recall = new double[distinct + 1];
        for (int a = 0; a < distinct; a++) {
            int d = distinct - 1 - a;
            thresholds[a] = descendingThresholds[d];
            precision[a] = (double) truePositives[d] / (truePositives[d] + falsePositives[d]);
            recall[a] = p == 0 ? 1 : (double) truePositives[d] / p;
        }
        thresholds[distinct] = Double.POSITIVE_INFINITY;
        precision[distinct] = 1;
        recall[distinct] = 0;

        Estimate averagePrecision;
        if (p == 0) {
            // scikit-learn returns 0 here (with a warning); with no positive item there is nothing to rank.
            averagePrecision = Estimate.unavailable("no item of the positive class in the ground truth");
        } else {
            // scikit-learn's step integral: -sum(diff(recall) * precision[:-1]).
            double sum = 0;
            for (int a = 0; a < distinct; a++) {
                sum += (recall[a] - recall[a + 1]) * precision[a];
            }
            averagePrecision = Estimate.of(sum);
        }
        return new PrecisionRecallCurve(thresholds, precision, recall, p, n, excluded, averagePrecision);
    }

    /** The points, thresholds ascending, the last one (+infinity, precision 1, recall 0); none without items. */
    public List<Point> points() {
        return new PointList();
    }

    public int size() {
        return thresholds.length;
    }

    /** scikit-learn's average_precision_score: the sum of precision times each step down in recall. */
    public Estimate averagePrecision() {
        return averagePrecision;
    }

    /** Items of the positive class that were scored. */
    public long positives() {
        return positives;
    }

    /** Items of other classes that were scored. */
    public long negatives() {
        return negatives;
    }

    /** Items left out: no ground truth, or no finite score. */
    public long excluded() {
        return excluded;
    }

    /** A view over the three arrays, so a million-point curve is not a million records at once. */
    private final class PointList extends AbstractList<Point> implements RandomAccess {
        @Override
        public Point get(int index) {
            return new Point(thresholds[index], precision[index], recall[index]);
        }

        @Override
        public int size() {
            return thresholds.length;
        }
    }
}
