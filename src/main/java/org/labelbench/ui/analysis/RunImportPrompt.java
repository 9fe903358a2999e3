package org.labelbench.ui.analysis;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.labelbench.ui.AppTheme;

/** Asks for a prediction file (the platform's chooser) and the name of the run it becomes. */
final class RunImportPrompt {
    private File lastFolder;

    /** The file, then the run's name (suggested: the file's name without extension); empty if cancelled. */
    Optional<Request> ask(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import predictions");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                "Predictions (CSV or JSONL: item,label,confidence[,p_class…])", "*.csv", "*.jsonl"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        String suggested = file.getName().replaceFirst("\\.[^.]+$", "");
        TextInputDialog name = new TextInputDialog(suggested);
        if (owner != null) {
            name.initOwner(owner);
        }
        name.setTitle("Import predictions");
        name.setHeaderText("Name the run: " + file.getName() + " becomes a new prediction run, never changed later.");
        name.setContentText("Run name");
        name.getDialogPane().getStylesheets().add(AppTheme.stylesheetUrl());
        return name.showAndWait().map(text -> new Request(file.toPath(), text));
    }

    /** A file to import as run {@code name}. */
    record Request(Path file, String name) {
    }
}
