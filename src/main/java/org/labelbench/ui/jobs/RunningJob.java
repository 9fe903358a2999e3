package org.labelbench.ui.jobs;

/** A handle on a started job. */
@FunctionalInterface
public interface RunningJob {
    /** Asks the job to stop at its next check; it then rolls back and reports {@code cancelled}. */
    void cancel();
}
