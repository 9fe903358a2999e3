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
            if (gold != Ratings.MISSING && m >= 1) {
                scores[counted++] = (double) counts[gold] / m;
                withGold++;
            } else if (gold == Ratings.MISSING && m >= 2) {
                long agreeing = 0;
                for (int count : counts) {
                    agreeing += (long) count * (count - 1);
                }
                scores[counted++] = (double) agreeing / ((long) m * (m - 1));
                pairwise++;
            }
        }
        List<AnnotatorAccuracy> accuracies = new ArrayList<>();
        for (int rater = 0; rater < raters; rater++) {
            if (goldItems[rater] > 0) {
                accuracies.add(new AnnotatorAccuracy(matrix.annotators().get(rater), goldItems[rater],
                        Estimate.of((double) correct[rater] / goldItems[rater])));
            }
        }
        double[] used = Arrays.copyOf(scores, counted);
        Estimate hlp = counted == 0
                ? Estimate.unavailable("not enough overlap: no item has an adjudicated label or labels from two or"
                        + " more annotators")
                : Estimate.of(Arrays.stream(used).sum() / counted);
        return new HumanLevelPerformance(hlp, Bootstrap.meanInterval(used, resamples, seed), counted, withGold,
                pairwise, accuracies);
    }
}
