package org.labelbench.agreement;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The bootstrap of Krippendorff's alpha without recomputing from the labels: each item's share
 * of the coincidence matrix is computed once, and a resample adds up the shares of the items it
 * drew, in one sequential pass weighted by how often each was drawn. Same draws, same seed and
 * same percentiles as {@link Bootstrap#interval}, without copying the labels per resample.
 */
public final class AlphaBootstrap {
    private AlphaBootstrap() {
    }

    public static Optional<Interval> interval(Ratings ratings, Metric metric, int resamples, long seed) {
        int k = ratings.categories();
        // Per pairable unit, its non-zero cells: flat (cell index, amount) runs.
        int[] start = new int[ratings.units() + 1];
        int[] cells = new int[Math.max(16, ratings.units() * 4)];
        double[] amounts = new double[cells.length];
        int units = 0;
        int used = 0;
        int[] counts = new int[k];
        int[] present = new int[ratings.raters()];
        for (int unit = 0; unit < ratings.units(); unit++) {
            int distinct = 0;
            int m = 0;
            for (int rater = 0; rater < ratings.raters(); rater++) {
                int code = ratings.code(unit, rater);
                if (code != Ratings.MISSING) {
                    if (counts[code]++ == 0) {
                        present[distinct++] = code;
                    }
                    m++;
                }
            }
            if (m >= 2) {
                start[units] = used;
                for (int a = 0; a < distinct; a++) {
                    for (int b = 0; b < distinct; b++) {
                        int c = present[a];
                        int d = present[b];
                        double amount = (c == d ? counts[c] * (counts[c] - 1.0) : (double) counts[c] * counts[d]) / (m - 1);
                        if (amount == 0) {
                            continue;
                        }
                        if (used == cells.length) {
                            cells = Arrays.copyOf(cells, used * 2);
                            amounts = Arrays.copyOf(amounts, used * 2);
                        }
                        cells[used] = c * k + d;
                        amounts[used++] = amount;
                    }
                }
                units++;
            }
            for (int a = 0; a < distinct; a++) {
                counts[present[a]] = 0;
            }
        }
        start[units] = used;
        if (units < 2 || resamples < 1) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] flat = new double[k * k];
        double[] results = new double[resamples];
        int defined = 0;
        int[] drawn = new int[units];
        for (int r = 0; r < resamples; r++) {
            Bootstrap.stopIfInterrupted();
            // How often each item was drawn, then one pass in item order: the same resample, read
            // sequentially instead of jumping around the items.
            Arrays.fill(drawn, 0);
            for (int i = 0; i < units; i++) {
                drawn[random.nextInt(units)]++;
            }
            Arrays.fill(flat, 0);
            for (int unit = 0; unit < units; unit++) {
                int times = drawn[unit];
                if (times == 0) {
                    continue;
                }
                for (int e = start[unit]; e < start[unit + 1]; e++) {
                    flat[cells[e]] += times * amounts[e];
                }
            }
            double[][] o = new double[k][k];
            for (int c = 0; c < k; c++) {
                System.arraycopy(flat, c * k, o[c], 0, k);
            }
            Estimate alpha = KrippendorffAlpha.of(ratings, CoincidenceMatrix.of(o, units), metric);
            if (alpha.isAvailable()) {
                results[defined++] = alpha.value();
            }
        }
        return Bootstrap.percentiles(results, defined, resamples);
    }
}
