package org.labelbench.ui.agreement;

import java.util.Locale;
import java.util.Optional;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.Interval;

/**
 * How the Agreement view words its figures: three decimals as the command line prints them,
 * "n/a: reason" for a figure that cannot be computed (never NaN), and the interval's state.
 */
final class AgreementText {
    static final String NOT_AVAILABLE = "n/a";

    private AgreementText() {
    }

    /** "0.822", or "n/a". */
    static String value(Estimate estimate) {
        return estimate.isAvailable() ? String.format(Locale.ROOT, "%.3f", estimate.value()) : NOT_AVAILABLE;
    }

    /** "0.822", or "n/a: not enough overlap: ...". */
    static String valueOrReason(Estimate estimate) {
        return estimate.isAvailable() ? value(estimate) : NOT_AVAILABLE + ": " + estimate.unavailableReason();
    }

    /** "87.1 %", or "n/a". */
    static String percent(Estimate estimate) {
        return estimate.isAvailable() ? String.format(Locale.ROOT, "%.1f %%", 100 * estimate.value()) : NOT_AVAILABLE;
    }

    /** "0.806–0.835"; while computing "computing…"; "none" when the bootstrap gave none; "—" when stopped. */
    static String interval(Optional<Interval> interval, IntervalStatus status) {
        if (interval.isPresent()) {
            return range(interval.get());
        }
        return switch (status) {
            case COMPUTING -> "computing…";
            case DONE -> "none";
            case NOT_COMPUTED -> "—";
        };
    }

    /** Why an interval reads as it does, for a tooltip. */
    static String intervalTooltip(Optional<Interval> interval, IntervalStatus status) {
        if (interval.isPresent()) {
            return String.format(Locale.ROOT, "95 %% bootstrap interval over items, from %,d resamples",
                    interval.get().resamples());
        }
        return switch (status) {
            case COMPUTING -> "The 95 % interval is being computed (1,000 bootstrap resamples)";
            case DONE -> "No interval: fewer than two items, or the figure is undefined on most resamples";
            case NOT_COMPUTED -> "Intervals were stopped; Refresh computes them again";
        };
    }

    /** "95 % CI 0.806–0.835" on a card, or the interval's state. */
    static String cardInterval(Optional<Interval> interval, IntervalStatus status) {
        if (interval.isEmpty() && status == IntervalStatus.NOT_COMPUTED) {
            return "95 % CI: stopped";
        }
        if (interval.isEmpty() && status == IntervalStatus.DONE) {
            return "no 95 % CI";
        }
        return "95 % CI " + interval(interval, status);
    }

    /** "ordinal 0.815 (0.790–0.830)"; the interval only once it is there. */
    static String alphaVariant(String name, Estimate estimate, Optional<Interval> interval) {
        return name + " " + value(estimate) + interval.map(i -> " (" + range(i) + ")").orElse("");
    }

    /** "0.806–0.835": the bounds, three decimals each. */
    static String range(Interval interval) {
        return String.format(Locale.ROOT, "%.3f–%.3f", interval.low(), interval.high());
    }
}
