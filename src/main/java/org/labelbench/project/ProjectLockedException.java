package org.labelbench.project;

/** Another process (or another window of this one) holds the project open for writing. */
public class ProjectLockedException extends BadInputException {
    public ProjectLockedException(String message) {
        super(message);
    }
}
