package org.labelbench.ui.items;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.Item;

/** How item facts read in the table and the preview. */
final class ItemText {
    private ItemText() {
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.US, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024));
    }

    static String duration(Long millis) {
        return millis == null ? "" : String.format(Locale.US, "%.2f s", millis / 1000.0);
    }

    static String shape(Item item) {
        if (item.isAudio()) {
            return item.sampleRate() == null ? "" : String.format(Locale.US, "%.1f kHz · %s", item.sampleRate() / 1000.0,
                    item.channels() != null && item.channels() == 1 ? "mono" : item.channels() + " ch");
        }
        return item.width() == null ? "" : item.width() + "×" + item.height();
    }

    /** "coat ×2 · shirt": each label with how many annotators gave it, most given first. */
    static String labels(List<CurrentLabel> labels) {
        Map<String, Long> counts = labels.stream().collect(Collectors.groupingBy(CurrentLabel::label,
                LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> e.getValue() > 1 ? e.getKey() + " ×" + e.getValue() : e.getKey())
                .collect(Collectors.joining(" · "));
    }

    /** "ana: coat, ben: coat, chloe: shirt". */
    static String labelsByAnnotator(List<CurrentLabel> labels) {
        return labels.stream().map(l -> l.annotator() + ": " + l.label()).collect(Collectors.joining(", "));
    }
}
