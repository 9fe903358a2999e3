package org.labelbench.agreement;

import java.util.Arrays;

/**
 * Fleiss' kappa (Fleiss 1971) for many raters. It assumes every item has the same number of
 * ratings, so it is computed over the items that have the most common (modal) number of ratings,
 * two or more; {@link Result#units()} says how many items that was. Who the raters are does not
 * matter to it, only how many gave each category.
 */
public final class FleissKappa {
    private FleissKappa() {
    }

    /** The estimate, the raters per item it used, and the items it covered. */
    public record Result(Estimate kappa, int ratersPerUnit, long units) {
    }

    public static Result of(Ratings ratings) {
        int raters = ratings.raters();
        long[] unitsWithM = new long[raters + 1];
        for (int unit = 0; unit < ratings.units(); unit++) {
            unitsWithM[ratingsOf(ratings, unit)]++;
        }
        int modal = 0;
        for (int m = 2; m <= raters; m++) {
            if (unitsWithM[m] > 0 && (modal == 0 || unitsWithM[m] > unitsWithM[modal]
                    || unitsWithM[m] == unitsWithM[modal] && m > modal)) {
                modal = m;
            }
        }
        if (modal == 0) {
            return new Result(Estimate.unavailable("not enough overlap: no item has labels from two or more annotators"),
                    0, 0);
        }
        int[] counts = new int[ratings.categories()];
        double[] categoryTotals = new double[ratings.categories()];
        double agreementSum = 0;
        long used = 0;
        for (int unit = 0; unit < ratings.units(); unit++) {
            if (ratingsOf(ratings, unit) != modal) {
                continue;
            }
            Arrays.fill(counts, 0);
            for (int rater = 0; rater < raters; rater++) {
                int code = ratings.code(unit, rater);
                if (code != Ratings.MISSING) {
                    counts[code]++;
                }
            }
            long agreeing = 0;
            for (int c = 0; c < counts.length; c++) {
                agreeing += (long) counts[c] * (counts[c] - 1);
                categoryTotals[c] += counts[c];
            }
            agreementSum += (double) agreeing / ((long) modal * (modal - 1));
            used++;
        }
        double observed = agreementSum / used;
        double expected = 0;
        for (double total : categoryTotals) {
            double p = total / (used * (double) modal);
            expected += p * p;
        }
        if (expected >= 1) {
            return new Result(Estimate.unavailable("only one category was used on the overlapping items; kappa is"
                    + " undefined"), modal, used);
        }
        return new Result(Estimate.of((observed - expected) / (1 - expected)), modal, used);
    }

    private static int ratingsOf(Ratings ratings, int unit) {
        int m = 0;
        for (int rater = 0; rater < ratings.raters(); rater++) {
            if (ratings.code(unit, rater) != Ratings.MISSING) {
                m++;
            }
        }
        return m;
    }
}
