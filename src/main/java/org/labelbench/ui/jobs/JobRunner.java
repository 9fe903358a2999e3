package org.labelbench.ui.jobs;

import org.labelbench.jobs.Job;

/**
 * Runs a core {@link Job} for the UI. The workbench uses {@link FxJobRunner} (a background thread,
 * listener calls on the FX thread); tests may run jobs on the calling thread instead.
 */
public interface JobRunner {
    <T> RunningJob start(Job<T> job, JobListener<T> listener);
}
