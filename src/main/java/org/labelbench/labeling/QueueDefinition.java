package org.labelbench.labeling;

import java.util.List;
import org.labelbench.project.BadInputException;

/**
 * What a lead asks for when creating a queue. {@code overlap}: how many different annotators
 * must label each item. {@code annotators}: who may work it (empty: anyone).
 * {@code suggestionsRun}: the name of a prediction run whose suggestions the labelers see
 * (pre-labeling), or null.
 */
public record QueueDefinition(String name, QueueScope scope, QueueStrategy strategy, int overlap, long seed,
        List<String> annotators, String suggestionsRun) {
    public QueueDefinition {
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new BadInputException("a queue name is empty");
        }
        if (overlap < 1 || overlap > 50) {
            throw new BadInputException("overlap " + overlap + " is out of range (1 to 50 annotators per item)");
        }
        annotators = annotators == null ? List.of() : annotators.stream().map(String::strip)
                .filter(a -> !a.isEmpty()).distinct().toList();
        if (!annotators.isEmpty() && annotators.size() < overlap) {
            throw new BadInputException("overlap " + overlap + " needs at least " + overlap + " annotators, but only "
                    + annotators.size() + " may work the queue");
        }
        suggestionsRun = suggestionsRun == null || suggestionsRun.isBlank() ? null : suggestionsRun.strip();
    }

    /** A queue that shows no suggestions. */
    public QueueDefinition(String name, QueueScope scope, QueueStrategy strategy, int overlap, long seed,
            List<String> annotators) {
        this(name, scope, strategy, overlap, seed, annotators, null);
    }

    /** The same queue showing the suggestions of run {@code run} (null: none). */
    public QueueDefinition withSuggestions(String run) {
        return new QueueDefinition(name, scope, strategy, overlap, seed, annotators, run);
    }
}
