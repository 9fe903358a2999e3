package org.labelbench.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.labelbench.agreement.Ratings;
import org.labelbench.analysis.ClassificationMetrics;
import org.labelbench.analysis.GroundTruth;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.ui.DisplayFormats;

/** The Error analysis view's one-line summaries: the run's headline, how the truth was decided, the row count. */
final class AnalysisText {
    private AnalysisText() {
    }

    /** "Accuracy 86.3% · macro F1 0.859 · 2,700 of 3,000 predicted items have a ground truth". */
    static String headline(RunEvaluation evaluation) {
        ClassificationMetrics metrics = ClassificationMetrics.of(evaluation.truthCodes(), evaluation.predicted(),
                evaluation.classes());
        long predicted = evaluation.itemIds().length;
        String coverage = DisplayFormats.count(metrics.items()) + " of "
                + DisplayFormats.count(predicted, "predicted item", "predicted items")
                + (metrics.items() == 1 ? " has" : " have") + " a ground truth";
        if (!metrics.accuracy().isAvailable()) {
            return "Accuracy n/a: " + metrics.accuracy().unavailableReason() + " · " + coverage;
        }
        return String.format(Locale.ROOT, "Accuracy %.1f%% · macro F1 %.3f · %s", 100 * metrics.accuracy().value(),
                metrics.macro().f1().value(), coverage);
    }

    /** How the truth was decided: "812 adjudicated · 2,600 by majority · 88 ties left out". */
    static String truthSummary(GroundTruth truth) {
        if (truth.source().onlyAnnotator() != null) {
            return DisplayFormats.count(truth.itemIds().length, "item", "items") + " labeled by "
                    + truth.source().onlyAnnotator();
        }
        List<String> parts = new ArrayList<>();
        parts.add(DisplayFormats.count(truth.adjudicated()) + " adjudicated");
        parts.add(DisplayFormats.count(truth.majority()) + " by majority");
        if (truth.source().tieBreaker() != null) {
            parts.add(DisplayFormats.count(truth.tieBroken()) + " by " + truth.source().tieBreaker() + " on a tie");
        }
        parts.add(DisplayFormats.count(truth.ties()) + (truth.ties() == 1 ? " tie" : " ties") + " left out");
        return String.join(" · ", parts);
    }

    /**
     * "412 errors of 3,000 predicted items", after the rows shown when a filter or all items are
     * shown: "37 errors tagged 'blurry' · 412 errors of 3,000 predicted items".
     */
    static String count(RunEvaluation evaluation, int rows, boolean onlyErrors, SheetFilter filter) {
        long predicted = evaluation.itemIds().length;
        long errors = 0;
        for (int i = 0; i < evaluation.truthCodes().length; i++) {
            int t = evaluation.truthCodes()[i];
            if (t != Ratings.MISSING && t != evaluation.predicted()[i]) {
                errors++;
            }
        }
        String all = DisplayFormats.count(errors, "error", "errors") + " of " + DisplayFormats.count(predicted,
                "predicted item", "predicted items");
        String shown = switch (filter.kind()) {
            case ALL -> onlyErrors ? null : DisplayFormats.count(rows, "predicted item", "predicted items");
            case UNTAGGED -> DisplayFormats.count(rows) + " untagged " + (onlyErrors
                    ? (rows == 1 ? "error" : "errors") : (rows == 1 ? "item" : "items"));
            case TAG -> DisplayFormats.count(rows, onlyErrors ? "error" : "item", onlyErrors ? "errors" : "items")
                    + " tagged '" + filter.tag() + "'";
        };
        return shown == null ? all : shown + " · " + all;
    }
}
