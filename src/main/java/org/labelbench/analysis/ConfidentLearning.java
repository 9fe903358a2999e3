package org.labelbench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Likely label errors by confident learning (Northcutt, Jiang and Chuang, "Confident Learning:
 * Estimating Uncertainty in Dataset Labels", JAIR 2021), computed as cleanlab's
 * {@code filter.find_label_issues} does at its defaults ({@code filter_by="prune_by_noise_rate"},
 * {@code frac_noise=1}, {@code min_examples_per_class=1}), on out-of-sample probabilities:
 *
 * <ol>
 * <li>per-class thresholds: the mean probability of class k over the items labeled k;</li>
 * <li>the confident joint C[given][guess]: an item counts where at least one class reaches its
 * threshold, its guess being the most probable class overall when several do, else the one;
 * the diagonal at least 1; calibrated so each row sums to that label's count and the whole to
 * the number of items, rounded preserving row totals;</li>
 * <li>pruning by noise rate: for given label k and each other class j, the C[k][j] items labeled
 * k with the largest margin p(j) − p(k) (after leaving at least one item per class);</li>
 * <li>an item whose most probable class is its label (within 1e-6) is never an issue.</li>
 * </ol>
 *
 * Issues come ranked by self-confidence, the probability of the given label, lowest first (the
 * order of cleanlab's {@code rank_by="self_confidence"}). Ties fall to the earlier item, where
 * cleanlab's unstable sorts may pick either.
 */
public final class ConfidentLearning {
    private static final double FLOATING_POINT_COMPARISON = 1e-6;
    private static final double THRESHOLD_LOWER_BOUND = 2 * FLOATING_POINT_COMPARISON;
    /** The threshold of a class no item is labeled with: no probability reaches it. */
    private static final double ABSENT_CLASS_THRESHOLD = 2;

    /** One likely label error: the item's row, its given label, the suggested one, self-confidence. */
    public record Issue(int row, int given, int suggested, double selfConfidence) {
    }

    /** The confident joint before and after calibration, and the issues it found. */
    public record Result(long[][] confidentJoint, List<Issue> issues) {
    }

    private ConfidentLearning() {
    }

    /**
     * {@code labels[i]} in 0..k-1; {@code probabilities} row-major, {@code k} per row, each row
     * the out-of-sample probabilities of item i (rows summing to about 1).
     */
    public static Result find(int[] labels, float[] probabilities, int k) {
        int n = labels.length;
        if (probabilities.length != (long) n * k) {
            throw new IllegalArgumentException(n + " labels but " + probabilities.length + " probabilities for "
                    + k + " classes");
        }
        long[] labelCounts = new long[k];
        for (int label : labels) {
            labelCounts[label]++;
        }
        double[] thresholds = thresholds(labels, probabilities, k, labelCounts);
        long[][] joint = calibrate(confidentJoint(labels, probabilities, k, thresholds), labelCounts);
        long[][] prune = keepAtLeastOnePerClass(transpose(joint));
        boolean[] issue = pruneByNoiseRate(labels, probabilities, k, labelCounts, prune);
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!issue[i]) {
                continue;
            }
            int best = argmaxFavouring(probabilities, i, k, labels[i]);
            if (best == labels[i]) {
                continue; // the model agrees with the label: not an issue
            }
            issues.add(new Issue(i, labels[i], best, probabilities[i * k + labels[i]]));
        }
        issues.sort((a, b) -> a.selfConfidence() != b.selfConfidence()
                ? Double.compare(a.selfConfidence(), b.selfConfidence()) : Integer.compare(a.row(), b.row()));
        return new Result(joint, List.copyOf(issues));
    }

    private static double[] thresholds(int[] labels, float[] p, int k, long[] labelCounts) {
        double[] sums = new double[k];
        for (int i = 0; i < labels.length; i++) {
            sums[labels[i]] += p[i * k + labels[i]];
        }
        double[] thresholds = new double[k];
        for (int c = 0; c < k; c++) {
            double mean = labelCounts[c] == 0 ? ABSENT_CLASS_THRESHOLD : sums[c] / labelCounts[c];
            thresholds[c] = Math.max(mean, THRESHOLD_LOWER_BOUND);
        }
        return thresholds;
    }

    /** C[given][guess], diagonal at least 1, not calibrated. */
    static long[][] confidentJoint(int[] labels, float[] p, int k, double[] thresholds) {
        long[][] joint = new long[k][k];
        for (int i = 0; i < labels.length; i++) {
            int confident = 0;
            int firstConfident = -1;
            int argmax = 0;
            for (int c = 0; c < k; c++) {
                float value = p[i * k + c];
                if (value >= thresholds[c] - FLOATING_POINT_COMPARISON) {
                    confident++;
                    if (firstConfident < 0) {
                        firstConfident = c;
                    }
                }
                if (value > p[i * k + argmax]) {
                    argmax = c;
                }
            }
            if (confident > 0) {
                joint[labels[i]][confident > 1 ? argmax : firstConfident]++;
            }
        }
        for (int c = 0; c < k; c++) {
            joint[c][c] = Math.max(joint[c][c], 1);
        }
        return joint;
    }

    /** Rows scaled to the label counts, the whole to the number of items, rounded keeping row sums. */
    static long[][] calibrate(long[][] joint, long[] labelCounts) {
        int k = joint.length;
        double[][] scaled = new double[k][k];
        double total = 0;
        for (int r = 0; r < k; r++) {
            double rowSum = Math.max(Arrays.stream(joint[r]).sum(), 1e-100);
            for (int c = 0; c < k; c++) {
                scaled[r][c] = joint[r][c] / rowSum * labelCounts[r];
                total += scaled[r][c];
            }
        }
        long items = Arrays.stream(labelCounts).sum();
        long[][] rounded = new long[k][];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                scaled[r][c] = scaled[r][c] / Math.max(total, 1e-100) * items;
            }
            rounded[r] = roundPreservingSum(scaled[r]);
        }
        return rounded;
    }

    /** Rounds each value, then moves the values that rounding moved most until the sum is the rounded sum. */
    static long[] roundPreservingSum(double[] values) {
        long[] ints = new long[values.length];
        double sum = 0;
        long intSum = 0;
        for (int i = 0; i < values.length; i++) {
            ints[i] = (long) Math.rint(values[i]); // numpy rounds half to even
            sum += values[i];
            intSum += ints[i];
        }
        long target = (long) Math.rint(sum);
        while (intSum != target) {
            long diff = target - intSum;
            int increment = diff < 0 ? -1 : 1;
            int changes = (int) Math.min(Math.abs(diff), values.length);
            Integer[] order = new Integer[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // numpy's argsort(values - ints), reversed to go up: up, those rounded down furthest
            // first (ties: the later first); down, those rounded up furthest first (ties: the earlier)
            Arrays.sort(order, (a, b) -> {
                int ascending = Double.compare(values[a] - ints[a], values[b] - ints[b]);
                ascending = ascending != 0 ? ascending : Integer.compare(a, b);
                return increment > 0 ? -ascending : ascending;
            });
            for (int i = 0; i < changes; i++) {
                ints[order[i]] += increment;
            }
            intSum += (long) increment * changes;
        }
        return ints;
    }

    private static long[][] transpose(long[][] m) {
        long[][] t = new long[m.length][m.length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m.length; c++) {
                t[c][r] = m[r][c];
            }
        }
        return t;
    }

    /**
     * {@code prune[guess][given]}: each column's diagonal raised to at least 1, the raise taken
     * evenly from the column's other non-zero counts (none below 0), the result truncated.
     */
    static long[][] keepAtLeastOnePerClass(long[][] prune) {
        int k = prune.length;
        long[][] kept = new long[k][k];
        for (int c = 0; c < k; c++) {
            long diagonal = Math.max(prune[c][c], 1);
            long raised = diagonal - prune[c][c];
            int nonZero = 0;
            for (int r = 0; r < k; r++) {
                if (prune[r][c] != 0) {
                    nonZero++;
                }
            }
            double perNoiseRate = raised / Math.max(nonZero - 1.0, 1.0);
            for (int r = 0; r < k; r++) {
                kept[r][c] = r == c ? diagonal : (long) Math.max(prune[r][c] - perNoiseRate, 0);
            }
        }
        return kept;
    }

    private static boolean[] pruneByNoiseRate(int[] labels, float[] p, int k, long[] labelCounts, long[][] prune) {
        boolean[] issue = new boolean[labels.length];
        int[][] rowsOf = rowsByLabel(labels, k, labelCounts);
        // Each given class marks only its own rows, so the classes run side by side.
        java.util.stream.IntStream.range(0, k).parallel().forEach(given -> {
            int[] rows = rowsOf[given];
            if (rows.length <= 1) {
                return; // too few examples to prune any (min_examples_per_class)
            }
            long[] keyed = new long[rows.length];
            for (int guess = 0; guess < k; guess++) {
                long count = Math.min(prune[guess][given], rows.length);
                if (guess == given || count <= 0) {
                    continue;
                }
                // the `count` rows with the largest margin p(guess) - p(given), earlier rows first on ties:
                // the `count` smallest keys (unique, the row's place in its low bits), found without a full sort
                for (int r = 0; r < rows.length; r++) {
                    int row = rows[r];
                    float margin = p[row * k + guess] - p[row * k + given];
                    keyed[r] = ((long) sortable(-margin) << 32) | (r & 0xffffffffL);
                }
                selectSmallest(keyed, (int) count);
                for (int r = 0; r < count; r++) {
                    issue[rows[(int) (keyed[r] & 0xffffffffL)]] = true;
                }
            }
        });
        return issue;
    }

    /** Moves the {@code count} smallest of the distinct {@code values} to its front, in any order (quickselect). */
    static void selectSmallest(long[] values, int count) {
        int from = 0;
        int to = values.length - 1;
        while (count > 0 && count < to - from + 1) {
            int middle = (from + to) >>> 1;
            // median of three as the pivot: sorted and reversed inputs stay linear
            long a = values[from];
            long b = values[middle];
            long c = values[to];
            long pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
            int i = from;
            int j = to;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = values[i];
                    values[i++] = values[j];
                    values[j--] = t;
                }
            }
            // now values[from..j] <= pivot <= values[i..to], and j < i
            int left = j - from + 1;
            if (count <= left) {
                to = j;
            } else {
                int between = i - j - 1; // 0 or 1: the pivot itself, in place
                if (count <= left + between) {
                    return;
                }
                count -= left + between;
                from = i;
            }
        }
    }

    private static int[][] rowsByLabel(int[] labels, int k, long[] labelCounts) {
        int[][] rows = new int[k][];
        int[] filled = new int[k];
        for (int c = 0; c < k; c++) {
            rows[c] = new int[(int) labelCounts[c]];
        }
        for (int i = 0; i < labels.length; i++) {
            rows[labels[i]][filled[labels[i]]++] = i;
        }
        return rows;
    }

    /** The most probable class, the given label winning ties within 1e-6 (cleanlab's _reduce_issues). */
    private static int argmaxFavouring(float[] p, int row, int k, int given) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double value = p[row * k + c] + (c == given ? FLOATING_POINT_COMPARISON : 0);
            if (value > bestValue) {
                best = c;
                bestValue = value;
            }
        }
        return best;
    }

    /** A float's bits turned so that signed int order is the float's order. */
    private static int sortable(float value) {
        int bits = Float.floatToIntBits(value);
        return bits >= 0 ? bits : bits ^ 0x7fffffff;
    }
}
