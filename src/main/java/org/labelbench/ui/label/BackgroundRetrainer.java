package org.labelbench.ui.label;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelbench.assist.DeviceChoice;
import org.labelbench.assist.QueueRetraining;
import org.labelbench.assist.RetrainingSchedule;
import org.labelbench.assist.ScheduledRetraining;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.ShownJob;

/**
 * The labeling screen's side of background retraining: after each label it asks whether the
 * open queue's round is due, runs the round it claims as a background job (labeling goes on,
 * and the items not served yet are re-ranked when it ends), and keeps one line saying where the
 * retraining stands. A round outlives leaving the queue (its result is still wanted) and is
 * cancelled only when the project closes. Failures are said on the line, not in a dialog: the
 * labeler did nothing wrong and should not be stopped mid-stride. FX thread only.
 */
final class BackgroundRetrainer {
    private final ProjectStore store;
    private final UiExecutors executors;
    private final ShownJob round;
    private final ScheduledRetraining schedules = new ScheduledRetraining();
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final BackgroundCall.Latest reading = new BackgroundCall.Latest();
    /** The queue on screen (null: none) and who labels it (the rounds' author). */
    private String queue;
    private String labeler;
    /** The queue whose round runs now, and what the last round of the queue on screen came to. */
    private String roundQueue;
    private String lastOutcome;

    BackgroundRetrainer(ProjectStore store, UiExecutors executors, JobRunner jobs) {
        this.store = store;
        this.executors = executors;
        this.round = new ShownJob(jobs);
        round.messageProperty().addListener((observable, was, now) -> showRunning());
        round.progressProperty().addListener((observable, was, now) -> showRunning());
    }

    /** A queue is on screen: say whether it retrains, and how many labels to the next round. */
    void opened(String queueName, String labelerName) {
        queue = queueName;
        labeler = labelerName;
        lastOutcome = null;
        line.set("");
        failed.set(false);
        check(false);
    }

    /** A decision was committed on the queue on screen: count it, and start the round when due. */
    void labeled() {
        if (queue != null) {
            check(true);
        }
    }

    /** The queue left the screen; a round that runs goes on. */
    void closed() {
        queue = null;
        reading.next();
        line.set("");
        failed.set(false);
    }

    /** The project closes: a running round is cancelled (a cancelled training leaves no model). */
    void dispose() {
        closed();
        round.cancel();
    }

    private void check(boolean mayStart) {
        String asked = queue;
        BackgroundCall.of(() -> schedules.find(store, asked))
                .onSuccess(schedule -> {
                    if (schedule.isPresent() && schedule.get().isDue() && mayStart && !round.runningProperty().get()) {
                        claim(asked);
                    } else {
                        showSchedule(schedule);
                    }
                })
                .onFailure(error -> showFailure("Cannot read the queue's retraining: " + FailureText.of(error)))
                .unlessStale(reading.next())
                .runOn(executors);
    }

    private void claim(String asked) {
        BackgroundCall.of(() -> schedules.claimDue(store, asked))
                .onSuccess(claim -> claim.ifPresentOrElse(this::start, () -> check(false)))
                .onFailure(error -> showFailure("Cannot start retraining: " + FailureText.of(error)))
                .runOn(executors);
    }

    private void start(ScheduledRetraining.Claim claim) {
        String author = labeler;
        roundQueue = claim.queue();
        boolean started = round.start("Retraining '" + claim.model() + "' in the background…",
                context -> schedules.run(store, claim, DeviceChoice.AUTO, author, context),
                new ShownJob.Outcome<QueueRetraining.Round>() {
                    @Override
                    public void succeeded(QueueRetraining.Round result) {
                        finished(claim.queue(), String.format(Locale.ROOT, "Re-ranked %s by '%s' (dev accuracy %.3f,"
                                + " %.0f s)", DisplayFormats.count(result.reranked(), "unserved item", "unserved items"),
                                result.model(), result.devAccuracy(), result.seconds()), false);
                    }

                    @Override
                    public void cancelled() {
                        finished(claim.queue(), null, false);
                    }

                    @Override
                    public void failed(Throwable error) {
                        finished(claim.queue(), "Background retraining failed: " + FailureText.of(error)
                                + "; labeling goes on, and it tries again after the next round of labels", true);
                    }
                });
        if (!started) {
            roundQueue = null;
        }
        showRunning();
    }

    private void finished(String finishedQueue, String outcome, boolean error) {
        roundQueue = null;
        if (finishedQueue.equals(queue)) {
            lastOutcome = outcome;
            failed.set(error);
            check(true); // labels given while it ran may make the next round due already
        }
    }

    private void showRunning() {
        if (!round.runningProperty().get() || roundQueue == null || !roundQueue.equals(queue)) {
            return;
        }
        double fraction = round.progressProperty().get();
        line.set(round.messageProperty().get() + (fraction >= 0
                ? String.format(Locale.ROOT, " (%.0f %%)", 100 * fraction) : ""));
        failed.set(false);
    }

    private void showSchedule(Optional<RetrainingSchedule> schedule) {
        if (round.runningProperty().get() && queue != null && queue.equals(roundQueue)) {
            showRunning();
            return;
        }
        if (schedule.isEmpty()) {
            line.set("");
            failed.set(false);
            return;
        }
        RetrainingSchedule s = schedule.get();
        String next = String.format(Locale.ROOT, "Retrains '%s' every %s · %s to the next round", s.model(),
                DisplayFormats.count(s.everyLabels(), "label", "labels"), DisplayFormats.count(s.labelsToNext()));
        if (lastOutcome != null) {
            line.set(lastOutcome + " · " + next);
        } else if (s.lastError() != null) {
            line.set(next + " · the last round failed: " + s.lastError());
        } else {
            line.set(next);
        }
        failed.set(lastOutcome != null ? failed.get() : s.lastError() != null);
    }

    private void showFailure(String text) {
        line.set(text);
        failed.set(true);
    }

    /** Where the open queue's background retraining stands; empty when it retrains nothing. */
    ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }

    /** True when the line says a round failed. */
    ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** True while a round runs (for any queue). */
    ReadOnlyBooleanProperty runningProperty() {
        return round.runningProperty();
    }
}
