package org.labelbench.labeling;

import java.time.Instant;
import java.util.List;

/** A labeling queue as stored. {@code items}: how many items it covers. */
public record Queue(long id, String name, QueueStrategy strategy, int overlap, Long seed, String scope,
        List<String> annotators, Instant created, String createdBy, long items) {
    public Queue {
        annotators = List.copyOf(annotators);
    }

    public boolean mayWork(String annotator) {
        return annotators.isEmpty() || annotators.contains(annotator);
    }
}
