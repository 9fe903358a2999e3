package org.labelbench.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.labelbench.project.RecentProjects;
import org.labelbench.project.SampleProjects;

/** The JavaFX application: a window with the start screen, or straight on a project. */
public final class WorkbenchApp extends Application {
    /** Handed from the launcher to the FX thread: Application.launch takes no objects. */
    private static volatile Path initialProject;
    private Workbench workbench;

    /** Opens the workbench and blocks until its window closes. */
    public static void launchWorkbench(Path project) {
        initialProject = project;
        Application.launch(WorkbenchApp.class);
    }

    @Override
    public void start(Stage stage) {
        workbench = new Workbench(stage, new NativeFileChoosers(), RecentProjects.standard(),
                SampleProjects.standard());
        if (initialProject == null) {
            workbench.showStart();
        } else {
            workbench.openProject(initialProject);
        }
        stage.show();
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.shutdown();
        }
    }
}
