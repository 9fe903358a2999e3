package org.labelbench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.Ratings;

/**
 * Two runs side by side on the items both predicted and that have a ground truth: each run's
 * metrics, its accuracy per tag, and the items one gets right and the other wrong, with
 * McNemar's exact test of whether the two differ (statsmodels' {@code mcnemar(exact=True)}).
 */
public record RunComparison(String first, String second, long items, long bothRight, long onlyFirstRight,
        long onlySecondRight, long bothWrong, Estimate mcnemarP, ClassificationMetrics firstMetrics,
        ClassificationMetrics secondMetrics, List<TagAccuracy> tags, long[] onlyFirstRightItems,
        long[] onlySecondRightItems) {

    /** Each run's accuracy on the shared items with the tag. */
    public record TagAccuracy(String tag, long items, Estimate first, Estimate second) {
    }

    public static RunComparison of(RunEvaluation a, RunEvaluation b, TagMembership membership) {
        int n = a.itemIds().length;
        int[] truth = new int[n];
        int[] predictedA = new int[n];
        int[] predictedB = new int[n];
        long[] shared = new long[n];
        int count = 0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            long item = a.itemIds()[i];
            while (j < b.itemIds().length && b.itemIds()[j] < item) {
                j++;
            }
            if (j < b.itemIds().length && b.itemIds()[j] == item && a.truthCodes()[i] != Ratings.MISSING) {
                shared[count] = item;
                truth[count] = a.truthCodes()[i];
                predictedA[count] = a.predicted()[i];
                predictedB[count++] = b.predicted()[j];
            }
        }
        shared = Arrays.copyOf(shared, count);
        truth = Arrays.copyOf(truth, count);
        predictedA = Arrays.copyOf(predictedA, count);
        predictedB = Arrays.copyOf(predictedB, count);
        long bothRight = 0;
        long bothWrong = 0;
        List<Long> onlyA = new ArrayList<>();
        List<Long> onlyB = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean rightA = predictedA[i] == truth[i];
            boolean rightB = predictedB[i] == truth[i];
            if (rightA && rightB) {
                bothRight++;
            } else if (rightA) {
                onlyA.add(shared[i]);
            } else if (rightB) {
                onlyB.add(shared[i]);
            } else {
                bothWrong++;
            }
        }
        List<TagAccuracy> tags = new ArrayList<>();
        for (Map.Entry<String, long[]> tag : membership.tags().entrySet()) {
            long items = 0;
            long correctA = 0;
            long correctB = 0;
            int from = 0;
            for (long item : tag.getValue()) {
                int i = TagTable.search(shared, from, item);
                from = i >= 0 ? i + 1 : -i - 1;
                if (i >= 0) {
                    items++;
                    correctA += predictedA[i] == truth[i] ? 1 : 0;
                    correctB += predictedB[i] == truth[i] ? 1 : 0;
                }
            }
            tags.add(new TagAccuracy(tag.getKey(), items, share(correctA, items), share(correctB, items)));
        }
        return new RunComparison(a.run().name(), b.run().name(), count, bothRight, onlyA.size(), onlyB.size(),
                bothWrong, mcnemarExact(onlyA.size(), onlyB.size()),
                ClassificationMetrics.of(truth, predictedA, a.classes()),
                ClassificationMetrics.of(truth, predictedB, b.classes()), tags,
                onlyA.stream().mapToLong(Long::longValue).toArray(), onlyB.stream().mapToLong(Long::longValue).toArray());
    }

    private static Estimate share(long part, long whole) {
        return whole == 0 ? Estimate.unavailable("no shared item with a ground truth carries the tag")
                : Estimate.of((double) part / whole);
    }

    /**
     * Two-sided exact McNemar p-value: the discordant items are a binomial(b + c, 1/2) draw under
     * "the runs are equally good", and p is twice its smaller tail (at most 1).
     */
    static Estimate mcnemarExact(long b, long c) {
        long n = b + c;
        if (n == 0) {
            return Estimate.unavailable("the runs are right and wrong on the same items");
        }
        long k = Math.min(b, c);
        // Sum the binomial tail in log space: n can be a million.
        double logHalfToN = n * Math.log(0.5);
        double logChoose = 0; // log C(n, 0)
        double tail = 0;
        for (long i = 0; i <= k; i++) {
            if (i > 0) {
                logChoose += Math.log((double) (n - i + 1) / i);
            }
            tail += Math.exp(logChoose + logHalfToN);
        }
        return Estimate.of(Math.min(1, 2 * tail));
    }
}
