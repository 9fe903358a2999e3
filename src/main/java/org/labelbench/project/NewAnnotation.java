package org.labelbench.project;

import java.time.Instant;

/** An annotation about to be appended. {@code labelClass} is set for kind {@code class}. */
public record NewAnnotation(long item, long annotator, String kind, Long labelClass, String value,
        Integer guidelineVersion, String origin, Instant started, Instant submitted, Long durationMs) {

    public static NewAnnotation classLabel(long item, long annotator, long labelClass, Integer guidelineVersion,
            String origin, Instant submitted) {
        return new NewAnnotation(item, annotator, "class", labelClass, null, guidelineVersion, origin, null,
                submitted, null);
    }
}
