package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundCallTest {
    /** Runs what it is given when told to, so a test decides the order of answers. */
    private static final class Held implements Executor {
        private final List<Runnable> waiting = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            waiting.add(command);
        }

        void runAll() {
            while (!waiting.isEmpty()) {
                waiting.remove(0).run();
            }
        }
    }

    private final Held background = new Held();
    private final Held fx = new Held();

    @Test
    void theAnswerArrivesOnTheFxExecutorAfterTheWork() {
        List<String> seen = new ArrayList<>();
        var stage = BackgroundCall.of(() -> "queues").onSuccess(seen::add).onFailure(e -> seen.add("failed"))
                .runOn(background, fx).toCompletableFuture();

        background.runAll();
        assertThat(seen).isEmpty();
        fx.runAll();
        assertThat(seen).containsExactly("queues");
        assertThat(stage.join()).isEqualTo("queues");
    }

    @Test
    void aFailureGoesToItsHandlerOnTheFxExecutor() {
        List<String> seen = new ArrayList<>();
        var stage = BackgroundCall.of(() -> {
            throw new IllegalStateException("disk full");
        }).onSuccess(result -> seen.add("ok")).onFailure(e -> seen.add(e.getMessage())).runOn(background, fx)
                .toCompletableFuture();

        background.runAll();
        fx.runAll();
        assertThat(seen).containsExactly("disk full");
        assertThat(stage).isCompletedExceptionally();
    }

    @Test
    void anAnswerOvertakenByANewerRequestIsDropped() {
        BackgroundCall.Latest latest = new BackgroundCall.Latest();
        List<String> seen = new ArrayList<>();
        var first = BackgroundCall.of(() -> "old").onSuccess(seen::add).onFailure(e -> seen.add("failed"))
                .unlessStale(latest.next()).runOn(background, fx).toCompletableFuture();
        BackgroundCall.of(() -> "new").onSuccess(seen::add).onFailure(e -> seen.add("failed"))
                .unlessStale(latest.next()).runOn(background, fx);

        background.runAll();
        fx.runAll();
        assertThat(seen).containsExactly("new");
        assertThatThrownBy(first::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void aCallWithoutAFailureHandlerIsRefusedBeforeItRuns() {
        assertThatThrownBy(() -> BackgroundCall.of(() -> "x").onSuccess(x -> { }).runOn(background, fx))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failure handler");
        assertThat(background.waiting).isEmpty();
    }

    @Test
    void aCurrentTokenStaysLatestUntilTheNextRequest() {
        BackgroundCall.Latest latest = new BackgroundCall.Latest();
        BackgroundCall.Latest.Token made = latest.next();
        BackgroundCall.Latest.Token current = latest.current();

        assertThat(made.isLatest()).isTrue();
        assertThat(current.isLatest()).as("current() makes no new request").isTrue();
        latest.next();
        assertThat(current.isLatest()).isFalse();
        BackgroundCall.Latest.Token again = latest.current();
        latest.dropAll();
        assertThat(again.isLatest()).isFalse();
    }

    @Test
    void aTokenMadeStaleOnOneThreadIsSeenStaleOnAnother() throws Exception {
        BackgroundCall.Latest latest = new BackgroundCall.Latest();
        BackgroundCall.Latest.Token token = latest.next();
        CountDownLatch started = new CountDownLatch(1);
        Thread work = new Thread(() -> {
            started.countDown();
            while (token.isLatest()) {
                Thread.onSpinWait(); // long work checking whether it is still wanted
            }
        });
        work.start();
        started.await();
        latest.next();
        work.join(10_000);

        assertThat(work.isAlive()).as("the work saw that it is stale").isFalse();
    }

    @Test
    void anInterruptibleCallAnswersOnTheFxExecutorAfterTheWork() {
        List<String> seen = new ArrayList<>();
        BackgroundCall.of(() -> "intervals").onSuccess(seen::add).onFailure(e -> seen.add("failed"))
                .runInterruptiblyOn(background, fx);
        BackgroundCall.of(() -> {
            throw new IllegalStateException("out of memory");
        }).onSuccess(result -> seen.add("ok")).onFailure(e -> seen.add(e.getMessage()))
                .runInterruptiblyOn(background, fx);

        background.runAll();
        assertThat(seen).isEmpty();
        fx.runAll();
        assertThat(seen).containsExactly("intervals", "out of memory");
    }

    @Test
    void cancellingInterruptsTheWorkAndNoHandlerRuns() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        List<String> seen = new ArrayList<>();
        try {
            var call = BackgroundCall.of(() -> {
                running.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return "finished anyway"; // work that ignores the interrupt still has its answer dropped
            }).onSuccess(seen::add).onFailure(e -> seen.add("failed")).runInterruptiblyOn(thread, fx);
            running.await();

            assertThat(call.cancel(true)).isTrue();

            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
            thread.shutdown();
            assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            fx.runAll();
            assertThat(seen).isEmpty();
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aCallCancelledBeforeItsTurnNeverStarts() {
        List<String> seen = new ArrayList<>();
        var call = BackgroundCall.of(() -> seen.add("started")).onFailure(e -> seen.add("failed"))
                .runInterruptiblyOn(background, fx);

        call.cancel(true);
        background.runAll();
        fx.runAll();

        assertThat(seen).isEmpty();
    }

    @Test
    void workThatStopsOnItsInterruptIsNoFailure() {
        List<String> seen = new ArrayList<>();
        BackgroundCall.of(() -> {
            throw new CancellationException("bootstrap interrupted");
        }).onSuccess(result -> seen.add("ok")).onFailure(e -> seen.add("failed")).runInterruptiblyOn(background, fx);
        var plain = BackgroundCall.of(() -> {
            throw new CancellationException("not stoppable");
        }).onSuccess(result -> seen.add("ok")).onFailure(e -> seen.add(e.getMessage())).runOn(background, fx);

        background.runAll();
        fx.runAll();

        assertThat(seen).as("only the plain call reports it").containsExactly("not stoppable");
        assertThat(plain.toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void anInterruptibleCallWithoutAFailureHandlerIsRefusedBeforeItRuns() {
        assertThatThrownBy(() -> BackgroundCall.of(() -> "x").runInterruptiblyOn(background, fx))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failure handler");
        assertThat(background.waiting).isEmpty();
    }
}
