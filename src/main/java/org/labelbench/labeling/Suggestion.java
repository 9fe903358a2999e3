package org.labelbench.labeling;

import java.util.Locale;

/**
 * A model's suggestion for the item on screen, from the queue's suggestions run: the class it
 * predicted and its confidence (null when the run stored none). It is not a label: it becomes one
 * only when the labeler accepts it.
 */
public record Suggestion(long runId, String run, long classId, String className, Double confidence) {

    /** "Model suggests coat · 92 %" (without a confidence: "Model suggests coat"). */
    public String text() {
        return "Model suggests " + className + (confidence == null ? ""
                : String.format(Locale.ROOT, " · %.0f %%", 100 * confidence));
    }
}
