package org.labelbench.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.labelbench.project.SampleProjects;
import org.labelbench.ui.label.Labeler;
import org.labelbench.ui.label.LabelerFile;

/**
 * The JavaFX application and the UI's composition root: builds the services once and the
 * window around them. {@code org.labelbench.Main} starts it through {@link #launchWorkbench}
 * or {@link #smokeTour}.
 */
public final class WorkbenchApp extends Application {
    private static final String SMOKE = "--smoke";
    /** The smoke tour's exit code: Application.launch returns nothing, so the instance leaves it here. */
    private static final AtomicInteger SMOKE_EXIT = new AtomicInteger(1);

    private Workbench workbench;

    /** Opens the workbench (on {@code projectOrNull}, else the start screen); blocks until its window closes. */
    public static void launchWorkbench(Path projectOrNull) {
        // The project travels as a launch argument: Application.launch takes no objects, and a
        // static field would be the kind of global state the design rules out.
        String[] args = projectOrNull == null ? new String[0] : new String[] {projectOrNull.toString()};
        Application.launch(WorkbenchApp.class, args);
    }

    /**
     * Opens {@code project}, shows every view once ({@link SmokeTour}) and exits; returns 0 when
     * nothing failed. Recent projects, the theme and the labeler ("smoke", a lead) live in a
     * temporary data folder for the run, so the user's own are never touched.
     */
    public static int smokeTour(Path project, Path screenshotsOrNull) {
        Path home;
        try {
            home = Files.createTempDirectory("labelbench-smoke-home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String previousHome = System.getProperty("labelbench.home");
        System.setProperty("labelbench.home", home.toString());
        try {
            LabelerFile.standard().save(new Labeler("smoke", "lead"));
            Application.launch(WorkbenchApp.class, SMOKE, project.toString(),
                    screenshotsOrNull == null ? "" : screenshotsOrNull.toString());
            return SMOKE_EXIT.get();
        } finally {
            if (previousHome == null) {
                System.clearProperty("labelbench.home");
            } else {
                System.setProperty("labelbench.home", previousHome);
            }
            try {
                SampleProjects.deleteTree(home);
            } catch (IOException ignored) {
                // a temporary folder; the OS cleans it up
            }
        }
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        WorkbenchServices services = WorkbenchServices.standard();
        workbench = new Workbench(stage, services);
        workbench.showStartScreen();
        stage.show();
        if (!args.isEmpty() && args.get(0).equals(SMOKE)) {
            Path screenshots = args.size() > 2 && !args.get(2).isEmpty() ? Path.of(args.get(2)) : null;
            SmokeTour tour = new SmokeTour(workbench, stage, services.executors(), screenshots, System.err);
            tour.listen();
            services.dialogs().watchErrors(tour::errorShown);
            tour.run(Path.of(args.get(1))).whenComplete((code, error) -> {
                SMOKE_EXIT.set(error == null ? code : 1);
                Platform.exit();
            });
            return;
        }
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
