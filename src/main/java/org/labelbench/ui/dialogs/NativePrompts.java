package org.labelbench.ui.dialogs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportSource;
import org.labelbench.project.ProjectStore;

/** The platform's file and folder choosers, starting where the user last was. */
public final class NativePrompts implements Prompts {
    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Labelbench projects", "*" + ProjectStore.EXTENSION);
    private Path lastFolder = Path.of(System.getProperty("user.home"));

    @Override
    public Optional<Path> newProjectFile(Window owner, String suggestedFileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Create project");
        chooser.getExtensionFilters().add(PROJECTS);
        chooser.setInitialFileName(suggestedFileName);
        startIn(chooser);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> projectFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open project");
        chooser.getExtensionFilters().add(PROJECTS);
        startIn(chooser);
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<ImportRequest> importRequest(Window owner, ImportSource source) {
        Optional<Path> chosen = switch (source) {
            case MANIFEST -> chooseFile(owner, "Import manifest", new FileChooser.ExtensionFilter(
                    "CSV or JSONL manifests", "*.csv", "*.jsonl"));
            case LABEL_STUDIO -> chooseFile(owner, "Import a Label Studio export", new FileChooser.ExtensionFilter(
                    "Label Studio JSON exports", "*.json"));
            case IMAGES -> chooseFolder(owner, "Import a folder of images");
            case AUDIO -> chooseFolder(owner, "Import a folder of audio");
            case DATASET -> chooseFolder(owner, "Import a Labelbench export (its folder)");
        };
        return chosen.flatMap(path -> new ImportOptionsDialog(owner, source, path).ask());
    }

    private Optional<Path> chooseFile(Window owner, String title, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        startIn(chooser);
        return remember(chooser.showOpenDialog(owner));
    }

    private Optional<Path> chooseFolder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (Files.isDirectory(lastFolder)) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            lastFolder = folder.toPath();
        }
        return Optional.ofNullable(folder).map(File::toPath);
    }

    private void startIn(FileChooser chooser) {
        if (Files.isDirectory(lastFolder)) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        if (path.getParent() != null) {
            lastFolder = path.getParent();
        }
        return Optional.of(path);
    }
}
