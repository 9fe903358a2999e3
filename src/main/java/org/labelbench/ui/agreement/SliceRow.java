package org.labelbench.ui.agreement;

import org.labelbench.agreement.HumanLevelPerformance;

/** The HLP of one slice (an attribute's value, or the items whose labels tie). */
public record SliceRow(String name, HumanLevelPerformance hlp, IntervalStatus intervals) {

    SliceRow withStatus(IntervalStatus status) {
        return new SliceRow(name, hlp, status);
    }
}
