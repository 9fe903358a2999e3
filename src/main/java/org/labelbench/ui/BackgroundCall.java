package org.labelbench.ui;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One piece of a view's background work, in the manner of JabRef's BackgroundTask: the work runs
 * on a background executor, its answer or its failure comes back on the FX thread, and an answer
 * no longer wanted (the view asked again since) is dropped. A failure handler is required, so no
 * failure ends silently; most handlers put {@link org.labelbench.ui.dialogs.FailureText} in the
 * view's message line.
 *
 * <pre>
 * BackgroundCall.of(() -&gt; service.list(store))
 *         .onSuccess(queues::setAll)
 *         .onFailure(error -&gt; error("Cannot read the queues: " + FailureText.of(error)))
 *         .unlessStale(latest.next())
 *         .runOn(executors.reads(), executors.fx());
 * </pre>
 */
public final class BackgroundCall<T> {
    private final Supplier<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Throwable> onFailure;
    private BooleanSupplier wanted = () -> true;

    private BackgroundCall(Supplier<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundCall<T> of(Supplier<T> work) {
        return new BackgroundCall<>(work);
    }

    /** Work without an answer (a write, say): success is that it finished. */
    public static BackgroundCall<Void> of(Runnable work) {
        return new BackgroundCall<>(() -> {
            work.run();
            return null;
        });
    }

    /** Runs on the FX thread with the answer. */
    public BackgroundCall<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs on the FX thread with what went wrong; required. */
    public BackgroundCall<T> onFailure(Consumer<? super Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Drops the answer (neither handler runs) unless {@code token} is still the latest when it arrives. */
    public BackgroundCall<T> unlessStale(Latest.Token token) {
        this.wanted = token::isLatest;
        return this;
    }

    /**
     * Starts the work on {@code background}; the handlers run on {@code fx}. The returned stage
     * completes on {@code fx} after the handler ran: with the answer, with the failure, or with a
     * {@link CancellationException} when the answer was stale.
     */
    public CompletionStage<T> runOn(Executor background, Executor fx) {
        requireFailureHandler();
        CompletableFuture<T> answered = new CompletableFuture<>();
        background.execute(attempt(fx, answered, () -> true, false));
        return answered;
    }

    /** Runs on the view's executors: reads for the work, the FX thread for the answer. */
    public CompletionStage<T> runOn(UiExecutors executors) {
        return runOn(executors.reads(), executors.fx());
    }

    /**
     * As {@link #runOn(Executor, Executor)}, for work that only computes in memory (a bootstrap)
     * and may be stopped half-way: {@code cancel(true)} on the returned future interrupts the
     * thread running it. Cancelled before or while the work runs, neither handler runs; nor
     * when the work stops with a {@link CancellationException} (it saw the interrupt): whoever
     * stopped it says so. A call cancelled before its turn never starts. (Work that finished
     * before the cancel cannot be cancelled: {@link #unlessStale} drops that answer.) Never for work on the store: an interrupt can leave
     * SQLite mid-statement.
     */
    public Future<?> runInterruptiblyOn(Executor background, Executor fx) {
        requireFailureHandler();
        AtomicReference<Future<?>> running = new AtomicReference<>();
        FutureTask<Void> task = new FutureTask<>(attempt(fx, new CompletableFuture<>(),
                () -> !running.get().isCancelled(), true), null);
        running.set(task);
        background.execute(task);
        return task;
    }

    /** The work, then its answer on {@code fx} unless cancelled meanwhile; a stoppable call's stop is no failure. */
    private Runnable attempt(Executor fx, CompletableFuture<T> answered, BooleanSupplier notCancelled,
            boolean stoppable) {
        return () -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                if (!(stoppable && e instanceof CancellationException)) {
                    fx.execute(() -> answerIf(notCancelled, answered, null, e));
                }
                return;
            }
            fx.execute(() -> answerIf(notCancelled, answered, result, null));
        };
    }

    private void answerIf(BooleanSupplier notCancelled, CompletableFuture<T> answered, T result,
            Throwable failure) {
        if (notCancelled.getAsBoolean()) {
            answer(answered, result, failure);
        }
    }

    private void requireFailureHandler() {
        if (onFailure == null) {
            throw new IllegalStateException("a background call needs a failure handler: no failure may pass unseen");
        }
    }

    private void answer(CompletableFuture<T> answered, T result, Throwable failure) {
        if (!wanted.getAsBoolean()) {
            answered.completeExceptionally(new CancellationException("a newer request replaced this one"));
            return;
        }
        try {
            if (failure == null) {
                onSuccess.accept(result);
                answered.complete(result);
            } else {
                onFailure.accept(failure);
                answered.completeExceptionally(failure);
            }
        } catch (RuntimeException e) {
            answered.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Which request is the latest, for views that ask again before the last answer came (a new
     * filter, a new selection): each {@link #next} makes the earlier tokens stale. Requests are
     * made on the FX thread only; a token may be asked from any thread, so long work can skip
     * itself once it is stale.
     */
    public static final class Latest {
        private volatile long latest;

        public Token next() {
            long mine = ++latest; // FX thread only: no two writers
            return () -> mine == latest;
        }

        /** A token for the latest request so far, without making a new one: stale at the next {@link #next}. */
        public Token current() {
            long mine = latest;
            return () -> mine == latest;
        }

        /** Makes every token given out so far stale (the view is closing, say). */
        public void dropAll() {
            latest++;
        }

        @FunctionalInterface
        public interface Token {
            boolean isLatest();
        }
    }
}
