package org.labelbench.ui.dialogs;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportSource;

/**
 * The questions the workbench asks through native dialogs: where to save, what to open, what
 * to import. An interface so tests answer them without a native dialog ({@link NativePrompts}
 * is the real one). Empty means the user cancelled.
 */
public interface Prompts {
    /** Where to create a new project file; {@code suggestedFileName} ends with .lbproj. */
    Optional<Path> newProjectFile(Window owner, String suggestedFileName);

    /** An existing project file to open. */
    Optional<Path> projectFile(Window owner);

    /**
     * A folder (images, audio, a Labelbench export) or a file (a manifest, a Label Studio JSON
     * export) to import, with the import's options.
     */
    Optional<ImportRequest> importRequest(Window owner, ImportSource source);
}
