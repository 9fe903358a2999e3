package org.labelbench.ui.preview;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.labelbench.project.Item;

/** Where an item's media file is: its stored path is relative to the project's folder (or absolute). */
public final class MediaFiles {
    private final Path projectDirectory;

    public MediaFiles(Path projectDirectory) {
        this.projectDirectory = projectDirectory;
    }

    public Path file(Item item) {
        return projectDirectory.resolve(item.path()).normalize();
    }

    public String url(Item item) {
        return file(item).toUri().toString();
    }

    /** One line for a media file that cannot be shown: "File not found: …" or the decoder's reason. */
    public String problem(Item item, Throwable error) {
        Throwable innermost = error;
        // JavaFX wraps the loader's exception; the cause says whether the file is simply gone.
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileNotFoundException || cause instanceof NoSuchFileException) {
                return notFound(item);
            }
            innermost = cause;
        }
        String reason = innermost == null || innermost.getMessage() == null ? "unknown error" : innermost.getMessage();
        return "Cannot show " + file(item).getFileName() + ": " + reason;
    }

    public String notFound(Item item) {
        return "File not found: " + file(item);
    }
}
