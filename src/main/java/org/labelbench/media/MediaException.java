package org.labelbench.media;

/**
 * A file that cannot be used as media. The message is a one-line, human reason without the file
 * name (callers prepend it), e.g. "truncated PNG: no IEND chunk".
 */
public final class MediaException extends Exception {

    public MediaException(String reason) {
        super(reason == null ? "unreadable media" : reason.strip().replaceAll("\\s+", " "));
    }
}
