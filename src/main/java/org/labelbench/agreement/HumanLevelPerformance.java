package org.labelbench.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Human-level performance: how often one human's label matches the reference. On an item with
 * an adjudicated (gold) label the reference is the gold, and the item scores the share of its
 * annotators who gave it; on an item without, the reference is another human, and it scores the
 * share of agreeing annotator pairs. HLP is the mean over the items, so a slice mixing both kinds
 * weighs each item once. Each annotator's accuracy against the gold is reported beside it.
 */
public record HumanLevelPerformance(Estimate hlp, Optional<Interval> interval, long items, long itemsWithGold,
        long itemsPairwise, List<AnnotatorAccuracy> annotators) {

    /** One annotator's accuracy against the adjudicated labels, over the gold items they labeled. */
    public record AnnotatorAccuracy(String annotator, long items, Estimate accuracy) {
    }

    public static HumanLevelPerformance of(LabelMatrix matrix, int resamples, long seed) {
        Ratings ratings = matrix.ratings();
        int raters = ratings.raters();
        long[] goldItems = new long[raters];
        long[] correct = new long[raters];
        double[] scores = new double[ratings.units()];
        int counted = 0;
        long withGold = 0;
        long pairwise = 0;
        int[] counts = new int[ratings.categories()];
        for (int unit = 0; unit < ratings.units(); unit++) {
            int gold = matrix.gold()[unit];
            int m = 0;
            Arrays.fill(counts, 0);
            for (int rater = 0; rater < raters; rater++) {
                int code = ratings.code(unit, rater);
                if (code == Ratings.MISSING) {
                    continue;
                }
                counts[code]++;
                m++;
                if (gold != Ratings.MISSING) {
                    goldItems[rater]++;
                    if (code == gold) {
                        correct[rater]++;
                    }
                }
            }
            double score = score(gold, counts, m);
            if (!Double.isNaN(score)) {
                scores[counted++] = score;
                if (gold != Ratings.MISSING) {
                    withGold++;
                } else {
                    pairwise++;
                }
            }
        }
        List<AnnotatorAccuracy> accuracies = accuracies(matrix, goldItems, correct);
        double[] used = Arrays.copyOf(scores, counted);
        return new HumanLevelPerformance(mean(used), Bootstrap.meanInterval(used, resamples, seed), counted, withGold,
                pairwise, accuracies);
    }

    /** Each annotator with gold items: their share of them matching the gold. */
    private static List<AnnotatorAccuracy> accuracies(LabelMatrix matrix, long[] goldItems, long[] correct) {
        List<AnnotatorAccuracy> accuracies = new ArrayList<>();
        for (int rater = 0; rater < goldItems.length; rater++) {
            if (goldItems[rater] > 0) {
                accuracies.add(new AnnotatorAccuracy(matrix.annotators().get(rater), goldItems[rater],
                        Estimate.of((double) correct[rater] / goldItems[rater])));
            }
        }
        return accuracies;
    }

    /**
     * One item's score: with a gold label, the share of its {@code m} labels matching it; without,
     * the share of agreeing ordered pairs; NaN when it does not count (no gold and fewer than two
     * labels). {@code counts} are its labels per class.
     */
    private static double score(int gold, int[] counts, int m) {
        if (gold != Ratings.MISSING) {
            return m >= 1 ? (double) counts[gold] / m : Double.NaN;
        }
        if (m < 2) {
            return Double.NaN;
        }
        long agreeing = 0;
        for (int count : counts) {
            agreeing += (long) count * (count - 1);
        }
        return (double) agreeing / ((long) m * (m - 1));
    }

    private static Estimate mean(double[] scores) {
        return scores.length == 0
                ? Estimate.unavailable("not enough overlap: no item has an adjudicated label or labels from two or"
                        + " more annotators")
                : Estimate.of(Arrays.stream(scores).sum() / scores.length);
    }

    /**
     * Every unit's score (NaN where it does not count), so that many slices of one matrix (the tag
     * table's 50 tags) cost a sum each instead of a pass over the labels each.
     */
    public static double[] unitScores(LabelMatrix matrix) {
        Ratings ratings = matrix.ratings();
        double[] scores = new double[ratings.units()];
        int[] counts = new int[ratings.categories()];
        for (int unit = 0; unit < scores.length; unit++) {
            Arrays.fill(counts, 0);
            int m = 0;
            for (int rater = 0; rater < ratings.raters(); rater++) {
                int code = ratings.code(unit, rater);
                if (code != Ratings.MISSING) {
                    counts[code]++;
                    m++;
                }
            }
            scores[unit] = score(matrix.gold()[unit], counts, m);
        }
        return scores;
    }

    /**
     * HLP of the given units of {@code matrix} from their {@link #unitScores}; the same figure as
     * {@code of(matrix.select(units))}, without each annotator's accuracy.
     */
    public static HumanLevelPerformance ofScores(LabelMatrix matrix, double[] unitScores, int[] units, int resamples,
            long seed) {
        double[] used = new double[units.length];
        int counted = 0;
        long withGold = 0;
        for (int unit : units) {
            if (!Double.isNaN(unitScores[unit])) {
                used[counted++] = unitScores[unit];
                if (matrix.gold()[unit] != Ratings.MISSING) {
                    withGold++;
                }
            }
        }
        used = Arrays.copyOf(used, counted);
        return new HumanLevelPerformance(mean(used), Bootstrap.meanInterval(used, resamples, seed), counted, withGold,
                counted - withGold, List.of());
    }

    /**
     * HLP on the items of one class: how often a human's label matches the reference when the
     * item is of class {@code category}. An item with a gold label belongs to its gold class and
     * scores as above. An item without one belongs to each class in the share of its labels
     * that name it (two of three said "shirt": two thirds a shirt), and scores, for that class,
     * the share of the other annotators who agree with one who said it: (n_c - 1) / (m - 1).
     * The result is the weighted mean, so the HLP of a project is exactly the mean of its
     * classes' HLP weighted by their items, and a class people confuse shows lower than the rest
     * (grouping items by their majority label instead would keep only the items people agreed on).
     */
    public static HumanLevelPerformance ofClass(LabelMatrix matrix, int category, int resamples, long seed) {
        Ratings ratings = matrix.ratings();
        int raters = ratings.raters();
        long[] goldItems = new long[raters];
        long[] correct = new long[raters];
        double[] weightedScores = new double[ratings.units()];
        double[] weights = new double[ratings.units()];
        int counted = 0;
        long withGold = 0;
        long pairwise = 0;
        for (int unit = 0; unit < ratings.units(); unit++) {
            int gold = matrix.gold()[unit];
            int m = 0;
            int saidIt = 0;
            for (int rater = 0; rater < raters; rater++) {
                int code = ratings.code(unit, rater);
                if (code == Ratings.MISSING) {
                    continue;
                }
                m++;
                if (code == category) {
                    saidIt++;
                }
                if (gold == category) {
                    goldItems[rater]++;
                    if (code == category) {
                        correct[rater]++;
                    }
                }
            }
            if (gold != Ratings.MISSING) {
                if (gold == category && m >= 1) {
                    weights[counted] = 1;
                    weightedScores[counted++] = (double) saidIt / m;
                    withGold++;
                }
            } else if (m >= 2 && saidIt > 0) {
                double weight = (double) saidIt / m;
                weights[counted] = weight;
                weightedScores[counted++] = weight * (saidIt - 1) / (m - 1);
                pairwise++;
            }
        }
        List<AnnotatorAccuracy> accuracies = accuracies(matrix, goldItems, correct);
        double[] numerators = Arrays.copyOf(weightedScores, counted);
        double[] denominators = Arrays.copyOf(weights, counted);
        Estimate hlp = counted == 0
                ? Estimate.unavailable("not enough overlap: no item of this class has an adjudicated label or labels"
                        + " from two or more annotators")
                : Estimate.of(Arrays.stream(numerators).sum() / Arrays.stream(denominators).sum());
        return new HumanLevelPerformance(hlp, Bootstrap.ratioInterval(numerators, denominators, resamples, seed),
                counted, withGold, pairwise, accuracies);
    }

    /** {@link #ofClass} for every class, in schema order. */
    public static java.util.Map<String, HumanLevelPerformance> perClass(LabelMatrix matrix, int resamples, long seed) {
        java.util.Map<String, HumanLevelPerformance> perClass = new java.util.LinkedHashMap<>();
        for (int category = 0; category < matrix.classes().size(); category++) {
            perClass.put(matrix.classes().get(category), ofClass(matrix, category, resamples, seed));
        }
        return perClass;
    }
}
