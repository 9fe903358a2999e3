package org.labelbench.ui.analysis;

import java.util.Locale;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.Interval;
import org.labelbench.analysis.TagTable;

/**
 * How the tag table's figures read: shares, accuracy and HLP as percentages, the gap and the
 * gain as signed percentage points, "n/a" where a figure is unavailable (the reason goes in a
 * tooltip). The same precision as the command line's {@code analyze}.
 */
final class TagTableText {
    static final String NOT_AVAILABLE = "n/a";

    private TagTableText() {
    }

    static String percent(Estimate estimate) {
        return estimate.isAvailable() ? String.format(Locale.ROOT, "%.1f%%", 100 * estimate.value()) : NOT_AVAILABLE;
    }

    /** "+5.2%", "−1.0%": which side of HLP the model is matters, so the sign is always shown. */
    static String signedPercent(Estimate estimate) {
        return estimate.isAvailable() ? signed(100 * estimate.value(), 1) : NOT_AVAILABLE;
    }

    /** The gain is share × gap, often below one point: two decimals. */
    static String gain(Estimate estimate) {
        return estimate.isAvailable() ? signed(100 * estimate.value(), 2) : NOT_AVAILABLE;
    }

    /** "91.3% (n=812)": HLP with the items it was measured on. */
    static String hlp(TagTable.Row row) {
        return row.hlp().isAvailable() ? percent(row.hlp()) + " (n=" + String.format(Locale.ROOT, "%,d",
                row.hlpItems()) + ")" : NOT_AVAILABLE;
    }

    /** The tooltip of the HLP cell: its interval, or why there is no figure. */
    static String hlpDetail(TagTable.Row row, boolean intervalsPending) {
        if (!row.hlp().isAvailable()) {
            return row.hlp().unavailableReason();
        }
        String measured = "measured on " + String.format(Locale.ROOT, "%,d", row.hlpItems())
                + (row.hlpItems() == 1 ? " item" : " items") + " labeled by two or more people (or adjudicated)";
        if (row.hlpInterval().isPresent()) {
            Interval interval = row.hlpInterval().get();
            return String.format(Locale.ROOT, "95%% interval %.1f%% to %.1f%% (%,d bootstrap resamples); %s",
                    100 * interval.low(), 100 * interval.high(), interval.resamples(), measured);
        }
        return (intervalsPending ? "interval being computed; " : "no interval: too few items to resample; ")
                + measured;
    }

    /** The reason behind an "n/a", or null for an available figure. */
    static String reason(Estimate estimate) {
        return estimate.isAvailable() ? null : estimate.unavailableReason();
    }

    private static String signed(double points, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f%%", Math.abs(points));
        boolean zero = text.matches("0\\.0+%");
        return (zero ? "" : points < 0 ? "\u2212" : "+") + text;
    }
}
