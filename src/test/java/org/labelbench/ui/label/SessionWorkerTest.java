package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.labelbench.testing.HeldExecutor;
import org.labelbench.ui.dialogs.FailureText;

/** The session thread: calls in order, answers of a closed or replaced session dropped, every failure told. */
class SessionWorkerTest {
    /** A session that records what was asked of it. */
    private static final class FakeSession implements AutoCloseable {
        final String name;
        final List<String> log;

        FakeSession(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        String ask(String question) {
            log.add(name + ": " + question);
            return name + " answers " + question;
        }

        @Override
        public void close() {
            log.add(name + ": closed");
        }
    }

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> answers = new ArrayList<>();
    private final HeldExecutor thread = new HeldExecutor(true);
    private final HeldExecutor fx = new HeldExecutor(true);
    private final SessionWorker<FakeSession> worker = new SessionWorker<>(thread, fx);

    @Test
    void callsRunInOrderOnTheThreadAndAnswerOnFx() {
        worker.open(() -> new FakeSession("a", log), session -> session.ask("first"), answers::add, this::failed);
        worker.call(session -> session.ask("second"), answers::add, this::failed);
        assertThat(log).isEmpty();

        thread.runHeld();
        assertThat(log).containsExactly("a: first", "a: second");
        assertThat(answers).isEmpty();
        fx.runHeld();
        assertThat(answers).containsExactly("a answers first", "a answers second");
    }

    @Test
    void answersOfAClosedSessionAreDroppedAndItClosesAfterWhatWasQueued() {
        worker.open(() -> new FakeSession("a", log), session -> "open", answers::add, this::failed);
        var late = worker.call(session -> session.ask("commit"), answers::add, this::failed).toCompletableFuture();

        worker.close();
        thread.runHeld();
        fx.runHeld();

        assertThat(log).containsExactly("a: commit", "a: closed");
        assertThat(answers).isEmpty();
        Assertions.assertThatThrownBy(late::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void openingAnotherClosesTheFirstAndDropsItsAnswers() {
        worker.open(() -> new FakeSession("a", log), session -> "a open", answers::add, this::failed);
        worker.call(session -> session.ask("x"), answers::add, this::failed);
        worker.open(() -> new FakeSession("b", log), session -> "b open", answers::add, this::failed);
        worker.call(session -> session.ask("y"), answers::add, this::failed);
        thread.runHeld();
        fx.runHeld();

        assertThat(log).containsExactly("a: x", "a: closed", "b: y");
        assertThat(answers).containsExactly("b open", "b answers y");
    }

    @Test
    void aFailureReachesItsHandlerWithItsReason() {
        worker.open(() -> new FakeSession("a", log), session -> "open", answers::add, this::failed);
        worker.<String>call(session -> {
            throw new IllegalArgumentException("no item with key 'nope.png'");
        }, answers::add, this::failed);
        thread.runHeld();
        fx.runHeld();

        assertThat(answers).containsExactly("open", "failed: no item with key 'nope.png'");
    }

    @Test
    void aSessionThatDidNotOpenSaysSoOnLaterCalls() {
        worker.open(() -> {
            throw new IllegalStateException("'ana' may not work queue 'q'");
        }, session -> "open", answers::add, this::failed);
        worker.call(session -> session.ask("x"), answers::add, this::failed);
        thread.runHeld();
        fx.runHeld();

        assertThat(answers).containsExactly("failed: 'ana' may not work queue 'q'", "failed: no queue is open");
    }

    @Test
    void beforeAnyOpenNothingIsAnswered() {
        worker.call(session -> session.ask("x"), answers::add, this::failed);
        thread.runHeld();
        fx.runHeld();

        assertThat(answers).isEmpty();
    }

    @Test
    void aGoneThreadIsToldAsTheProjectClosing() {
        SessionWorker<FakeSession> gone = new SessionWorker<>(work -> {
            throw new RejectedExecutionException("shut down");
        }, fx);
        var stage = gone.open(() -> new FakeSession("a", log), session -> "open", answers::add, this::failed)
                .toCompletableFuture();

        assertThat(answers).containsExactly("failed: the project is closing");
        assertThat(stage).isCompletedExceptionally();
        gone.close(); // and closing it again throws nothing
    }

    @Test
    void itsOwnThreadRunsTheCallsAndStopsOnDispose() throws Exception {
        SessionWorker<FakeSession> own = SessionWorker.onOwnThread("test-session", Runnable::run);
        AtomicReference<String> threadName = new AtomicReference<>();
        CountDownLatch answered = new CountDownLatch(1);
        own.open(() -> new FakeSession("a", log), session -> Thread.currentThread().getName(), name -> {
            threadName.set(name);
            answered.countDown();
        }, this::failed);
        assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(threadName.get()).isEqualTo("test-session");

        own.dispose();
        var after = own.call(session -> "late", answers::add, this::failed).toCompletableFuture();
        Assertions.assertThatThrownBy(after::join).isInstanceOf(CompletionException.class);
        assertThat(answers).containsExactly("failed: the project is closing");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!log.contains("a: closed") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(log).contains("a: closed"); // what was queued before dispose still ran
    }

    private void failed(Throwable error) {
        answers.add("failed: " + FailureText.of(error));
    }
}
