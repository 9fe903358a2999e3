package org.labelbench.cli;

import java.nio.file.Path;

/**
 * Opens the workbench window. The command line names this need; the composition root
 * ({@code org.labelbench.Main}) supplies the JavaFX implementation, so cli never imports ui.
 */
public interface WorkbenchLauncher {
    /** Blocks until the window is closed. {@code project} may be null: the start screen. */
    void open(Path project);

    /**
     * Opens {@code project}, shows every view once and closes; returns 0 when nothing failed.
     * {@code screenshots}, if not null, receives a PNG of each view.
     */
    default int smokeTour(Path project, Path screenshots) {
        throw new UnsupportedOperationException("this launcher has no smoke tour");
    }
}
