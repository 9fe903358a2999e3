package org.labelbench.agreement;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Percentile bootstrap over items: the items with two or more labels are resampled with
 * replacement, the figure recomputed on each resample, and the middle 95 % of the results is the
 * interval. Seeded, so a report can be reproduced. Resamples where the figure is undefined (one
 * category only) are left out; with fewer than half defined there is no interval.
 */
public final class Bootstrap {
    public static final double LEVEL = 0.95;

    private Bootstrap() {
    }

    public static Optional<Interval> interval(Ratings ratings, Function<Ratings, Estimate> figure, int resamples,
            long seed) {
        int[] pairable = pairableUnits(ratings);
        if (pairable.length < 2 || resamples < 1) {
            return Optional.empty();
        }
        Ratings units = ratings.select(pairable);
        SplittableRandom random = new SplittableRandom(seed);
        double[] results = new double[resamples];
        int defined = 0;
        int[] pick = new int[pairable.length];
        for (int r = 0; r < resamples; r++) {
            stopIfInterrupted();
            for (int i = 0; i < pick.length; i++) {
                pick[i] = random.nextInt(pick.length);
            }
            Estimate value = figure.apply(units.select(pick));
            if (value.isAvailable()) {
                results[defined++] = value.value();
            }
        }
        return percentiles(results, defined, resamples);
    }

    /** The middle 95 % of the first {@code defined} results; none when fewer than half were defined. */
    static Optional<Interval> percentiles(double[] results, int defined, int resamples) {
        if (defined < (resamples + 1) / 2) {
            return Optional.empty();
        }
        double[] sorted = Arrays.copyOf(results, defined);
        Arrays.sort(sorted);
        double tail = (1 - LEVEL) / 2;
        return Optional.of(new Interval(quantile(sorted, tail), quantile(sorted, 1 - tail), LEVEL, defined));
    }

    /** The interval of a mean of per-item scores, by resampling the items. */
    public static Optional<Interval> meanInterval(double[] scores, int resamples, long seed) {
        if (scores.length < 2 || resamples < 1) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            stopIfInterrupted();
            double sum = 0;
            for (int i = 0; i < scores.length; i++) {
                sum += scores[random.nextInt(scores.length)];
            }
            means[r] = sum / scores.length;
        }
        Arrays.sort(means);
        double tail = (1 - LEVEL) / 2;
        return Optional.of(new Interval(quantile(means, tail), quantile(means, 1 - tail), LEVEL, resamples));
    }

    /** The interval of a ratio of sums (a weighted mean), by resampling the items with their weights. */
    public static Optional<Interval> ratioInterval(double[] numerators, double[] denominators, int resamples,
            long seed) {
        if (numerators.length < 2 || resamples < 1) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        int defined = 0;
        for (int r = 0; r < resamples; r++) {
            stopIfInterrupted();
            double top = 0;
            double bottom = 0;
            for (int i = 0; i < numerators.length; i++) {
                int pick = random.nextInt(numerators.length);
                top += numerators[pick];
                bottom += denominators[pick];
            }
            if (bottom > 0) {
                ratios[defined++] = top / bottom;
            }
        }
        return percentiles(ratios, defined, resamples);
    }

    /**
     * A thousand resamples of a big project take tens of seconds: a job that is cancelled
     * (its thread interrupted) stops at the next resample instead of finishing them.
     */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("bootstrap cancelled");
        }
    }

    private static int[] pairableUnits(Ratings ratings) {
        int[] units = new int[ratings.units()];
        int n = 0;
        for (int unit = 0; unit < ratings.units(); unit++) {
            int m = 0;
            for (int rater = 0; rater < ratings.raters() && m < 2; rater++) {
                if (ratings.code(unit, rater) != Ratings.MISSING) {
                    m++;
                }
            }
            if (m >= 2) {
                units[n++] = unit;
            }
        }
        return Arrays.copyOf(units, n);
    }

    /** Linear interpolation between order statistics (numpy's default). */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
