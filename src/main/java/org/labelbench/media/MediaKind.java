package org.labelbench.media;

/** The two kinds of media a project holds. */
public enum MediaKind {
    IMAGE, AUDIO
}
