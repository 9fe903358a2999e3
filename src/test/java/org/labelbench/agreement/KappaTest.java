package org.labelbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.labelbench.agreement.CohenKappa.Weights;

/** Fleiss', Cohen's and weighted kappa and percent agreement: worked examples, then statsmodels and scikit-learn. */
class KappaTest {
    private static final int X = Ratings.MISSING;

    /** Fleiss' kappa worked example (Wikipedia, "Fleiss' kappa"): 10 subjects, 14 raters each, 5 categories. */
    private static Ratings fleissExample() {
        int[][] counts = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        int raters = 14;
        int[] codes = new int[counts.length * raters];
        for (int unit = 0; unit < counts.length; unit++) {
            int rater = 0;
            for (int category = 0; category < 5; category++) {
                for (int i = 0; i < counts[unit][category]; i++) {
                    codes[unit * raters + rater++] = category;
                }
            }
        }
        return Ratings.of(counts.length, raters, codes, 5);
    }

    @Test
    void fleissWorkedExample() {
        FleissKappa.Result result = FleissKappa.of(fleissExample());
        assertThat(result.kappa().value()).isCloseTo(0.210, within(0.0005));
        assertThat(result.kappa().value()).as("statsmodels fleiss_kappa").isCloseTo(0.209930704422, within(1e-9));
        assertThat(result.ratersPerUnit()).isEqualTo(14);
        assertThat(result.units()).isEqualTo(10);
        // The example's P-bar, the mean pairwise agreement over subjects.
        assertThat(PercentAgreement.of(fleissExample()).value()).isCloseTo(0.378, within(0.0005));
    }

    /** Cohen's kappa worked example (Wikipedia, "Cohen's kappa"): 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15. */
    @Test
    void cohenWorkedExample() {
        int[] codes = new int[100];
        int unit = 0;
        int[][] cells = {{0, 0, 20}, {0, 1, 5}, {1, 0, 10}, {1, 1, 15}};
        for (int[] cell : cells) {
            for (int i = 0; i < cell[2]; i++, unit++) {
                codes[unit * 2] = cell[0];
                codes[unit * 2 + 1] = cell[1];
            }
        }
        Ratings ratings = Ratings.of(50, 2, codes, 2);
        assertThat(CohenKappa.of(ratings, 0, 1, Weights.NONE).value()).isCloseTo(0.4, within(1e-12));
        // With two categories every weighting is the same disagreement.
        assertThat(CohenKappa.of(ratings, 0, 1, Weights.QUADRATIC).value()).isCloseTo(0.4, within(1e-12));
        assertThat(PercentAgreement.of(ratings).value()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void matchesStatsmodelsAndScikitLearnOnSeededRandomData() {
        // From src/test/python/kappa_peer.py: seed, units, raters, categories, missing 1 in,
        // Fleiss (modal raters, items), Cohen raters 0 and 1 unweighted, linear, quadratic.
        double[][] cases = {
            {1, 200, 3, 4, 5, 0.253751662129, 3, 97, 0.223906205319, 0.301172953082, 0.382109587456},
            {7, 500, 5, 10, 3, 0.185559309625, 4, 168, 0.197913986581, 0.157131489631, 0.135937902413},
        };
        for (double[] c : cases) {
            Ratings data = KrippendorffAlphaTest.randomRatings((long) c[0], (int) c[1], (int) c[2], (int) c[3],
                    (int) c[4]);
            FleissKappa.Result fleiss = FleissKappa.of(data);
            assertThat(fleiss.kappa().value()).as("Fleiss, seed %s", c[0]).isCloseTo(c[5], within(1e-9));
            assertThat(fleiss.ratersPerUnit()).isEqualTo((int) c[6]);
            assertThat(fleiss.units()).isEqualTo((long) c[7]);
            assertThat(CohenKappa.of(data, 0, 1, Weights.NONE).value()).isCloseTo(c[8], within(1e-9));
            assertThat(CohenKappa.of(data, 0, 1, Weights.LINEAR).value()).isCloseTo(c[9], within(1e-9));
            assertThat(CohenKappa.of(data, 0, 1, Weights.QUADRATIC).value()).isCloseTo(c[10], within(1e-9));
        }
    }

    @Test
    void tooLittleOverlapOrOneCategorySaysWhy() {
        Ratings apart = Ratings.of(2, 2, new int[] {0, X, X, 1}, 2);
        assertThat(CohenKappa.of(apart, 0, 1, Weights.NONE).unavailableReason())
                .isEqualTo("not enough overlap: the two annotators share no item");
        assertThat(FleissKappa.of(apart).kappa().isAvailable()).isFalse();
        assertThat(PercentAgreement.of(apart).isAvailable()).isFalse();
        Ratings oneClass = Ratings.of(2, 2, new int[] {1, 1, 1, 1}, 2);
        assertThat(CohenKappa.of(oneClass, 0, 1, Weights.NONE).unavailableReason()).startsWith("only one category");
        assertThat(FleissKappa.of(oneClass).kappa().unavailableReason()).startsWith("only one category");
        assertThat(PercentAgreement.of(oneClass).value()).isEqualTo(1.0);
    }
}
