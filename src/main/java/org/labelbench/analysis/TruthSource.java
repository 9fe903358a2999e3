package org.labelbench.analysis;

import org.labelbench.project.BadValueException;

/**
 * Where the ground truth of an evaluation comes from. The default: the adjudicated label where
 * there is one, else the label most annotators gave, else (on a tie) the tie-breaker annotator's
 * label when one is named. {@code annotator:NAME}: only that annotator's labels.
 */
public record TruthSource(String onlyAnnotator, String tieBreaker) {
    public static final TruthSource DEFAULT = new TruthSource(null, null);

    /** "adjudicated" (or null, the default) or "annotator:NAME", with an optional tie-breaker. */
    public static TruthSource parse(String text, String tieBreaker) {
        if (text == null || text.isBlank() || text.equals("adjudicated")) {
            return new TruthSource(null, blankToNull(tieBreaker));
        }
        if (text.startsWith("annotator:") && text.length() > "annotator:".length()) {
            return new TruthSource(text.substring("annotator:".length()).strip(), null);
        }
        throw new BadValueException("truth", "", " takes adjudicated or annotator:NAME, not '" + text + "'");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Said with every figure, so a reader knows what "correct" meant. */
    public String describe() {
        if (onlyAnnotator != null) {
            return onlyAnnotator + "'s labels";
        }
        return "the adjudicated label, else the majority label" + (tieBreaker == null ? " (ties left out)"
                : ", else " + tieBreaker + "'s label on a tie");
    }
}
