package org.labelbench.ui.label;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javafx.stage.Window;

/**
 * The small questions of the Label page, each in its own dialog: who is labeling, why skip,
 * a note, which item to jump to. An interface so tests may answer them without a window
 * ({@link LabelDialogs} is the real one). Empty means the user cancelled.
 */
public interface LabelPrompts {
    /** Name and role; {@code current} (or null the first time) is preselected. */
    Optional<Labeler> labeler(Window owner, Labeler current);

    /** A skip reason: one of {@link LabelingViewModel#SKIP_REASONS} (keys 1, 2, 3) or typed. */
    Optional<String> skipReason(Window owner);

    /** A note for the next label; blank removes it. */
    Optional<String> note(Window owner, String current);

    /**
     * The key of an item to jump to; {@code completions} gives the queue's keys starting with
     * what is typed, offered as one types.
     */
    Optional<String> itemKey(Window owner, Function<String, CompletionStage<List<String>>> completions);
}
