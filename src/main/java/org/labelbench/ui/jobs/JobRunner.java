package org.labelbench.ui.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.labelbench.jobs.Job;
import org.labelbench.jobs.JobContext;

/**
 * Runs core {@link Job}s as {@code javafx.concurrent.Task}s on a background thread, one at a time,
 * and exposes the running job's progress, message and cancel as properties for the job area.
 */
public final class JobRunner {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "labelbench-job");
        thread.setDaemon(true);
        return thread;
    });
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private Task<?> current;

    /** Starts {@code job}; exactly one of the callbacks runs on the FX thread when it ends. */
    public <T> void start(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (running.get()) {
            onFailure.accept(new IllegalStateException("another job is running: " + message.get()));
            return;
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title);
                return job.run(new JobContext() {
                    @Override
                    public void progress(long done, long total) {
                        updateProgress(done, total <= 0 ? -1 : total);
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }

                    @Override
                    public boolean isCancelled() {
                        return isCancelledTask();
                    }
                });
            }

            private boolean isCancelledTask() {
                return isCancelled();
            }
        };
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        running.set(true);
        current = task;
        task.setOnSucceeded(e -> {
            finish();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish();
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            finish();
            onFailure.accept(new org.labelbench.jobs.JobCancelledException());
        });
        executor.execute(task);
    }

    private void finish() {
        progress.unbind();
        message.unbind();
        running.set(false);
        current = null;
    }

    /**
     * Asks the job to stop. The Task is marked cancelled without interrupting the thread: the
     * job sees it at its next check and rolls its transaction back itself.
     */
    public void cancel() {
        if (current != null) {
            current.cancel(false);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
