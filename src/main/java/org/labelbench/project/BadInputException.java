package org.labelbench.project;

/**
 * Input the user can fix: a missing file, a malformed row, an unknown class. The message is one
 * line that names the file (or value) and the reason; the CLI prints it and exits 2, the UI shows
 * it in a dialog. Whatever raised it has changed nothing.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
