package org.labelbench.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportSource;
import org.labelbench.ui.dialogs.Prompts;

/** Prompts that answer what the test set up, instead of opening native dialogs. */
public final class ScriptedPrompts implements Prompts {
    public volatile Path newProjectFile;
    public volatile Path projectFile;
    public volatile ImportRequest importRequest;

    @Override
    public Optional<Path> newProjectFile(Window owner, String suggestedFileName) {
        return Optional.ofNullable(newProjectFile);
    }

    @Override
    public Optional<Path> projectFile(Window owner) {
        return Optional.ofNullable(projectFile);
    }

    @Override
    public Optional<ImportRequest> importRequest(Window owner, ImportSource source) {
        return Optional.ofNullable(importRequest).filter(request -> request.source() == source);
    }
}
