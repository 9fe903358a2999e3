package org.labelbench.ui.jobs;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelbench.jobs.Job;

/**
 * The one job a screen runs at a time, as the screen shows it: whether one runs, its progress and
 * its step, and Cancel. The import bar, the New queue form and the Error analysis job bar bind to
 * it; the screen says only what the job does and what its outcome means. FX thread only.
 */
public final class ShownJob {
    /** What a finished job means to the screen; the job is shown as finished before these run. */
    public interface Outcome<T> {
        void succeeded(T result);

        /** Stopped at the user's request: it changed nothing. */
        void cancelled();

        void failed(Throwable error);
    }

    private final JobRunner jobs;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private RunningJob current;

    public ShownJob(JobRunner jobs) {
        this.jobs = jobs;
    }

    /**
     * Starts {@code job}, showing {@code step} until it says more; false, and nothing started,
     * while another job of this screen runs.
     */
    public <T> boolean start(String step, Job<T> job, Outcome<T> outcome) {
        if (running.get()) {
            return false;
        }
        running.set(true);
        progress.set(-1);
        message.set(step);
        RunningJob started = jobs.start(job, new JobListener<T>() {
            @Override
            public void progress(double fraction) {
                progress.set(fraction);
            }

            @Override
            public void message(String text) {
                message.set(text);
            }

            @Override
            public void succeeded(T result) {
                finished();
                outcome.succeeded(result);
            }

            @Override
            public void cancelled() {
                finished();
                outcome.cancelled();
            }

            @Override
            public void failed(Throwable error) {
                finished();
                outcome.failed(error);
            }
        });
        if (running.get()) { // a runner on the calling thread (tests) has finished it already
            current = started;
        }
        return true;
    }

    /** Asks the running job to stop at its next check; it then rolls back and reports a cancel. */
    public void cancel() {
        if (current != null) {
            current.cancel();
            message.set("Cancelling…");
        }
    }

    private void finished() {
        running.set(false);
        current = null;
        message.set("");
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** From 0 to 1, or negative while the total is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The step the job is at ("Importing …", "Cancelling…"); empty when none runs. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
