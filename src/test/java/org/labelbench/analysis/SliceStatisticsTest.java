package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The statistics behind the slice audit and the run comparison, against a second implementation:
 * the expected values were printed by /usr/bin/python3 with statsmodels 0.13.5 and scipy
 * ({@code proportions_ztest(alternative="smaller")}, {@code multipletests(method="holm")},
 * {@code norm.cdf}, {@code mcnemar(exact=True)}).
 */
class SliceStatisticsTest {
    private static final Offset<Double> CLOSE = within(1e-12);

    @Test
    void twoProportionZTestMatchesStatsmodels() {
        // proportions_ztest([30, 400], [50, 500], alternative="smaller")
        double z = SliceAudit.twoProportionZ(30, 50, 400, 500);
        assertThat(z).isCloseTo(-3.2647993397270496, CLOSE);
        assertThat(NormalDistribution.cdf(z)).isCloseTo(0.0005477082429710694, within(1e-15));
        // proportions_ztest([8, 700], [20, 1000], alternative="smaller")
        z = SliceAudit.twoProportionZ(8, 20, 700, 1000);
        assertThat(z).isCloseTo(-2.8829851977744694, CLOSE);
        assertThat(NormalDistribution.cdf(z)).isCloseTo(0.0019696297562310674, within(1e-15));
        // proportions_ztest([2100, 1900], [2200, 2000], alternative="smaller"): the slice is better.
        z = SliceAudit.twoProportionZ(2100, 2200, 1900, 2000);
        assertThat(z).isCloseTo(0.69084927970777, CLOSE);
        assertThat(NormalDistribution.cdf(z)).isCloseTo(0.7551698684914333, CLOSE);
    }

    @Test
    void theNormalTailIsPreciseFarOut() {
        // scipy.stats.norm.cdf(-7.5), norm.cdf(0.3)
        assertThat(NormalDistribution.cdf(-7.5) / 3.1908916729108844e-14).isCloseTo(1, within(1e-12));
        assertThat(NormalDistribution.cdf(0.3)).isCloseTo(0.6179114221889526, within(1e-15));
        assertThat(NormalDistribution.cdf(0)).isEqualTo(0.5);
        assertThat(NormalDistribution.cdf(-3) + NormalDistribution.cdf(3)).isCloseTo(1, within(1e-15));
    }

    @Test
    void holmAdjustmentMatchesStatsmodels() {
        // multipletests([0.01, 0.04, 0.03, 0.005], method="holm")[1]
        assertThat(SliceAudit.holm(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    @Test
    void mcnemarExactMatchesStatsmodels() {
        // mcnemar([[5, b], [c, 5]], exact=True).pvalue
        assertThat(RunComparison.mcnemarExact(10, 3).value()).isCloseTo(0.09228515625, CLOSE);
        assertThat(RunComparison.mcnemarExact(40, 25).value()).isCloseTo(0.08168153394154003, CLOSE);
        assertThat(RunComparison.mcnemarExact(0, 5).value()).isCloseTo(0.0625, CLOSE);
        assertThat(RunComparison.mcnemarExact(7, 7).value()).isEqualTo(1.0);
        assertThat(RunComparison.mcnemarExact(300, 250).value()).isCloseTo(0.03657874554910267, within(1e-10));
        assertThat(RunComparison.mcnemarExact(0, 0).isAvailable()).isFalse();
    }
}
