package org.labelbench.agreement;

import java.util.Optional;

/**
 * The bootstrap of Krippendorff's alpha without recomputing from the labels: each item's share
 * of the coincidence matrix is computed once, and a resample adds up the shares of the items it
 * drew, weighted by how often each was drawn. Same draws, same seed and same percentiles as
 * {@link Bootstrap#interval}, without copying the labels per resample. The work is
 * {@link AgreementBootstrap}'s (on every core), without the pairs' tables.
 */
public final class AlphaBootstrap {
    private AlphaBootstrap() {
    }

    public static Optional<Interval> interval(Ratings ratings, Metric metric, int resamples, long seed) {
        AgreementBootstrap.Intervals intervals = AgreementBootstrap.alphas(ratings, resamples, seed);
        return switch (metric) {
            case NOMINAL -> intervals.alphaNominal();
            case ORDINAL -> intervals.alphaOrdinal();
            case INTERVAL -> intervals.alphaInterval();
        };
    }
}
