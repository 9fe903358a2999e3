package org.labelbench.project;

/** The database failed in a way the user cannot fix by changing their input (disk full, bug). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
