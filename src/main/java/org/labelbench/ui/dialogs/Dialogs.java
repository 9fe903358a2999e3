package org.labelbench.ui.dialogs;

import java.util.function.BiConsumer;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.labelbench.ingest.ImportReport;

/**
 * Messages to the user in their own window. They are shown without blocking the caller, so a
 * job's completion handler never waits on the user and tests can find and close them.
 */
public final class Dialogs {
    private volatile BiConsumer<String, String> errorWatcher = (title, message) -> { };

    /** Tells {@code watcher} the title and message of every error shown from now on (the smoke tour counts them). */
    public void watchErrors(BiConsumer<String, String> watcher) {
        this.errorWatcher = watcher;
    }

    /** An error the user can act on: the core's one-line message, as it is. */
    public void showError(Window owner, String title, String message) {
        errorWatcher.accept(title, message);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.getDialogPane().getStyleClass().add("error-dialog");
        alert.show();
    }

    /** What an import did, with every skipped and duplicate file and the reason. */
    public void showImportReport(Window owner, ImportReport report) {
        new ImportReportDialog(owner, report).show();
    }
}
