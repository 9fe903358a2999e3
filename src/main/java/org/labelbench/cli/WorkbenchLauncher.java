package org.labelbench.cli;

import java.nio.file.Path;

/**
 * Opens the workbench window. The command line names this need; the composition root
 * ({@code org.labelbench.Main}) supplies the JavaFX implementation, so cli never imports ui.
 */
@FunctionalInterface
public interface WorkbenchLauncher {
    /** Blocks until the window is closed. {@code project} may be null: the start screen. */
    void open(Path project);
}
