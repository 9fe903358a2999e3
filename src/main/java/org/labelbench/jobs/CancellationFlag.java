package org.labelbench.jobs;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancel request shared between whoever shows the job and the job itself. */
public final class CancellationFlag {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
