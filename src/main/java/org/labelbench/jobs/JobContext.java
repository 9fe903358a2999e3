package org.labelbench.jobs;

/**
 * What a running job sees of its runner: where to report progress and whether it was cancelled.
 * Free of any UI toolkit, so the same job runs under the workbench's progress bar, the CLI's
 * terminal bar, or on a test's own thread.
 */
public interface JobContext {
    /** Reports {@code done} of {@code total} units (total &lt;= 0: unknown). */
    void progress(long done, long total);

    /** A short line describing the current step. */
    void message(String text);

    boolean isCancelled();

    /** Throws {@link JobCancelledException} if the user asked to cancel; jobs call this between units. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException();
        }
    }

    /** A context that reports nowhere and is never cancelled (scripts, tests). */
    static JobContext silent() {
        return new JobContext() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public void message(String text) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
