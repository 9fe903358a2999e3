package org.labelbench.labeling;

import java.util.List;

/**
 * An annotator's current answer on an item, as shown when they come back to it: a class (or a
 * multi-label set), or a skip with its reason, plus the unsure flag, note and transcript.
 */
public record SubmittedLabel(long annotationId, String kind, List<String> classes, boolean unsure, String note,
        String transcript, String skipReason, Integer guidelineVersion) {
    public SubmittedLabel {
        classes = List.copyOf(classes);
    }

    public boolean isSkip() {
        return "skip".equals(kind);
    }

    /** True when {@code decision} would record the same answer again. */
    public boolean sameAs(LabelDecision decision, List<String> decidedClasses) {
        return !isSkip() && !decision.isSkip() && classes.equals(decidedClasses) && unsure == decision.unsure()
                && java.util.Objects.equals(blankToNull(note), blankToNull(decision.note()))
                && java.util.Objects.equals(blankToNull(transcript), blankToNull(decision.transcript()));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
