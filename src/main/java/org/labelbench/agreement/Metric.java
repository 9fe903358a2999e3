package org.labelbench.agreement;

/** How different two categories are, as Krippendorff's alpha weighs disagreements. */
public enum Metric {
    /** Any two different categories disagree equally. */
    NOMINAL,
    /** Categories in order; the distance counts how many values lie between them (Krippendorff 2011). */
    ORDINAL,
    /** Categories are numbers; the distance is the squared difference. */
    INTERVAL;

    /**
     * The squared distance between every pair of categories. Ordinal distances depend on how
     * often each category was used ({@code marginals}, the n_c of the coincidence matrix).
     */
    double[][] squaredDistances(Ratings ratings, double[] marginals) {
        int k = ratings.categories();
        double[][] delta = new double[k][k];
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                delta[c][d] = switch (this) {
                    case NOMINAL -> c == d ? 0 : 1;
                    case INTERVAL -> square(ratings.value(c) - ratings.value(d));
                    case ORDINAL -> {
                        int low = Math.min(c, d);
                        int high = Math.max(c, d);
                        double between = 0;
                        for (int g = low; g <= high; g++) {
                            between += marginals[g];
                        }
                        yield c == d ? 0 : square(between - (marginals[c] + marginals[d]) / 2);
                    }
                };
            }
        }
        return delta;
    }

    private static double square(double x) {
        return x * x;
    }
}
