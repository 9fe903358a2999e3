package org.labelbench.dataset.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the file placements of an export (copies and hard links) on a few threads while the format
 * writer goes on writing its rows in version order. A copy is mostly system calls and waits on the
 * disk, so a handful in flight beat one after another even on two cores; a semaphore keeps the
 * queue short so memory stays flat on a million files. The first failure is kept and thrown on the
 * next submit or at {@link #finish}, and the work still queued is then dropped: the export fails
 * whole, and its partial folder is deleted by the caller.
 */
final class ParallelPlacements implements AutoCloseable {
    /** One file's placement; throws what {@link java.nio.file.Files#copy} throws. */
    interface Placement {
        void place() throws IOException;
    }

    private static final int IN_FLIGHT = 256;
    private final ExecutorService threads;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    ParallelPlacements(int threadCount) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, runnable -> {
            Thread thread = new Thread(runnable, "labelbench-export-copy-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Threads for an export's copies: twice the cores, at least four, at most sixteen. */
    static int defaultThreads() {
        return Math.max(4, Math.min(16, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** Queues one placement; throws an earlier one's failure instead, so the export stops at once. */
    void submit(Placement placement) throws IOException {
        rethrow();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
        threads.execute(() -> {
            try {
                if (failure.get() == null) {
                    placement.place();
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e); // a BadInputException (a missing file) keeps its type
            } finally {
                slots.release();
            }
        });
    }

    /** Waits for every placement submitted; throws the first failure. */
    void finish() throws IOException {
        try {
            slots.acquire(IN_FLIGHT);
            slots.release(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Exception first = failure.get();
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
    }

    /** Stops the threads; after a failure or a cancel, placements still queued never run. */
    @Override
    public void close() {
        failure.compareAndSet(null, new IOException("export stopped"));
        threads.shutdown();
        try {
            // A copy running when the export is abandoned must end before its folder is deleted.
            while (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
