package org.labelbench.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** The native file dialogs the workbench opens; tests supply their own answers. */
public interface FileChoosers {
    Optional<Path> newProjectFile(Window owner, String suggestedName);

    Optional<Path> existingProject(Window owner);

    Optional<Path> folder(Window owner, String title);

    Optional<Path> manifest(Window owner);
}
