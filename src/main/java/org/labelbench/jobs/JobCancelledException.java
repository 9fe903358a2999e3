package org.labelbench.jobs;

/** Thrown inside a job when the user cancelled it; the job's transaction is rolled back. */
public class JobCancelledException extends RuntimeException {
    public JobCancelledException() {
        super("cancelled");
    }
}
