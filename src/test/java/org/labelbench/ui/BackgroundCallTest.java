package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
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
}
