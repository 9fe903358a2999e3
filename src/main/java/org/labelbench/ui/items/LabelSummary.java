package org.labelbench.ui.items;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.labelbench.project.CurrentLabel;

/** The Labels column: current labels counted ("coat ×2 · shirt"), and who said what for its tooltip. */
final class LabelSummary {
    private LabelSummary() {
    }

    /** Most frequent label first, so agreement shows at a glance; ties in name order. */
    static String counts(List<CurrentLabel> labels) {
        Map<String, Long> counts = labels.stream()
                .collect(Collectors.groupingBy(CurrentLabel::label, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getValue() == 1 ? entry.getKey() : entry.getKey() + " ×" + entry.getValue())
                .collect(Collectors.joining(" · "));
    }

    /** "ana: coat, ben: coat, chloe: shirt". */
    static String byAnnotator(List<CurrentLabel> labels) {
        return labels.stream().sorted(Comparator.comparing(CurrentLabel::annotator))
                .map(label -> label.annotator() + ": " + label.label()).collect(Collectors.joining(", "));
    }
}
