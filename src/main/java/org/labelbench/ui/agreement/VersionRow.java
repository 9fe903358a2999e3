package org.labelbench.ui.agreement;

import java.util.Optional;
import java.util.regex.Pattern;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.HumanLevelPerformance;
import org.labelbench.agreement.Interval;

/**
 * Agreement and HLP on the items labeled under one guideline version ("v2"), or under several
 * ("mixed"), or none. {@code units}: the items among them with two or more labels.
 */
public record VersionRow(String version, long units, Estimate alpha, Optional<Interval> alphaInterval,
        HumanLevelPerformance hlp, IntervalStatus intervals) {
    private static final Pattern VERSION = Pattern.compile("v(\\d+)");

    /** A real version ("v3"), which has a place on the trend line; "mixed" and "none" do not. */
    public boolean isVersion() {
        return VERSION.matcher(version).matches();
    }

    /** The version's number, for ordering (v10 after v9); "mixed" and "none" after every version. */
    int order() {
        return isVersion() ? Integer.parseInt(version.substring(1)) : Integer.MAX_VALUE;
    }

    VersionRow withIntervals(Optional<Interval> alphaInterval, HumanLevelPerformance hlp) {
        return new VersionRow(version, units, alpha, alphaInterval, hlp, IntervalStatus.DONE);
    }

    VersionRow withStatus(IntervalStatus status) {
        return new VersionRow(version, units, alpha, alphaInterval, hlp, status);
    }
}
