package org.labelbench.agreement;

/**
 * Krippendorff's alpha = 1 - D_o / D_e, computed from the coincidence matrix as in Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability":
 * alpha = 1 - (n - 1) * sum_ck o_ck delta2_ck / sum_ck n_c n_k delta2_ck.
 * Missing values are allowed; units with fewer than two values do not count.
 */
public final class KrippendorffAlpha {
    private KrippendorffAlpha() {
    }

    public static Estimate of(Ratings ratings, Metric metric) {
        return of(ratings, CoincidenceMatrix.of(ratings), metric);
    }

    /** With a coincidence matrix already built (one pass serves all three metrics). */
    public static Estimate of(Ratings ratings, CoincidenceMatrix matrix, Metric metric) {
        if (matrix.pairableUnits() == 0) {
            return Estimate.unavailable("not enough overlap: no item has labels from two or more annotators");
        }
        double[] marginals = matrix.marginals();
        double[][] delta = metric.squaredDistances(ratings, marginals);
        double observed = 0;
        double expected = 0;
        int k = ratings.categories();
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                if (delta[c][d] != 0) {
                    observed += matrix.get(c, d) * delta[c][d];
                    expected += marginals[c] * marginals[d] * delta[c][d];
                }
            }
        }
        if (expected == 0) {
            return Estimate.unavailable("only one category was used on the overlapping items; alpha is undefined");
        }
        return Estimate.of(1 - (matrix.total() - 1) * observed / expected);
    }
}
