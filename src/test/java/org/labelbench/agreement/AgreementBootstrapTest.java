package org.labelbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one-pass bootstrap gives, to the last digit and on any number of threads, the intervals of
 * resampling each figure on its own from its labels: {@link Bootstrap#interval} over the mean
 * pairwise kappa, and the three alphas recomputed from each resample's labels (to 1e-12: the
 * sums are added in another order).
 */
class AgreementBootstrapTest {
    @Test
    void theIntervalsAreThoseOfResamplingEachFigureFromItsLabels() {
        Ratings ratings = randomRatings(400, 5, 4, 0.3, 7);
        List<String> names = List.of("a", "b", "c", "d", "e");
        var expectedKappa = Bootstrap.interval(ratings, r -> AgreementReport.mean(AgreementReport.pairs(r, names)),
                200, 11);
        for (int threads : new int[] {1, 3}) {
            AgreementBootstrap.Intervals intervals = AgreementBootstrap.of(ratings, 200, 11, threads);
            assertThat(intervals.meanCohenKappa()).isEqualTo(expectedKappa).isPresent();
            // Alpha from the summed shares, against alpha recomputed from each resample's labels.
            for (Metric metric : Metric.values()) {
                Interval general = Bootstrap.interval(ratings, r -> KrippendorffAlpha.of(r, metric), 200, 11)
                        .orElseThrow();
                Interval fast = (metric == Metric.NOMINAL ? intervals.alphaNominal() : metric == Metric.ORDINAL
                        ? intervals.alphaOrdinal() : intervals.alphaInterval()).orElseThrow();
                assertThat(fast.low()).as(metric.name()).isCloseTo(general.low(), within(1e-12));
                assertThat(fast.high()).as(metric.name()).isCloseTo(general.high(), within(1e-12));
                assertThat(fast.resamples()).isEqualTo(general.resamples());
            }
        }
    }

    @Test
    void pairsThatShareFewItemsDropOutOfSomeResamplesAsTheyDoFromTheLabels() {
        // Annotator e labels only 3 items: many resamples draw none of them, and the mean is then of 6 pairs.
        Ratings ratings = randomRatings(60, 5, 3, 0.0, 3);
        int[] codes = new int[60 * 5];
        for (int unit = 0; unit < 60; unit++) {
            for (int rater = 0; rater < 5; rater++) {
                codes[unit * 5 + rater] = rater == 4 && unit >= 3 ? Ratings.MISSING : ratings.code(unit, rater);
            }
        }
        Ratings sparse = Ratings.of(60, 5, codes, 3);
        List<String> names = List.of("a", "b", "c", "d", "e");
        assertThat(AgreementBootstrap.of(sparse, 300, 5, 2).meanCohenKappa()).isEqualTo(Bootstrap.interval(sparse,
                r -> AgreementReport.mean(AgreementReport.pairs(r, names)), 300, 5));
    }

    @Test
    void tooFewItemsGiveNoInterval() {
        Ratings one = randomRatings(1, 3, 2, 0, 1);
        assertThat(AgreementBootstrap.of(one, 100, 1).alphaNominal()).isEmpty();
        assertThat(AgreementBootstrap.of(randomRatings(50, 3, 2, 0, 1), 0, 1).meanCohenKappa()).isEmpty();
    }

    /** Raters who agree with a common truth 70 % of the time, each label missing with {@code missing}. */
    private static Ratings randomRatings(int units, int raters, int categories, double missing, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] codes = new int[units * raters];
        for (int unit = 0; unit < units; unit++) {
            int truth = random.nextInt(categories);
            for (int rater = 0; rater < raters; rater++) {
                codes[unit * raters + rater] = random.nextDouble() < missing ? Ratings.MISSING
                        : random.nextDouble() < 0.7 ? truth : random.nextInt(categories);
            }
        }
        return Ratings.of(units, raters, codes, categories);
    }
}
