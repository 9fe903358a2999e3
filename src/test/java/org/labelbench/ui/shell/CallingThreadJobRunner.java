package org.labelbench.ui.shell;

import org.labelbench.jobs.Job;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.ui.jobs.JobListener;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.RunningJob;

/** Runs each job at once on the caller's thread (JabRef's CurrentThreadTaskExecutor idea). */
public final class CallingThreadJobRunner implements JobRunner {
    @Override
    public <T> RunningJob start(Job<T> job, JobListener<T> listener) {
        JobContext context = new JobContext() {
            @Override
            public void progress(long done, long total) {
                listener.progress(total > 0 ? done / (double) total : -1);
            }

            @Override
            public void message(String text) {
                listener.message(text);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try {
            listener.succeeded(job.run(context));
        } catch (JobCancelledException e) {
            listener.cancelled();
        } catch (Exception e) {
            listener.failed(e);
        }
        return () -> { };
    }
}
