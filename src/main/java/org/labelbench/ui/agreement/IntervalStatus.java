package org.labelbench.ui.agreement;

/** Where a figure's 95 % bootstrap interval stands: being computed, computed (it may still be none), or stopped. */
public enum IntervalStatus {
    COMPUTING,
    DONE,
    /** Cancelled, or the computation failed: the figure stands without an interval until Refresh. */
    NOT_COMPUTED
}
