package org.labelbench.media;

/** A file that cannot be used as media; the message is a one-line reason without the file name. */
public class MediaException extends Exception {
    public MediaException(String reason) {
        super(reason);
    }
}
