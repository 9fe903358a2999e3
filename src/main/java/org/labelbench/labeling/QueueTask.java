package org.labelbench.labeling;

import java.util.List;
import java.util.Map;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.Item;

/**
 * One item as a labeler sees it in a queue: the item, its place in their sequence ({@code seq},
 * 1-based), their own answer if they gave one, in a disagreement queue the others' labels, and
 * in a queue with a suggestions run the model's {@code suggestion} (null: the run did not
 * predict the item, or the queue shows none).
 */
public record QueueTask(Item item, long seq, String state, SubmittedLabel own, List<CurrentLabel> othersLabels,
        Map<String, String> attributes, Suggestion suggestion) {
    public QueueTask {
        othersLabels = List.copyOf(othersLabels);
        attributes = Map.copyOf(attributes);
    }

    /** An item shown without a suggestion. */
    public QueueTask(Item item, long seq, String state, SubmittedLabel own, List<CurrentLabel> othersLabels,
            Map<String, String> attributes) {
        this(item, seq, state, own, othersLabels, attributes, null);
    }

    public boolean isOpen() {
        return "open".equals(state);
    }
}
