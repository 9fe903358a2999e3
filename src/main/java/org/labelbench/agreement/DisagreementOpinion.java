package org.labelbench.agreement;

import java.time.Instant;

/**
 * One annotator's current label on a contested item, with what they recorded beside it: the
 * unsure flag, a note, the time spent on the item (null for imported labels), the guideline
 * version it was made under, when it was made, and its origin (human, import, accepted-suggestion).
 */
public record DisagreementOpinion(String annotator, String label, boolean unsure, String note, Long durationMs,
        Integer guidelineVersion, Instant submitted, String origin) {
}
