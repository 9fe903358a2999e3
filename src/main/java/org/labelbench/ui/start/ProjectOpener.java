package org.labelbench.ui.start;

import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import org.labelbench.project.ProjectSettings;

/**
 * Opens a project in the workbench window. Each call completes on the FX thread with true when
 * the project is open, false when it failed (the opener has already told the user why).
 */
public interface ProjectOpener {
    CompletionStage<Boolean> open(Path projectFile);

    /** Opens the working copy of a sample project, copying it first if there is none yet. */
    CompletionStage<Boolean> openSample(String name);

    CompletionStage<Boolean> create(Path projectFile, ProjectSettings settings);
}
