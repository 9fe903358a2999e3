package org.labelbench.ui.label;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.labelbench.ui.BackgroundCall;

/**
 * The one thread on which every call on an open session runs, in order: a labeling session is
 * not thread-safe, and the FX thread never waits on SQLite. Answers come back on the FX thread
 * through {@link BackgroundCall}, and are dropped once the session they were asked of was closed
 * or replaced. Every failure goes to the caller's handler; when the thread is gone (the project
 * is closing) the handler hears that too.
 *
 * @param <S> the session ({@code LabelingSession}; tests use a fake)
 */
final class SessionWorker<S extends AutoCloseable> {
    private final Executor thread;
    private final ExecutorService owned;
    private final Executor fx;
    private final BackgroundCall.Latest sessions = new BackgroundCall.Latest();
    /** The session now open, or being opened; stale until the first open. FX thread only. */
    private BackgroundCall.Latest.Token current = () -> false;
    /** Only ever touched on {@link #thread}. */
    private S session;

    /** Calls run on {@code thread} (tests pass a direct executor); answers on {@code fx}. */
    SessionWorker(Executor thread, Executor fx) {
        this(thread, null, fx);
    }

    private SessionWorker(Executor thread, ExecutorService owned, Executor fx) {
        this.thread = thread;
        this.owned = owned;
        this.fx = fx;
    }

    /** On a daemon thread of its own, stopped by {@link #dispose}. */
    static <S extends AutoCloseable> SessionWorker<S> onOwnThread(String name, Executor fx) {
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true); // never keeps the JVM alive after the window closed
            return t;
        });
        return new SessionWorker<>(thread, thread, fx);
    }

    /**
     * Closes the session open (if any), opens one with {@code opener}, and reads {@code first}
     * on it, all on the thread. Answers of the session before are dropped from now on. The stage
     * completes after the handler ran, or with a {@code CancellationException} when the session
     * was closed or replaced before it was open.
     */
    <T> CompletionStage<T> open(Supplier<S> opener, Function<S, T> first, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        current = sessions.next();
        return run(() -> {
            closeNow();
            session = opener.get();
            return first.apply(session);
        }, onSuccess, onFailure);
    }

    /** Runs {@code work} on the open session, after what is queued before it. */
    <T> CompletionStage<T> call(Function<S, T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        return run(() -> work.apply(openSession()), onSuccess, onFailure);
    }

    /** Drops every answer still to come and closes the session after what is queued (a commit in flight). */
    void close() {
        sessions.dropAll();
        try {
            thread.execute(this::closeNow);
        } catch (RejectedExecutionException alreadyGone) {
            // disposed: the session was closed then
        }
    }

    /** Closes the session and stops the thread once what is queued on it has run. */
    void dispose() {
        close();
        if (owned != null) {
            owned.shutdown();
        }
    }

    private <T> CompletionStage<T> run(Supplier<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        try {
            return BackgroundCall.of(work).onSuccess(onSuccess).onFailure(onFailure).unlessStale(current)
                    .runOn(thread, fx);
        } catch (RejectedExecutionException closing) {
            IllegalStateException gone = new IllegalStateException("the project is closing");
            onFailure.accept(gone);
            return CompletableFuture.failedFuture(gone);
        }
    }

    private S openSession() {
        if (session == null) {
            throw new IllegalStateException("no queue is open");
        }
        return session;
    }

    private void closeNow() {
        if (session != null) {
            S closing = session;
            session = null;
            try {
                closing.close();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
