package org.labelbench.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.start.ProjectOpener;
import org.labelbench.ui.start.StartController;
import org.labelbench.ui.start.StartViewModel;

/**
 * The workbench window: the start screen, or one open project. Opening and creating run off
 * the FX thread (a migration may copy a large file first); failures become a dialog with the
 * core's one-line message, and the start screen stays.
 */
public final class Workbench implements ProjectOpener, AutoCloseable {
    static final String START_VIEW = "/org/labelbench/ui/start/StartView.fxml";
    private static final System.Logger LOG = System.getLogger(Workbench.class.getName());
    private static final double WIDTH = 1400;
    private static final double HEIGHT = 900;
    /** The smallest window every view is laid out for (LayoutFitTest checks it and 1366×768). */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;

    private final Stage stage;
    private final WorkbenchServices services;
    private final Scene scene;
    private ProjectSession session;
    private boolean closed;

    public Workbench(Stage stage, WorkbenchServices services) {
        this.stage = stage;
        this.services = services;
        services.theme().apply();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(new StackPane(), Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(AppTheme.stylesheetUrl());
        TableColumnFit.install(scene);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
    }

    public void showStartScreen() {
        StartViewModel viewModel = new StartViewModel(services.recentProjects(), services.samples(), this);
        ControllerFactory controllers = new ControllerFactory()
                .register(StartController.class, () -> new StartController(viewModel, services.prompts()));
        FxmlView<StartController> view = FxmlView.load(START_VIEW, controllers);
        stage.titleProperty().unbind();
        stage.setTitle("Labelbench");
        scene.setRoot(view.root());
    }

    @Override
    public CompletionStage<Boolean> open(Path projectFile) {
        return openWith("Cannot open " + projectFile.getFileName(), () -> ProjectStore.open(projectFile));
    }

    @Override
    public CompletionStage<Boolean> openSample(String name) {
        return openWith("Cannot open the sample " + name,
                () -> ProjectStore.open(services.samples().workingCopy(name)));
    }

    @Override
    public CompletionStage<Boolean> create(Path projectFile, ProjectSettings settings) {
        return openWith("Cannot create " + projectFile.getFileName(), () -> ProjectStore.create(projectFile, settings));
    }

    /** The open project's store, if any (tests look at it; views never do). */
    public ProjectStore openStore() {
        return session == null ? null : session.store();
    }

    private CompletionStage<Boolean> openWith(String failureTitle, Supplier<ProjectStore> opening) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        BackgroundCall.of(() -> {
            ProjectStore store = opening.get();
            try {
                return new Opened(store, ProjectOverview.of(store));
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }).onSuccess(opened -> done.complete(show(opened, failureTitle))).onFailure(failure -> {
            if (!closed) { // else the window closed while the project was opening: nobody to tell
                LOG.log(System.Logger.Level.DEBUG, failureTitle, failure);
                services.dialogs().showError(stage, failureTitle, FailureText.of(failure));
            }
            done.complete(false);
        }).runOn(services.executors());
        return done;
    }

    /** Shows the project that opened; false (and the user told why) when it cannot be. */
    private boolean show(Opened opened, String failureTitle) {
        if (closed) {
            opened.store().close(); // the window closed while the project was opening
            return false;
        }
        try {
            showProject(opened);
            // Only a project that opened is worth offering again.
            services.recentProjects().remember(opened.store().file());
            return true;
        } catch (RuntimeException e) {
            // A view that cannot be built must not leave the store open and the user without a word.
            opened.store().close();
            closeSession();
            showStartScreen();
            LOG.log(System.Logger.Level.ERROR, failureTitle, e); // a view that cannot load is a bug: keep the trace
            services.dialogs().showError(stage, failureTitle, FailureText.of(e));
            return false;
        }
    }

    private void showProject(Opened opened) {
        closeSession();
        session = new ProjectSession(opened.store(), opened.overview(), services, this::closeProject);
        stage.titleProperty().bind(session.projectName().map(name -> "Labelbench — " + name));
        scene.setRoot(session.root());
    }

    /** Back to the start screen; the store closes once the reads already queued are done. */
    public void closeProject() {
        closeSession();
        showStartScreen();
    }

    private void closeSession() {
        if (session != null) {
            session.close(failure -> {
                if (!closed) {
                    services.dialogs().showError(stage, "Cannot close the project", FailureText.of(failure));
                }
            });
            session = null;
        }
    }

    /** The window is closing: close the project now and stop the background threads. */
    @Override
    public void close() {
        closed = true;
        if (session != null) {
            session.closeNow();
            session = null;
        }
        services.close();
    }

    private record Opened(ProjectStore store, ProjectOverview overview) {
    }
}
