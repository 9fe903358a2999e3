package org.labelbench.cli;

import java.io.PrintWriter;
import org.labelbench.jobs.JobContext;

/**
 * A job's progress as a bar on the terminal's error stream, redrawn in place at most ten times
 * a second. Silent when output is not a terminal or --json was given, so scripts see clean output.
 */
final class TerminalProgress implements JobContext {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private long lastDraw;
    private boolean drawn;
    private String message = "";
    private volatile boolean cancelled;

    TerminalProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void progress(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        String bar;
        if (total > 0) {
            int filled = (int) (WIDTH * Math.min(done, total) / total);
            bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total;
        } else {
            bar = "[" + " ".repeat(WIDTH) + "] " + done;
        }
        err.print("\r" + bar + "  " + message + "\u001b[K");
        err.flush();
        drawn = true;
    }

    @Override
    public void message(String text) {
        message = text == null ? "" : text;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Asks the job to stop at its next check (Ctrl-C on the terminal). */
    void cancel() {
        cancelled = true;
    }

    /** Ends the bar's line so the next output starts on its own line. */
    void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
