package org.labelbench.jobs;

/** Long work (import, train, export): runs off the UI thread, reports progress, can be cancelled. */
@FunctionalInterface
public interface Job<T> {
    T run(JobContext context) throws Exception;
}
