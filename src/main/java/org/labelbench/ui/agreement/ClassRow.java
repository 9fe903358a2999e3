package org.labelbench.ui.agreement;

import java.util.Optional;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.HumanLevelPerformance;
import org.labelbench.agreement.Interval;

/**
 * One class of the per-class table: its agreement as "this class or not" (alpha, its interval,
 * the mean Cohen's kappa) and the HLP on its items (single-label: the items whose reference
 * label is this class; multi-label: every item, on the "has this class" decision).
 */
public record ClassRow(String name, Estimate alpha, Optional<Interval> alphaInterval, Estimate meanKappa,
        HumanLevelPerformance hlp, IntervalStatus intervals) {

    ClassRow withIntervals(Optional<Interval> alphaInterval, HumanLevelPerformance hlp) {
        return new ClassRow(name, alpha, alphaInterval, meanKappa, hlp, IntervalStatus.DONE);
    }

    ClassRow withStatus(IntervalStatus status) {
        return new ClassRow(name, alpha, alphaInterval, meanKappa, hlp, status);
    }
}
