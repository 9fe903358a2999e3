package org.labelbench.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The workbench (placeholder until the shell lands). */
public final class WorkbenchApp extends Application {
    public static void launchWorkbench(Path project) {
        Application.launch(WorkbenchApp.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Labelbench");
        stage.show();
    }
}
