package org.labelbench.project;

/**
 * The project cannot take a change where it lies: its disk is full, it or its folder is read-only,
 * or its file was deleted or moved while open. Not the user's input, but theirs to fix, so it
 * is told like bad input: one line naming the file and the reason (the CLI exits 2). The change
 * that met it was rolled back; everything committed before it stays committed.
 */
public class ProjectUnwritableException extends BadInputException {
    public ProjectUnwritableException(String message, Throwable cause) {
        super(message, cause);
    }
}
