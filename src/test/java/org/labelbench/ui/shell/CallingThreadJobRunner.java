package org.labelbench.ui.shell;

import org.labelbench.jobs.Job;
import org.labelbench.ui.jobs.ExecutorJobRunner;
import org.labelbench.ui.jobs.JobListener;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.RunningJob;

/** Runs each job at once on the caller's thread (JabRef's CurrentThreadTaskExecutor idea). */
public final class CallingThreadJobRunner implements JobRunner {
    private final JobRunner direct = new ExecutorJobRunner(Runnable::run, Runnable::run);

    @Override
    public <T> RunningJob start(Job<T> job, JobListener<T> listener) {
        return direct.start(job, listener);
    }
}
