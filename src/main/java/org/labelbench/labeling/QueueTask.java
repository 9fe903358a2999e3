package org.labelbench.labeling;

import java.util.List;
import java.util.Map;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.Item;

/**
 * One item as a labeler sees it in a queue: the item, its place in their sequence ({@code seq},
 * 1-based), their own answer if they gave one, and, in a disagreement queue, the others' labels.
 */
public record QueueTask(Item item, long seq, String state, SubmittedLabel own, List<CurrentLabel> othersLabels,
        Map<String, String> attributes) {
    public QueueTask {
        othersLabels = List.copyOf(othersLabels);
        attributes = Map.copyOf(attributes);
    }

    public boolean isOpen() {
        return "open".equals(state);
    }
}
