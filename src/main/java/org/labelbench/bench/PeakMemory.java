package org.labelbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak resident memory of a child process, as {@code /usr/bin/time -v} would report it:
 * Linux keeps the high-water mark in {@code VmHWM} of {@code /proc/PID/status}, so polling it
 * while the process runs loses nothing but growth in its last few milliseconds. Elsewhere (no
 * /proc) the figure is -1.
 */
final class PeakMemory implements AutoCloseable {
    private static final long POLL_MILLIS = 10;
    private final Path status;
    private final AtomicLong peakKb = new AtomicLong(-1);
    private final Thread poller;

    private PeakMemory(long pid) {
        status = Path.of("/proc", Long.toString(pid), "status");
        poller = new Thread(this::poll, "peak-memory-" + pid);
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts watching {@code process}; {@link #close} after it exited, then read {@link #peakKb}. */
    static PeakMemory of(Process process) {
        return new PeakMemory(process.pid());
    }

    private void poll() {
        while (!Thread.currentThread().isInterrupted()) {
            long kb = read();
            if (kb < 0) {
                return; // the process is gone
            }
            peakKb.accumulateAndGet(kb, Math::max);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long read() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Kilobytes, or -1 where the system does not say. */
    long peakKb() {
        return peakKb.get();
    }

    @Override
    public void close() {
        poller.interrupt();
        try {
            poller.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
