package org.labelbench.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The bootstrap intervals of the agreement report (alpha nominal, ordinal and interval, and the
 * mean pairwise Cohen's kappa) in one pass per resample, on every core. Each item's share is
 * computed once: its cells of the coincidence matrix and, for every pair of annotators who both
 * labeled it, its cell of that pair's table. A resample adds up the shares of the items it drew,
 * weighted by how often each was drawn, and every figure is computed from those sums. The draws
 * come from one seeded generator in resample order, exactly as {@link Bootstrap#interval} draws
 * them, so the intervals are those of recomputing each figure from each resample's labels (the
 * kappa's to the last digit, the alphas' to rounding: their sums are added in item order) whatever
 * the number of threads; only the adding up runs in parallel. {@link AlphaBootstrap} is this
 * without the pairs' tables.
 */
public final class AgreementBootstrap {
    /** The four intervals; empty where there are too few items or too few defined resamples. */
    public record Intervals(Optional<Interval> meanCohenKappa, Optional<Interval> alphaNominal,
            Optional<Interval> alphaOrdinal, Optional<Interval> alphaInterval) {
        static Intervals none() {
            return new Intervals(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private static final Metric[] METRICS = {Metric.NOMINAL, Metric.ORDINAL, Metric.INTERVAL};

    private final Ratings ratings;
    private final int k;
    /** 0 when only the alphas are wanted: no pair tables are kept or summed. */
    private final int pairCount;
    private int units;
    /** Per pairable item: its coincidence cells (c * k + d) and amounts, then its pair cells (p * k * k + a * k + b). */
    private int[] cellStart;
    private int[] cells;
    private double[] amounts;
    private int[] pairStart;
    private int[] pairCells;

    private AgreementBootstrap(Ratings ratings, boolean withKappa) {
        this.ratings = ratings;
        this.k = ratings.categories();
        this.pairCount = withKappa ? ratings.raters() * (ratings.raters() - 1) / 2 : 0;
        shares();
    }

    public static Intervals of(Ratings ratings, int resamples, long seed) {
        return of(ratings, resamples, seed, Runtime.getRuntime().availableProcessors());
    }

    static Intervals of(Ratings ratings, int resamples, long seed, int threads) {
        return run(new AgreementBootstrap(ratings, true), resamples, seed, threads);
    }

    /** The alphas' intervals alone (no pair tables): what {@link AlphaBootstrap} gives. */
    static Intervals alphas(Ratings ratings, int resamples, long seed) {
        return run(new AgreementBootstrap(ratings, false), resamples, seed,
                Runtime.getRuntime().availableProcessors());
    }

    private static Intervals run(AgreementBootstrap bootstrap, int resamples, long seed, int threads) {
        if (bootstrap.units < 2 || resamples < 1) {
            return Intervals.none();
        }
        return bootstrap.run(resamples, seed, Math.max(1, threads));
    }

    private void shares() {
        int n = ratings.units();
        cellStart = new int[n + 1];
        pairStart = new int[n + 1];
        cells = new int[Math.max(16, n * 4)];
        amounts = new double[cells.length];
        pairCells = new int[Math.max(16, n * 2)];
        int used = 0;
        int pairsUsed = 0;
        int[] counts = new int[k];
        int[] present = new int[ratings.raters()];
        for (int unit = 0; unit < n; unit++) {
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
                cellStart[units] = used;
                pairStart[units] = pairsUsed;
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
                int pair = 0;
                for (int a = 0; a < ratings.raters() && pairCount > 0; a++) {
                    for (int b = a + 1; b < ratings.raters(); b++, pair++) {
                        int codeA = ratings.code(unit, a);
                        int codeB = ratings.code(unit, b);
                        if (codeA != Ratings.MISSING && codeB != Ratings.MISSING) {
                            if (pairsUsed == pairCells.length) {
                                pairCells = Arrays.copyOf(pairCells, pairsUsed * 2);
                            }
                            pairCells[pairsUsed++] = pair * k * k + codeA * k + codeB;
                        }
                    }
                }
                units++;
            }
            for (int a = 0; a < distinct; a++) {
                counts[present[a]] = 0;
            }
        }
        cellStart[units] = used;
        pairStart[units] = pairsUsed;
    }

    private Intervals run(int resamples, long seed, int threads) {
        // results[figure][r]: NaN where the figure is undefined on resample r.
        double[][] results = new double[4][resamples];
        // A few draw buffers circulate: the generator fills one while the threads add up others.
        BlockingQueue<int[]> free = new ArrayBlockingQueue<>(2 * threads);
        for (int i = 0; i < 2 * threads; i++) {
            free.add(new int[units]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "labelbench-bootstrap");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> tasks = new ArrayList<>(resamples);
        try {
            SplittableRandom random = new SplittableRandom(seed);
            for (int r = 0; r < resamples; r++) {
                Bootstrap.stopIfInterrupted();
                int[] drawn = free.take();
                Arrays.fill(drawn, 0);
                for (int i = 0; i < units; i++) {
                    drawn[random.nextInt(units)]++;
                }
                int resample = r;
                tasks.add(pool.submit(() -> {
                    try {
                        evaluate(drawn, results, resample);
                    } finally {
                        free.add(drawn);
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("bootstrap cancelled");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Intervals(pairCount == 0 ? Optional.empty() : percentiles(results[0], resamples),
                percentiles(results[1], resamples),
                percentiles(results[2], resamples), percentiles(results[3], resamples));
    }

    /** One resample's figures from the shares of the items drawn {@code drawn[unit]} times. */
    private void evaluate(int[] drawn, double[][] results, int r) {
        double[] flat = new double[k * k];
        double[] tables = new double[pairCount * k * k];
        for (int unit = 0; unit < units; unit++) {
            int times = drawn[unit];
            if (times == 0) {
                continue;
            }
            for (int e = cellStart[unit]; e < cellStart[unit + 1]; e++) {
                flat[cells[e]] += times * amounts[e];
            }
            for (int e = pairStart[unit]; e < pairStart[unit + 1]; e++) {
                tables[pairCells[e]] += times;
            }
        }
        results[0][r] = pairCount == 0 ? Double.NaN : meanKappa(tables);
        double[][] o = new double[k][k];
        for (int c = 0; c < k; c++) {
            System.arraycopy(flat, c * k, o[c], 0, k);
        }
        CoincidenceMatrix coincidences = CoincidenceMatrix.of(o, units);
        for (int m = 0; m < METRICS.length; m++) {
            Estimate alpha = KrippendorffAlpha.of(ratings, coincidences, METRICS[m]);
            results[m + 1][r] = alpha.isAvailable() ? alpha.value() : Double.NaN;
        }
    }

    /** The mean of the pairs' defined kappas, as {@link AgreementReport#mean} takes it; NaN if none. */
    private double meanKappa(double[] tables) {
        double sum = 0;
        int available = 0;
        double[][] table = new double[k][k];
        for (int pair = 0; pair < pairCount; pair++) {
            long n = 0;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    table[a][b] = tables[pair * k * k + a * k + b];
                    n += (long) table[a][b];
                }
            }
            if (n == 0) {
                continue; // the pair shares no item drawn: not a pair of this resample
            }
            Estimate kappa = CohenKappa.of(table, n, CohenKappa.Weights.NONE);
            if (kappa.isAvailable()) {
                sum += kappa.value();
                available++;
            }
        }
        return available == 0 ? Double.NaN : sum / available;
    }

    private static Optional<Interval> percentiles(double[] byResample, int resamples) {
        double[] defined = new double[resamples];
        int count = 0;
        for (double value : byResample) {
            if (!Double.isNaN(value)) {
                defined[count++] = value;
            }
        }
        return Bootstrap.percentiles(defined, count, resamples);
    }
}
