package org.labelbench.ui;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.labelbench.ingest.ImportService;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.RecentProjects;
import org.labelbench.project.SampleProjects;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.shell.ShellController;
import org.labelbench.ui.shell.ShellViewModel;
import org.labelbench.ui.start.StartController;
import org.labelbench.ui.start.StartViewModel;

/**
 * The UI's composition root: builds the services once and switches the window between the
 * start screen and an open project. Tests build one with their own file choosers.
 */
public final class Workbench {
    private static final String CSS = "/org/labelbench/ui/workbench.css";

    private final Stage stage;
    private final FileChoosers fileChoosers;
    private final RecentProjects recent;
    private final SampleProjects samples;
    private final Theme theme = new Theme();
    private final JobRunner jobs = new JobRunner();
    private final ImportService imports = new ImportService();
    private ProjectStore openStore;
    private ShellController shell;

    public Workbench(Stage stage, FileChoosers fileChoosers, RecentProjects recent, SampleProjects samples) {
        this.stage = stage;
        this.fileChoosers = fileChoosers;
        this.recent = recent;
        this.samples = samples;
        theme.apply();
        stage.setOnHidden(e -> closeProject());
    }

    public void showStart() {
        closeProject();
        StartViewModel viewModel = new StartViewModel(recent, samples);
        ViewLoader.Loaded<StartController> view = ViewLoader.load("/org/labelbench/ui/start/StartView.fxml",
                StartController.class, () -> new StartController(viewModel, fileChoosers, this::showProject));
        show(view.root(), "Labelbench");
    }

    /** Opens {@code project} in the main window; on failure, a dialog and the start screen. */
    public void openProject(Path project) {
        try {
            showProject(ProjectStore.open(project));
        } catch (RuntimeException e) {
            if (stage.getScene() == null) {
                showStart();
            }
            Dialogs.error(stage, "Cannot open " + project.getFileName(), Dialogs.reason(e));
        }
    }

    private void showProject(ProjectStore store) {
        closeProject();
        openStore = store;
        recent.remember(store.file());
        ShellViewModel viewModel = new ShellViewModel(store, jobs, imports);
        ViewLoader.Loaded<ShellController> view = ViewLoader.load("/org/labelbench/ui/shell/ShellView.fxml",
                ShellController.class, () -> new ShellController(viewModel, fileChoosers, theme, this::showStart));
        shell = view.controller();
        show(view.root(), "Labelbench — " + viewModel.projectNameProperty().get());
    }

    private void show(javafx.scene.Parent root, String title) {
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root, 1440, 900);
            scene.getStylesheets().add(getClass().getResource(CSS).toExternalForm());
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
        stage.setTitle(title);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
    }

    private void closeProject() {
        if (shell != null) {
            shell.dispose();
            shell = null;
        }
        if (openStore != null) {
            jobs.cancel();
            openStore.close();
            openStore = null;
        }
    }

    public void shutdown() {
        closeProject();
        jobs.shutdown();
    }
}
