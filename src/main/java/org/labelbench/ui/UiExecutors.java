package org.labelbench.ui;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Where the UI's short background work runs, and how results get back to the FX thread.
 * {@code reads}: SQL reads for views (one thread: the store serialises reads anyway, and a queue
 * keeps pages in request order). {@code media}: decoding audio, starting playback, file checks.
 * {@code fx}: the FX thread. Tests of view models pass direct executors and run everything inline.
 */
public final class UiExecutors implements AutoCloseable {
    private final Executor reads;
    private final Executor media;
    private final Executor fx;
    private final List<ExecutorService> owned;

    public UiExecutors(Executor reads, Executor media, Executor fx) {
        this(reads, media, fx, List.of());
    }

    private UiExecutors(Executor reads, Executor media, Executor fx, List<ExecutorService> owned) {
        this.reads = reads;
        this.media = media;
        this.fx = fx;
        this.owned = owned;
    }

    /** Daemon background threads and {@link Platform#runLater}: what the workbench uses. */
    public static UiExecutors background() {
        ExecutorService reads = Executors.newSingleThreadExecutor(daemon("labelbench-reads"));
        ExecutorService media = Executors.newFixedThreadPool(2, daemon("labelbench-media"));
        return new UiExecutors(reads, media, Platform::runLater, List.of(reads, media));
    }

    public Executor reads() {
        return reads;
    }

    public Executor media() {
        return media;
    }

    public Executor fx() {
        return fx;
    }

    @Override
    public void close() {
        owned.forEach(ExecutorService::shutdownNow);
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true); // never keeps the JVM alive after the window closed
            return thread;
        };
    }
}
