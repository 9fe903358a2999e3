package org.labelbench.testing;

import org.labelbench.jobs.JobContext;

/** A job context whose user has already pressed Cancel: the job must stop at its first check. */
public final class CancelledJob {
    private CancelledJob() {
    }

    public static JobContext context() {
        return new JobContext() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public void message(String text) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
    }
}
