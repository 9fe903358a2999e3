package org.labelbench.assist;

import org.labelbench.analysis.Uncertainty;

/**
 * A queue's background retraining as it stands: the model whose recipe each round reuses, every
 * how many new labels of the queue a round is due, how unsure is measured when re-ranking, and
 * where the count and the last round are. {@code labelsNow}: the queue's done labels when read.
 */
public record RetrainingSchedule(String queue, String model, int everyLabels, Uncertainty uncertainty,
        long labelsAtLast, long labelsNow, String lastModel, String lastFinished, String lastError) {

    /** New labels of the queue since the last round started (or since the schedule was set). */
    public long labelsSince() {
        return Math.max(0, labelsNow - labelsAtLast);
    }

    /** Labels still to give before the next round is due; 0 when it is due. */
    public long labelsToNext() {
        return Math.max(0, everyLabels - labelsSince());
    }

    public boolean isDue() {
        return labelsToNext() == 0;
    }
}
