package org.labelbench.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs work at once, or, while {@link #hold} is on, keeps it until {@link #release}: a test can
 * act while background work is still "running" and then decide when it ends.
 */
public final class HeldExecutor implements Executor {
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean holding;

    public HeldExecutor() {
        this(false);
    }

    public HeldExecutor(boolean holding) {
        this.holding = holding;
    }

    @Override
    public void execute(Runnable command) {
        if (holding) {
            waiting.add(command);
        } else {
            command.run();
        }
    }

    /** Keeps the work given from now on. */
    public void hold() {
        holding = true;
    }

    /** Runs what was kept, in order (and what that work gives it meanwhile), then runs work at once again. */
    public void release() {
        while (!waiting.isEmpty()) {
            waiting.remove(0).run();
        }
        holding = false;
    }

    /** Runs what was kept, in order, and goes on holding. */
    public void runHeld() {
        while (!waiting.isEmpty()) {
            waiting.remove(0).run();
        }
    }
}
