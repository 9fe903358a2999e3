package org.labelbench.labeling;

import org.labelbench.project.Transaction;
import java.util.List;
import java.util.Map;

/**
 * Scores items for a queue's order, highest first: the hook through which a model orders a
 * queue by uncertainty. {@link QueueService} asks it when a queue is created with one.
 */
@FunctionalInterface
public interface ItemPriority {
    /** A score per item id; items without a score go after all scored ones, in key order. */
    Map<Long, Double> scores(Transaction tx, List<Long> itemIds);

    /** How the order is made, stored with the queue after its scope ("most uncertain first ..."); null: not said. */
    default String describe() {
        return null;
    }
}
