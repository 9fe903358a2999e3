package org.labelbench.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application and the UI's composition root: builds the services once and the
 * window around them. {@code org.labelbench.Main} starts it through {@link #launchWorkbench}.
 */
public final class WorkbenchApp extends Application {
    private Workbench workbench;

    /** Opens the workbench (on {@code projectOrNull}, else the start screen); blocks until its window closes. */
    public static void launchWorkbench(Path projectOrNull) {
        // The project travels as a launch argument: Application.launch takes no objects, and a
        // static field would be the kind of global state the design rules out.
        String[] args = projectOrNull == null ? new String[0] : new String[] {projectOrNull.toString()};
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        workbench = new Workbench(stage, WorkbenchServices.standard());
        workbench.showStartScreen();
        stage.show();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            workbench.open(Path.of(args.get(0))); // a failure leaves the start screen, with a dialog
        }
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
