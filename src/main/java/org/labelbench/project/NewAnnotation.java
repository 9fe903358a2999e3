package org.labelbench.project;

import java.time.Instant;
import java.util.List;

/**
 * An annotation about to be appended. {@code labelClass} is set for kind {@code class};
 * {@code classes} holds the set of a {@code multi} annotation (empty: none apply).
 * {@code predictionRun}: the prediction run whose suggestion was on screen when the answer was
 * given (accepted or not), else null.
 */
public record NewAnnotation(long item, long annotator, String kind, Long labelClass, String value,
        Integer guidelineVersion, String origin, Instant started, Instant submitted, Long durationMs,
        boolean unsure, String note, String transcript, List<Long> classes, Long supersedes, Long predictionRun) {

    public NewAnnotation {
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    /** An annotation given with no suggestion on screen. */
    public NewAnnotation(long item, long annotator, String kind, Long labelClass, String value,
            Integer guidelineVersion, String origin, Instant started, Instant submitted, Long durationMs,
            boolean unsure, String note, String transcript, List<Long> classes, Long supersedes) {
        this(item, annotator, kind, labelClass, value, guidelineVersion, origin, started, submitted, durationMs, unsure,
                note, transcript, classes, supersedes, null);
    }

    public static NewAnnotation classLabel(long item, long annotator, long labelClass, Integer guidelineVersion,
            String origin, Instant submitted) {
        return new NewAnnotation(item, annotator, "class", labelClass, null, guidelineVersion, origin, null,
                submitted, null, false, null, null, List.of(), null);
    }
}
