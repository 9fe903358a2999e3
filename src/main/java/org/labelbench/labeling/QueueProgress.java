package org.labelbench.labeling;

import java.util.List;

/**
 * How far a queue is: {@code items} it covers, {@code complete} items (all the labels they need),
 * {@code labelsWanted} in all (items x overlap, less labels already there for needs-labels),
 * {@code labelsDone}, {@code skipped}, and each annotator's share and pace.
 */
public record QueueProgress(Queue queue, long items, long complete, long labelsWanted, long labelsDone,
        long skipped, List<AnnotatorProgress> annotators) {
    public QueueProgress {
        annotators = List.copyOf(annotators);
    }

    public double fractionDone() {
        return labelsWanted == 0 ? 1.0 : Math.min(1.0, (double) labelsDone / labelsWanted);
    }
}
