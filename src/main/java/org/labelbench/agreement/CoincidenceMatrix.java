package org.labelbench.agreement;

/**
 * Krippendorff's coincidence matrix: o[c][k] counts, over units with two or more values, the
 * pairs of values (c, k) from different raters, each unit weighted 1 / (m_u - 1). Built in one
 * pass over the ratings; every metric's alpha is then a sum over categories squared.
 */
public final class CoincidenceMatrix {
    private final double[][] o;
    private final double[] marginals;
    private final double total;
    private final long pairableUnits;

    private CoincidenceMatrix(double[][] o, long pairableUnits) {
        this.o = o;
        this.pairableUnits = pairableUnits;
        marginals = new double[o.length];
        double n = 0;
        for (int c = 0; c < o.length; c++) {
            for (int k = 0; k < o.length; k++) {
                marginals[c] += o[c][k];
            }
            n += marginals[c];
        }
        total = n;
    }

    public static CoincidenceMatrix of(Ratings ratings) {
        int categories = ratings.categories();
        double[][] o = new double[categories][categories];
        int[] counts = new int[categories];
        int[] present = new int[ratings.raters()];
        long pairable = 0;
        for (int unit = 0; unit < ratings.units(); unit++) {
            int distinct = 0;
            int m = 0;
            for (int rater = 0; rater < ratings.raters(); rater++) {
                int code = ratings.code(unit, rater);
                if (code == Ratings.MISSING) {
                    continue;
                }
                if (counts[code]++ == 0) {
                    present[distinct++] = code;
                }
                m++;
            }
            if (m >= 2) {
                pairable++;
                double weight = 1.0 / (m - 1);
                for (int a = 0; a < distinct; a++) {
                    int c = present[a];
                    for (int b = 0; b < distinct; b++) {
                        int k = present[b];
                        o[c][k] += (c == k ? counts[c] * (counts[c] - 1.0) : (double) counts[c] * counts[k]) * weight;
                    }
                }
            }
            for (int a = 0; a < distinct; a++) {
                counts[present[a]] = 0;
            }
        }
        return new CoincidenceMatrix(o, pairable);
    }

    /** From a matrix summed elsewhere (a bootstrap resample). */
    static CoincidenceMatrix of(double[][] o, long pairableUnits) {
        return new CoincidenceMatrix(o, pairableUnits);
    }

    /** o[c][k]. */
    public double get(int c, int k) {
        return o[c][k];
    }

    /** n_c: how many pairable values are category c. */
    public double marginal(int c) {
        return marginals[c];
    }

    /** n: all pairable values. */
    public double total() {
        return total;
    }

    /** Units with two or more values (the only ones that count). */
    public long pairableUnits() {
        return pairableUnits;
    }

    double[] marginals() {
        return marginals.clone();
    }
}
