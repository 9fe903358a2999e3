package org.labelbench.labeling;

import java.time.Instant;
import java.util.List;

/**
 * A labeling queue as stored. {@code items}: how many items it covers. {@code suggestionsRunId}
 * and {@code suggestionsRun}: the prediction run whose suggestions its labelers see (null: none).
 */
public record Queue(long id, String name, QueueStrategy strategy, int overlap, Long seed, String scope,
        List<String> annotators, Instant created, String createdBy, long items, Long suggestionsRunId,
        String suggestionsRun) {
    public Queue {
        annotators = List.copyOf(annotators);
    }

    /** A queue that shows no suggestions. */
    public Queue(long id, String name, QueueStrategy strategy, int overlap, Long seed, String scope,
            List<String> annotators, Instant created, String createdBy, long items) {
        this(id, name, strategy, overlap, seed, scope, annotators, created, createdBy, items, null, null);
    }

    public boolean mayWork(String annotator) {
        return annotators.isEmpty() || annotators.contains(annotator);
    }

    /** True when the queue shows a prediction run's suggestions. */
    public boolean showsSuggestions() {
        return suggestionsRunId != null;
    }
}
