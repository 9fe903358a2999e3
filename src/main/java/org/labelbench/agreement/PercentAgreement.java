package org.labelbench.agreement;

/**
 * Pairwise percent agreement: over items with two or more labels, the share of pairs of
 * annotators who gave the same label, averaged over items (Fleiss' P-bar, with each item's own
 * number of raters).
 */
public final class PercentAgreement {
    private PercentAgreement() {
    }

    public static Estimate of(Ratings ratings) {
        int[] counts = new int[ratings.categories()];
        double sum = 0;
        long units = 0;
        for (int unit = 0; unit < ratings.units(); unit++) {
            int m = 0;
            for (int rater = 0; rater < ratings.raters(); rater++) {
                int code = ratings.code(unit, rater);
                if (code != Ratings.MISSING) {
                    counts[code]++;
                    m++;
                }
            }
            if (m >= 2) {
                long agreeing = 0;
                for (int c = 0; c < counts.length; c++) {
                    agreeing += (long) counts[c] * (counts[c] - 1);
                }
                sum += (double) agreeing / ((long) m * (m - 1));
                units++;
            }
            java.util.Arrays.fill(counts, 0);
        }
        return units == 0 ? Estimate.unavailable("not enough overlap: no item has labels from two or more annotators")
                : Estimate.of(sum / units);
    }
}
