package org.labelbench.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.labelbench.project.ProjectStore;

/** The platform's file dialogs. */
final class NativeFileChoosers implements FileChoosers {
    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Labelbench projects", "*" + ProjectStore.EXTENSION);

    @Override
    public Optional<Path> newProjectFile(Window owner, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Create project");
        chooser.getExtensionFilters().add(PROJECTS);
        chooser.setInitialFileName(suggestedName + ProjectStore.EXTENSION);
        return path(chooser.showSaveDialog(owner)).map(p -> p.toString().endsWith(ProjectStore.EXTENSION) ? p
                : p.resolveSibling(p.getFileName() + ProjectStore.EXTENSION));
    }

    @Override
    public Optional<Path> existingProject(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open project");
        chooser.getExtensionFilters().add(PROJECTS);
        return path(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> folder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return path(chooser.showDialog(owner));
    }

    @Override
    public Optional<Path> manifest(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import manifest");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Manifests", "*.csv", "*.jsonl"));
        return path(chooser.showOpenDialog(owner));
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }
}
