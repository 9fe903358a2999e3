package org.labelbench.dataset.export;

/** What an export does with the media files. */
public enum MediaMode {
    /** Writes the absolute paths of the project's files; copies nothing. */
    PATHS("paths"),
    /** Copies every file into the export folder. */
    COPY("copy"),
    /** Hard-links every file into the export folder, copying where the file system refuses a link. */
    LINK("link");

    private final String id;

    MediaMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
