package org.labelbench.labeling;

import java.util.List;
import org.labelbench.project.LabelClass;

/**
 * What a labeler decided on the shown item: the classes (one in a single-label project, any
 * number in a multi-label one), or a skip with a reason; and optionally unsure, a note and a
 * transcript. {@code acceptsSuggestion}: the answer is the shown suggestion, accepted by its key
 * (stored with origin {@code accepted-suggestion}).
 */
public record LabelDecision(List<Long> classIds, boolean unsure, String note, String transcript, String skipReason,
        boolean acceptsSuggestion) {
    public LabelDecision {
        classIds = classIds == null ? List.of() : classIds.stream().distinct().sorted().toList();
    }

    public LabelDecision(List<Long> classIds, boolean unsure, String note, String transcript, String skipReason) {
        this(classIds, unsure, note, transcript, skipReason, false);
    }

    /** Accepting the model's suggestion of the shown item: its class, by the accept key. */
    public static LabelDecision accept(Suggestion suggestion) {
        return new LabelDecision(List.of(suggestion.classId()), false, null, null, null, true);
    }

    public static LabelDecision single(LabelClass labelClass) {
        return new LabelDecision(List.of(labelClass.id()), false, null, null, null);
    }

    public static LabelDecision multi(List<LabelClass> classes) {
        return new LabelDecision(classes.stream().map(LabelClass::id).toList(), false, null, null, null);
    }

    public static LabelDecision skip(String reason) {
        return new LabelDecision(List.of(), false, null, null, reason == null || reason.isBlank() ? "skipped" : reason);
    }

    public boolean isSkip() {
        return skipReason != null;
    }

    public LabelDecision withUnsure(boolean flag) {
        return new LabelDecision(classIds, flag, note, transcript, skipReason, acceptsSuggestion);
    }

    public LabelDecision withNote(String text) {
        return new LabelDecision(classIds, unsure, text, transcript, skipReason, acceptsSuggestion);
    }

    public LabelDecision withTranscript(String text) {
        return new LabelDecision(classIds, unsure, note, text, skipReason, acceptsSuggestion);
    }
}
