package org.labelbench.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelbench.jobs.Job;

/** One job at a time, shown while it runs, forgotten when it ends; Cancel reaches it and says so. */
class ShownJobTest {
    /** Holds each started job's listener, so the test decides when and how it ends. */
    static final class HeldRunner implements JobRunner {
        JobListener<Object> listener;
        int cancels;

        @Override
        @SuppressWarnings("unchecked")
        public <T> RunningJob start(Job<T> job, JobListener<T> listener) {
            this.listener = (JobListener<Object>) listener;
            return () -> cancels++;
        }
    }

    private final HeldRunner runner = new HeldRunner();
    private final ShownJob shown = new ShownJob(runner);
    private final List<String> heard = new ArrayList<>();

    private final ShownJob.Outcome<Object> outcome = new ShownJob.Outcome<>() {
        @Override
        public void succeeded(Object result) {
            heard.add("succeeded " + result + ", running " + shown.runningProperty().get());
        }

        @Override
        public void cancelled() {
            heard.add("cancelled");
        }

        @Override
        public void failed(Throwable error) {
            heard.add("failed " + error.getMessage());
        }
    };

    @Test
    void showsTheStepAndProgressWhileItRunsAndNothingAfter() {
        assertThat(shown.start("Importing a.csv", context -> null, outcome)).isTrue();
        assertThat(shown.runningProperty().get()).isTrue();
        assertThat(shown.messageProperty().get()).isEqualTo("Importing a.csv");
        assertThat(shown.progressProperty().get()).isNegative();

        runner.listener.progress(0.25);
        runner.listener.message("Reading rows");
        assertThat(shown.progressProperty().get()).isEqualTo(0.25);
        assertThat(shown.messageProperty().get()).isEqualTo("Reading rows");

        runner.listener.succeeded("done");
        assertThat(heard).containsExactly("succeeded done, running false");
        assertThat(shown.messageProperty().get()).isEmpty();
    }

    @Test
    void aSecondJobIsRefusedWhileOneRunsAndCancelReachesTheRunningOne() {
        shown.start("first", context -> null, outcome);
        JobListener<Object> first = runner.listener;

        assertThat(shown.start("second", context -> null, outcome)).isFalse();
        assertThat(runner.listener).isSameAs(first);

        shown.cancel();
        assertThat(runner.cancels).isEqualTo(1);
        assertThat(shown.messageProperty().get()).isEqualTo("Cancelling…");
        first.cancelled();
        assertThat(heard).containsExactly("cancelled");
        assertThat(shown.runningProperty().get()).isFalse();

        shown.cancel();
        assertThat(runner.cancels).as("nothing runs: nothing to cancel").isEqualTo(1);
        assertThat(shown.start("third", context -> null, outcome)).isTrue();
        runner.listener.failed(new IllegalStateException("disk full"));
        assertThat(heard).containsExactly("cancelled", "failed disk full");
    }
}
