package org.labelbench.ui.jobs;

import java.util.concurrent.Executor;
import org.labelbench.jobs.CancellationFlag;
import org.labelbench.jobs.Job;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;

/**
 * Runs each job on {@code work} and tells the listener through {@code listener} (an executor of
 * the FX thread, or a direct one): for view models built over plain executors in tests, where
 * {@link FxJobRunner}'s own threads and Task are not wanted. Cancel works as there.
 */
public final class ExecutorJobRunner implements JobRunner {
    private final Executor work;
    private final Executor listenerThread;

    public ExecutorJobRunner(Executor work, Executor listenerThread) {
        this.work = work;
        this.listenerThread = listenerThread;
    }

    @Override
    public <T> RunningJob start(Job<T> job, JobListener<T> listener) {
        CancellationFlag flag = new CancellationFlag();
        work.execute(() -> {
            JobContext context = new JobContext() {
                @Override
                public void progress(long done, long total) {
                    double fraction = total > 0 ? done / (double) total : -1;
                    listenerThread.execute(() -> listener.progress(fraction));
                }

                @Override
                public void message(String text) {
                    listenerThread.execute(() -> listener.message(text));
                }

                @Override
                public boolean isCancelled() {
                    return flag.isCancelled();
                }
            };
            try {
                T result = job.run(context);
                listenerThread.execute(() -> listener.succeeded(result));
            } catch (JobCancelledException e) {
                listenerThread.execute(listener::cancelled);
            } catch (Exception | Error e) {
                listenerThread.execute(() -> listener.failed(e));
            }
        });
        return flag::cancel;
    }
}
