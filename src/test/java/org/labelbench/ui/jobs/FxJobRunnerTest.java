package org.labelbench.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The job runner: work off the FX thread, every report on it, cancel through the job's own checks. */
class FxJobRunnerTest {
    private final FxJobRunner runner = new FxJobRunner();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean everReportedOffFxThread = new AtomicBoolean();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private <T> JobListener<T> recorder() {
        return new JobListener<>() {
            @Override
            public void progress(double fraction) {
                record("progress");
            }

            @Override
            public void message(String text) {
                record("message " + text);
            }

            @Override
            public void succeeded(T result) {
                record("succeeded " + result);
            }

            @Override
            public void cancelled() {
                record("cancelled");
            }

            @Override
            public void failed(Throwable error) {
                record("failed " + error.getMessage());
            }

            private void record(String event) {
                if (!Platform.isFxApplicationThread()) {
                    everReportedOffFxThread.set(true);
                }
                events.add(event);
            }
        };
    }

    @Test
    void runsTheJobOffTheFxThreadAndReportsOnIt() throws Exception {
        AtomicBoolean ranOnFxThread = new AtomicBoolean(true);
        WaitForAsyncUtils.asyncFx(() -> runner.start(context -> {
            ranOnFxThread.set(Platform.isFxApplicationThread());
            context.message("working");
            context.progress(1, 2);
            return 42;
        }, recorder()));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.contains("succeeded 42"));
        assertThat(ranOnFxThread).isFalse();
        assertThat(everReportedOffFxThread).isFalse();
    }

    @Test
    void cancelStopsTheJobAtItsNextCheck() throws Exception {
        RunningJob job = WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(() ->
                runner.start(context -> {
                    while (true) {
                        context.checkCancelled();
                        Thread.onSpinWait();
                    }
                }, recorder())));

        WaitForAsyncUtils.asyncFx(job::cancel);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.contains("cancelled"));
        assertThat(events).doesNotContain("failed cancelled");
    }

    @Test
    void aFailureReachesTheListenerWithItsMessage() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> runner.start(context -> {
            throw new IllegalStateException("disk full");
        }, recorder()));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.contains("failed disk full"));
    }
}
