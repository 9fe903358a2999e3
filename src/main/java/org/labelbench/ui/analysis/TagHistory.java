package org.labelbench.ui.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The taggings that can be undone and redone, as Scene Builder's JobManager keeps its jobs: a
 * new edit clears what was undone, and past {@link #CAP} edits the oldest is forgotten, so a long
 * session does not keep every tagging in memory. Toolkit-free; the caller keeps it on one thread.
 *
 * <p>An edit is taken off its stack when the undo (redo) is asked for, so a second Ctrl+Z
 * undoes the one before even while the first is still on its way to the store; the caller puts
 * it back with {@link #undoFailed} ({@link #redoFailed}) when the store refused it.
 */
final class TagHistory {
    static final int CAP = 100;

    private final int cap;
    private final Deque<TagEdit> past = new ArrayDeque<>();
    private final Deque<TagEdit> undone = new ArrayDeque<>();

    TagHistory() {
        this(CAP);
    }

    TagHistory(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("a history keeps at least one edit");
        }
        this.cap = cap;
    }

    /** A new edit was made: it is the next to undo, and nothing undone can be redone after it. */
    void done(TagEdit edit) {
        undone.clear();
        remember(edit);
    }

    /** The edit to undo next, taken off the history; empty when there is none. */
    Optional<TagEdit> takeUndo() {
        return Optional.ofNullable(past.poll());
    }

    /** The undo of {@code edit} reached the store: it can be redone. */
    void undoApplied(TagEdit edit) {
        undone.push(edit);
    }

    /** The undo of {@code edit} was refused: it is still the next to undo. */
    void undoFailed(TagEdit edit) {
        remember(edit);
    }

    /** The edit to redo next, taken off the history; empty when there is none. */
    Optional<TagEdit> takeRedo() {
        return Optional.ofNullable(undone.poll());
    }

    /** The redo of {@code edit} reached the store: it can be undone again (what else was undone stays redoable). */
    void redoApplied(TagEdit edit) {
        remember(edit);
    }

    /** The redo of {@code edit} was refused: it is still the next to redo. */
    void redoFailed(TagEdit edit) {
        undone.push(edit);
    }

    boolean canUndo() {
        return !past.isEmpty();
    }

    boolean canRedo() {
        return !undone.isEmpty();
    }

    int undoable() {
        return past.size();
    }

    private void remember(TagEdit edit) {
        past.push(edit);
        if (past.size() > cap) {
            past.removeLast();
        }
    }
}
