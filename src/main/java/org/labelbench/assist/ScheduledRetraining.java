package org.labelbench.assist;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.Queue;
import org.labelbench.labeling.QueueService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.QueueRetrainingRepository;
import org.labelbench.project.QueueRetrainingRepository.RetrainingRow;

/**
 * Active learning in the background: a queue asks for a {@link QueueRetraining} round every N
 * new labels. The workbench's labeling screen asks {@link #claimDue} after each label and runs
 * the round it claims as a background job; the count moves when the round starts, so a failed
 * or cancelled round is not retried at once but after the next N labels (a failing model is
 * never retrained in a loop), and its error is kept for the screen to say.
 */
public final class ScheduledRetraining {
    private static final int MOST_LABELS = 1_000_000;

    private final QueueRetrainingRepository rows = new QueueRetrainingRepository();
    private final QueueService queues = new QueueService();
    private final QueueRetraining retraining = new QueueRetraining();

    /** A round some session claimed: run it with {@link #run}. */
    public record Claim(String queue, long queueId, String model, Uncertainty uncertainty, long labels) {
    }

    /**
     * Retrains {@code model}'s recipe for {@code queueName} every {@code everyLabels} new labels of
     * the queue, counted from now. Refuses an unknown queue, a model not trained here, a count
     * out of range; replaces an earlier schedule of the queue.
     */
    public RetrainingSchedule set(ProjectStore store, String queueName, String model, int everyLabels,
            Uncertainty uncertainty, String author) {
        Queue queue = queues.get(store, queueName);
        if (everyLabels < 1 || everyLabels > MOST_LABELS) {
            throw new BadInputException("retraining every " + everyLabels + " labels is out of range (1 to "
                    + MOST_LABELS + ")");
        }
        StoredModel base = ModelCatalog.find(store, model);
        if (!StoredModel.TRAINED.equals(base.origin())) {
            throw new BadInputException("model '" + base.name() + "' was loaded, not trained here, so there is no"
                    + " recipe to retrain; choose a model trained in this project");
        }
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        store.write(tx -> {
            rows.save(tx, queue.id(), base.name(), everyLabels, uncertainty.id(), rows.doneLabels(tx, queue.id()),
                    created, author);
            return null;
        });
        return find(store, queueName).orElseThrow();
    }

    /** Turns the queue's background retraining off; false when it had none. */
    public boolean off(ProjectStore store, String queueName) {
        Queue queue = queues.get(store, queueName);
        return store.write(tx -> rows.delete(tx, queue.id()));
    }

    /** The queue's schedule with its count of labels now; empty when the queue retrains nothing. */
    public Optional<RetrainingSchedule> find(ProjectStore store, String queueName) {
        Queue queue = queues.get(store, queueName);
        return store.read(tx -> rows.find(tx, queue.id())
                .map(row -> schedule(queueName, row, rows.doneLabels(tx, queue.id()))));
    }

    /**
     * Claims the queue's round when it is due: true for exactly one caller, however many sessions
     * ask at once. Empty when the queue retrains nothing or is not due yet.
     */
    public Optional<Claim> claimDue(ProjectStore store, String queueName) {
        Queue queue = queues.get(store, queueName);
        return store.write(tx -> {
            Optional<RetrainingRow> row = rows.find(tx, queue.id());
            if (row.isEmpty()) {
                return Optional.<Claim>empty();
            }
            long now = rows.doneLabels(tx, queue.id());
            RetrainingSchedule schedule = schedule(queueName, row.get(), now);
            if (!schedule.isDue() || !rows.claim(tx, queue.id(), row.get().labelsAtLast(), now)) {
                return Optional.<Claim>empty();
            }
            return Optional.of(new Claim(queueName, queue.id(), schedule.model(), schedule.uncertainty(), now));
        });
    }

    /** Runs a claimed round and records how it ended (the model it made, or why it made none). */
    public QueueRetraining.Round run(ProjectStore store, Claim claim, DeviceChoice device, String author,
            JobContext context) {
        try {
            QueueRetraining.Round round = retraining.run(store, claim.queue(), claim.model(), claim.uncertainty(),
                    device, author, context);
            record(store, claim, round.model(), null);
            return round;
        } catch (JobCancelledException e) {
            recordFailure(store, claim, "cancelled", e);
            throw e;
        } catch (RuntimeException e) {
            recordFailure(store, claim, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
            throw e;
        }
    }

    /** A failed round's record must not hide why it failed (the store may be closing, say). */
    private void recordFailure(ProjectStore store, Claim claim, String error, RuntimeException failure) {
        try {
            record(store, claim, null, error);
        } catch (RuntimeException unrecorded) {
            failure.addSuppressed(unrecorded);
        }
    }

    private void record(ProjectStore store, Claim claim, String model, String error) {
        String finished = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        store.write(tx -> {
            rows.finished(tx, claim.queueId(), model, finished, error);
            return null;
        });
    }

    private static RetrainingSchedule schedule(String queue, RetrainingRow row, long labelsNow) {
        return new RetrainingSchedule(queue, row.model(), row.everyLabels(), Uncertainty.parse(row.uncertainty()),
                row.labelsAtLast(), labelsNow, row.lastModel(), row.lastFinished(), row.lastError());
    }
}
