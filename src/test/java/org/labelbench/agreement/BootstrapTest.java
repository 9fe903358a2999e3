package org.labelbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final Ratings DATA = KrippendorffAlphaTest.randomRatings(7, 500, 5, 10, 3);

    private static Optional<Interval> alpha(Ratings ratings, int resamples, long seed) {
        return Bootstrap.interval(ratings, r -> KrippendorffAlpha.of(r, Metric.NOMINAL), resamples, seed);
    }

    @Test
    void theIntervalHoldsTheEstimateAndTheSameSeedGivesTheSameInterval() {
        Interval interval = alpha(DATA, 400, 11).orElseThrow();
        double estimate = KrippendorffAlpha.of(DATA, Metric.NOMINAL).value();
        assertThat(interval.low()).isLessThan(estimate);
        assertThat(interval.high()).isGreaterThan(estimate);
        assertThat(interval.high() - interval.low()).isBetween(0.01, 0.2);
        assertThat(interval.resamples()).isEqualTo(400);
        assertThat(alpha(DATA, 400, 11)).contains(interval);
        assertThat(alpha(DATA, 400, 12)).isNotEqualTo(Optional.of(interval));
    }

    @Test
    void theFastAlphaBootstrapDrawsTheSameResamplesAsTheGeneralOne() {
        for (Metric metric : Metric.values()) {
            Interval general = Bootstrap.interval(DATA, r -> KrippendorffAlpha.of(r, metric), 300, 5).orElseThrow();
            Interval fast = AlphaBootstrap.interval(DATA, metric, 300, 5).orElseThrow();
            assertThat(fast.low()).as(metric.name()).isCloseTo(general.low(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(fast.high()).as(metric.name()).isCloseTo(general.high(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(fast.resamples()).isEqualTo(general.resamples());
        }
        assertThat(AlphaBootstrap.interval(Ratings.of(2, 2, new int[] {0, 0, 1, Ratings.MISSING}, 2), Metric.NOMINAL,
                100, 1)).isEmpty();
    }

    @Test
    void moreItemsGiveANarrowerInterval() {
        Interval few = alpha(KrippendorffAlphaTest.randomRatings(3, 60, 3, 4, 6), 400, 1).orElseThrow();
        Interval many = alpha(KrippendorffAlphaTest.randomRatings(3, 2000, 3, 4, 6), 400, 1).orElseThrow();
        assertThat(many.high() - many.low()).isLessThan((few.high() - few.low()) / 2);
    }

    @Test
    void perfectAgreementIsCertainAndTooLittleDataHasNoInterval() {
        Interval perfect = alpha(Ratings.of(4, 2, new int[] {0, 0, 1, 1, 2, 2, 1, 1}, 3), 200, 1).orElseThrow();
        // Resamples that drew one category only are undefined and left out; the rest are exactly 1.
        assertThat(perfect.low()).isEqualTo(1.0);
        assertThat(perfect.high()).isEqualTo(1.0);
        assertThat(alpha(Ratings.of(2, 2, new int[] {0, 0, 1, Ratings.MISSING}, 2), 200, 1)).isEmpty();
    }
}
