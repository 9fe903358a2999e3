package org.labelbench.labeling;

import java.util.List;
import org.labelbench.project.LabelClass;

/**
 * What a labeler decided on the shown item: the classes (one in a single-label project, any
 * number in a multi-label one), or a skip with a reason; and optionally unsure, a note and a
 * transcript.
 */
public record LabelDecision(List<Long> classIds, boolean unsure, String note, String transcript, String skipReason) {
    public LabelDecision {
        classIds = classIds == null ? List.of() : classIds.stream().distinct().sorted().toList();
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
        return new LabelDecision(classIds, flag, note, transcript, skipReason);
    }

    public LabelDecision withNote(String text) {
        return new LabelDecision(classIds, unsure, text, transcript, skipReason);
    }

    public LabelDecision withTranscript(String text) {
        return new LabelDecision(classIds, unsure, note, text, skipReason);
    }
}
