package org.labelbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The taggings' undo and redo history: order, redo cleared by a new edit, the cap, refusals put back. */
class TagHistoryTest {
    private static TagEdit edit(int n) {
        return new TagEdit("t" + n, true, List.of("k" + n), List.of((long) n));
    }

    @Test
    void undoesNewestFirstAndRedoesInTheOrderUndone() {
        TagHistory history = new TagHistory();
        history.done(edit(1));
        history.done(edit(2));

        TagEdit second = history.takeUndo().orElseThrow();
        history.undoApplied(second);
        TagEdit first = history.takeUndo().orElseThrow();
        history.undoApplied(first);

        assertThat(second).isEqualTo(edit(2));
        assertThat(first).isEqualTo(edit(1));
        assertThat(history.canUndo()).isFalse();
        assertThat(history.takeUndo()).isEmpty();
        TagEdit redone = history.takeRedo().orElseThrow();
        assertThat(redone).isEqualTo(edit(1));
        history.redoApplied(redone);
        assertThat(history.canRedo()).isTrue(); // edit 2 is still undone
        assertThat(history.takeUndo()).contains(edit(1));
    }

    @Test
    void aNewEditClearsWhatCouldBeRedone() {
        TagHistory history = new TagHistory();
        history.done(edit(1));
        history.undoApplied(history.takeUndo().orElseThrow());
        assertThat(history.canRedo()).isTrue();

        history.done(edit(2));

        assertThat(history.canRedo()).isFalse();
        assertThat(history.takeRedo()).isEmpty();
        assertThat(history.takeUndo()).contains(edit(2));
    }

    @Test
    void keepsOnlyTheNewestEditsPastTheCap() {
        TagHistory history = new TagHistory();
        for (int i = 1; i <= TagHistory.CAP + 5; i++) {
            history.done(edit(i));
        }

        assertThat(history.undoable()).isEqualTo(TagHistory.CAP);
        TagEdit last = null;
        while (history.canUndo()) {
            last = history.takeUndo().orElseThrow();
        }
        assertThat(last).isEqualTo(edit(6)); // edits 1 to 5 were dropped, oldest first
    }

    @Test
    void aRefusedUndoOrRedoIsNextAgain() {
        TagHistory history = new TagHistory(2);
        history.done(edit(1));
        TagEdit taken = history.takeUndo().orElseThrow();
        assertThat(history.canUndo()).isFalse();
        history.undoFailed(taken);
        assertThat(history.takeUndo()).contains(edit(1));
        history.undoApplied(edit(1));
        TagEdit redo = history.takeRedo().orElseThrow();
        history.redoFailed(redo);
        assertThat(history.takeRedo()).contains(edit(1));
    }
}
