package org.labelbench.agreement;

/**
 * Cohen's kappa between two raters over the items both rated, unweighted or weighted (linear or
 * quadratic weights over the categories' order, as in Cohen 1968 and scikit-learn):
 * kappa = 1 - sum w_ij o_ij / sum w_ij e_ij, with o the observed and e the chance table.
 */
public final class CohenKappa {
    /** How much a disagreement between categories i and j counts. */
    public enum Weights { NONE, LINEAR, QUADRATIC }

    private CohenKappa() {
    }

    public static Estimate of(Ratings ratings, int raterA, int raterB, Weights weights) {
        int k = ratings.categories();
        double[][] table = new double[k][k];
        long n = 0;
        for (int unit = 0; unit < ratings.units(); unit++) {
            int a = ratings.code(unit, raterA);
            int b = ratings.code(unit, raterB);
            if (a != Ratings.MISSING && b != Ratings.MISSING) {
                table[a][b]++;
                n++;
            }
        }
        return of(table, n, weights);
    }

    /** Kappa from the two raters' table of counts over {@code n} shared items (a bootstrap's resample). */
    static Estimate of(double[][] table, long n, Weights weights) {
        int k = table.length;
        if (n == 0) {
            return Estimate.unavailable("not enough overlap: the two annotators share no item");
        }
        double[] rows = new double[k];
        double[] columns = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rows[i] += table[i][j];
                columns[j] += table[i][j];
            }
        }
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = weight(weights, i, j);
                observed += w * table[i][j] / n;
                expected += w * rows[i] * columns[j] / ((double) n * n);
            }
        }
        if (expected == 0) {
            return Estimate.unavailable("only one category was used by both annotators; kappa is undefined");
        }
        return Estimate.of(1 - observed / expected);
    }

    private static double weight(Weights weights, int i, int j) {
        return switch (weights) {
            case NONE -> i == j ? 0 : 1;
            case LINEAR -> Math.abs(i - j);
            case QUADRATIC -> (double) (i - j) * (i - j);
        };
    }
}
