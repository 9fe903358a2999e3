package org.labelbench.ui.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;
import org.labelbench.jobs.CancellationFlag;
import org.labelbench.jobs.Job;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;

/**
 * Adapts a core {@link Job} to a {@link Task} on a background thread, never the FX thread.
 * Progress and messages go through the Task's own coalescing updates, so a job that reports
 * thousands of times a second costs the FX thread one update per pulse.
 * Cancel sets a flag the job checks between units instead of interrupting the thread: an
 * interrupt could land inside SQLite or file I/O, while the job knows where it can stop cleanly.
 */
public final class FxJobRunner implements JobRunner, AutoCloseable {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "labelbench-job-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> RunningJob start(Job<T> job, JobListener<T> listener) {
        CancellationFlag flag = new CancellationFlag();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return job.run(new JobContext() {
                    @Override
                    public void progress(long done, long total) {
                        if (total > 0) {
                            updateProgress(done, total);
                        } else {
                            updateProgress(-1, 1);
                        }
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }

                    @Override
                    public boolean isCancelled() {
                        return flag.isCancelled();
                    }
                });
            }
        };
        task.progressProperty().addListener((observable, was, now) -> listener.progress(now.doubleValue()));
        task.messageProperty().addListener((observable, was, now) -> listener.message(now));
        task.setOnSucceeded(event -> listener.succeeded(task.getValue()));
        task.setOnFailed(event -> {
            Throwable error = task.getException();
            if (error instanceof JobCancelledException) {
                listener.cancelled();
            } else {
                listener.failed(error);
            }
        });
        executor.execute(task);
        return flag::cancel;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
