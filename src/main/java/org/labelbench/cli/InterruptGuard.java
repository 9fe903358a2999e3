package org.labelbench.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a long command: instead of dying mid-transaction (which SQLite survives, but
 * which would leave files an import had copied), the JVM's shutdown waits while the job is
 * cancelled and cleans up after itself, for at most {@link #GRACE_SECONDS}.
 */
final class InterruptGuard implements AutoCloseable {
    static final long GRACE_SECONDS = 20;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    InterruptGuard(TerminalProgress progress) {
        hook = new Thread(() -> {
            progress.cancel();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "labelbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it has just been released
        }
    }
}
