package org.labelbench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Partial automation's curve, measured on items with a ground truth: for each threshold (each
 * distinct confidence, highest first) the share of those items whose confidence is at or above
 * it (coverage: the share that would be auto-labeled) and the model's accuracy on that share.
 * Lowering the threshold raises coverage and, for a calibrated model, lowers accuracy.
 */
public final class CoverageCurve {
    /** One point: auto-label at or above {@code threshold}; {@code items} of the measured items are, {@code correct} of them rightly. */
    public record Point(double threshold, long items, long correct, double coverage, double accuracy) {
    }

    private final double[] thresholds;
    private final long[] items;
    private final long[] correct;
    private final long measured;

    private CoverageCurve(double[] thresholds, long[] items, long[] correct, long measured) {
        this.thresholds = thresholds;
        this.items = items;
        this.correct = correct;
        this.measured = measured;
    }

    /**
     * The curve of items with {@code confidence[i]} (NaN: left out) and whether the model was
     * right on them.
     */
    public static CoverageCurve of(double[] confidence, boolean[] right) {
        int n = 0;
        for (double c : confidence) {
            if (!Double.isNaN(c)) {
                n++;
            }
        }
        Integer[] order = new Integer[n];
        int next = 0;
        for (int i = 0; i < confidence.length; i++) {
            if (!Double.isNaN(confidence[i])) {
                order[next++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(confidence[b], confidence[a]));
        double[] thresholds = new double[n];
        long[] items = new long[n];
        long[] correct = new long[n];
        int points = 0;
        long seen = 0;
        long rightSoFar = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            seen++;
            if (right[i]) {
                rightSoFar++;
            }
            boolean lastOfTies = k + 1 == n || confidence[order[k + 1]] != confidence[i];
            if (lastOfTies) {
                thresholds[points] = confidence[i];
                items[points] = seen;
                correct[points++] = rightSoFar;
            }
        }
        return new CoverageCurve(Arrays.copyOf(thresholds, points), Arrays.copyOf(items, points),
                Arrays.copyOf(correct, points), n);
    }

    /** Items the curve is measured on (with a ground truth and a confidence). */
    public long measured() {
        return measured;
    }

    public int size() {
        return thresholds.length;
    }

    public Point point(int index) {
        return new Point(thresholds[index], items[index], correct[index], (double) items[index] / measured,
                (double) correct[index] / items[index]);
    }

    /** Every point, highest threshold first. */
    public List<Point> points() {
        List<Point> all = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            all.add(point(i));
        }
        return all;
    }

    /**
     * At most {@code limit} points for a chart or a listing, highest threshold first: evenly
     * spread over the curve's points, always with its first and last.
     */
    public List<Point> sampled(int limit) {
        if (size() <= limit) {
            return points();
        }
        List<Point> sampled = new ArrayList<>(limit);
        int previous = -1;
        for (int s = 0; s < limit; s++) {
            int index = (int) Math.round((double) s * (size() - 1) / (limit - 1));
            if (index != previous) {
                sampled.add(point(index));
                previous = index;
            }
        }
        return sampled;
    }

    /**
     * The point of the lowest threshold whose accuracy is at or above {@code target}: the most
     * coverage that keeps the target; empty when no threshold reaches it.
     */
    public OptionalInt lowestThresholdReaching(double target) {
        for (int i = size() - 1; i >= 0; i--) {
            // Exact in integers where the target is a ratio of them: correct / items >= target.
            if (correct[i] >= target * items[i] - 1e-9) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The point that auto-labels what a threshold of {@code threshold} would: empty when no measured item reaches it. */
    public OptionalInt at(double threshold) {
        // thresholds descend: the last one at or above the threshold holds every item at or above it.
        int found = -1;
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (thresholds[mid] >= threshold) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    /** The point of the highest accuracy, the lowest threshold among ties; empty on an empty curve. */
    public OptionalInt mostAccurate() {
        int best = -1;
        for (int i = 0; i < size(); i++) {
            if (best < 0 || (double) correct[i] / items[i] >= (double) correct[best] / items[best]) {
                best = i;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }
}
