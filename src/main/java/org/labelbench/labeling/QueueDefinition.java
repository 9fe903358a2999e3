package org.labelbench.labeling;

import java.util.List;
import org.labelbench.project.BadInputException;

/**
 * What a lead asks for when creating a queue. {@code overlap}: how many different annotators
 * must label each item. {@code annotators}: who may work it (empty: anyone).
 */
public record QueueDefinition(String name, QueueScope scope, QueueStrategy strategy, int overlap, long seed,
        List<String> annotators) {
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
    }
}
