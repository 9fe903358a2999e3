package org.labelbench.agreement;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labelbench.project.Item;

/**
 * A contested item as a reviewer sees it: the item (key, media, path), its attributes, each
 * annotator's current label in name order, and the adjudicated label if there is one.
 */
public record Disagreement(Item item, Map<String, String> attributes, List<DisagreementOpinion> opinions,
        DisagreementVerdict verdict) {

    public Disagreement {
        attributes = Map.copyOf(attributes);
        opinions = List.copyOf(opinions);
    }

    /**
     * 1 − (votes for the most common class / annotators): 0 when all agree, 0.5 for two
     * annotators who differ, 2/3 for three who all differ.
     */
    public double contest() {
        return contest(opinions);
    }

    static double contest(List<DisagreementOpinion> opinions) {
        if (opinions.isEmpty()) {
            return 0;
        }
        Map<String, Integer> votes = new HashMap<>();
        opinions.forEach(o -> votes.merge(o.label(), 1, Integer::sum));
        // (n - plurality) / n rather than 1 - plurality / n: one rounding, so 2/3 reads 0.666..6
        return (double) (opinions.size() - Collections.max(votes.values())) / opinions.size();
    }

    /** How many different classes the annotators gave. */
    public int distinctLabels() {
        return (int) opinions.stream().map(DisagreementOpinion::label).distinct().count();
    }

    /** Annotator → class, annotators in name order. */
    public Map<String, String> labelsByAnnotator() {
        Map<String, String> labels = new LinkedHashMap<>();
        opinions.forEach(o -> labels.put(o.annotator(), o.label()));
        return labels;
    }

    public Optional<DisagreementVerdict> adjudicated() {
        return Optional.ofNullable(verdict);
    }

    public boolean isResolved() {
        return verdict != null;
    }

    public String key() {
        return item.key();
    }
}
