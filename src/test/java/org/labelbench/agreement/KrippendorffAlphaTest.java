package org.labelbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {
    private static final int X = Ratings.MISSING;

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
     * 12 units, values 1-5, with missing values. Published: nominal .743, ordinal .815, interval .849.
     */
    private static Ratings krippendorff2011() {
        int[][] byObserver = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, X, X, X},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, X, 3},
            {X, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, X},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, X},
        };
        int units = 12;
        int raters = 4;
        int[] codes = new int[units * raters];
        for (int unit = 0; unit < units; unit++) {
            for (int rater = 0; rater < raters; rater++) {
                int value = byObserver[rater][unit];
                codes[unit * raters + rater] = value == X ? X : value - 1; // categories 1..5 as codes 0..4
            }
        }
        return Ratings.of(units, raters, codes, new double[] {1, 2, 3, 4, 5});
    }

    @Test
    void reproducesThePublishedWorkedExample() {
        Ratings data = krippendorff2011();
        assertThat(KrippendorffAlpha.of(data, Metric.NOMINAL).value()).isCloseTo(0.743, within(0.0005));
        assertThat(KrippendorffAlpha.of(data, Metric.ORDINAL).value()).isCloseTo(0.815, within(0.0005));
        assertThat(KrippendorffAlpha.of(data, Metric.INTERVAL).value()).isCloseTo(0.849, within(0.0005));
    }

    @Test
    void theCoincidenceMatrixIsThePublishedOne() {
        CoincidenceMatrix o = CoincidenceMatrix.of(krippendorff2011());
        // The paper's matrix: n = 40 pairable values, n_c = 9, 13, 10, 5, 3; o_11 = 7, o_12 = 4/3.
        assertThat(o.total()).isCloseTo(40, within(1e-9));
        assertThat(o.pairableUnits()).isEqualTo(11);
        assertThat(o.get(0, 0)).isCloseTo(7, within(1e-9));
        assertThat(o.get(0, 1)).isCloseTo(4.0 / 3, within(1e-9));
        assertThat(o.get(1, 0)).isCloseTo(4.0 / 3, within(1e-9));
        assertThat(o.get(4, 4)).isCloseTo(3, within(1e-9));
        double[] marginals = {9, 13, 10, 5, 3};
        for (int c = 0; c < marginals.length; c++) {
            assertThat(o.marginal(c)).as("n_" + (c + 1)).isCloseTo(marginals[c], within(1e-9));
        }
    }

    /**
     * The same seeded data as src/test/python/krippendorff_peer.py, whose NLTK (AnnotationTask,
     * binary and interval distance) figures are below: a second implementation on messy data.
     */
    static Ratings randomRatings(long seed, int units, int raters, int categories, int missingOneIn) {
        long x = seed;
        int[] codes = new int[units * raters];
        for (int unit = 0; unit < units; unit++) {
            for (int rater = 0; rater < raters; rater++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                int code = X;
                if (Long.remainderUnsigned(x >>> 40, missingOneIn) != 0) {
                    code = (int) Long.remainderUnsigned(x >>> 33, categories);
                    if (((x >>> 20) & 1) == 0) {
                        code = unit % categories;
                    }
                }
                codes[unit * raters + rater] = code;
            }
        }
        return Ratings.of(units, raters, codes, categories);
    }

    @Test
    void matchesNltkOnSeededRandomDataWithMissingValues() {
        double[][] cases = {
            // seed, units, raters, categories, missing 1 in, NLTK nominal, NLTK interval
            {1, 200, 3, 4, 5, 0.248012846246, 0.332812021895},
            {7, 500, 5, 10, 3, 0.223991927185, 0.230826923614},
            {42, 50, 2, 3, 4, 0.359589041096, 0.330708661417},
        };
        for (double[] c : cases) {
            Ratings data = randomRatings((long) c[0], (int) c[1], (int) c[2], (int) c[3], (int) c[4]);
            assertThat(KrippendorffAlpha.of(data, Metric.NOMINAL).value()).as("nominal, seed %s", c[0])
                    .isCloseTo(c[5], within(1e-9));
            assertThat(KrippendorffAlpha.of(data, Metric.INTERVAL).value()).as("interval, seed %s", c[0])
                    .isCloseTo(c[6], within(1e-9));
        }
    }

    @Test
    void perfectAgreementIsOneAndTooLittleDataSaysWhyInsteadOfNaN() {
        int[] same = {0, 0, 1, 1, 2, 2};
        assertThat(KrippendorffAlpha.of(Ratings.of(3, 2, same, 3), Metric.NOMINAL).value()).isEqualTo(1.0);

        Estimate lonely = KrippendorffAlpha.of(Ratings.of(3, 2, new int[] {0, X, X, 1, 2, X}, 3), Metric.NOMINAL);
        assertThat(lonely.isAvailable()).isFalse();
        assertThat(lonely.unavailableReason()).isEqualTo(
                "not enough overlap: no item has labels from two or more annotators");

        Estimate oneClass = KrippendorffAlpha.of(Ratings.of(2, 2, new int[] {1, 1, 1, 1}, 3), Metric.INTERVAL);
        assertThat(oneClass.unavailableReason()).startsWith("only one category was used");
        assertThat(KrippendorffAlpha.of(Ratings.of(0, 2, new int[0], 3), Metric.ORDINAL).isAvailable()).isFalse();
    }
}
