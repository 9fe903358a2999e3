package org.labelbench.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.labelbench.ui.dialogs.FailureText;

/**
 * {@code open-sample NAME --smoke}: opens the project as a user would, shows every view once
 * (with the labeling screen of the first queue and the Slices and runs window), waits for what
 * each reads in the background, and fails on anything that went wrong on the way: an uncaught
 * exception on any thread, an error dialog, a severe log record, or a view still loading after
 * a minute. It is how CI knows that the README's first command opens a working workbench.
 */
final class SmokeTour {
    /** The sidebar's entries in order, by their fx:id, with the name printed for each. */
    private static final List<String[]> PAGES = List.of(new String[] {"itemsNav", "items"},
            new String[] {"labelNav", "label"}, new String[] {"agreementNav", "agreement"},
            new String[] {"disagreementsNav", "disagreements"}, new String[] {"guidelinesNav", "guidelines"},
            new String[] {"schemaNav", "schema"}, new String[] {"analysisNav", "error-analysis"},
            new String[] {"modelNav", "model"},
            new String[] {"ladderNav", "automation-ladder"}, new String[] {"datasetsNav", "datasets"});
    private static final long SETTLE_LIMIT_MS = TimeUnit.SECONDS.toMillis(60);
    private static final double QUIET_MS = 400;

    private final Workbench workbench;
    private final Stage stage;
    private final UiExecutors executors;
    private final Path screenshots;
    private final PrintStream report;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    SmokeTour(Workbench workbench, Stage stage, UiExecutors executors, Path screenshotsOrNull, PrintStream report) {
        this.workbench = workbench;
        this.stage = stage;
        this.executors = executors;
        this.screenshots = screenshotsOrNull;
        this.report = report;
    }

    /** Records an error the workbench showed the user (the services' dialogs report here). */
    void errorShown(String title, String message) {
        failures.add("error dialog: " + title + ": " + message);
    }

    /** Listens for failures from now on: uncaught exceptions and severe or JavaFX warning logs. */
    void listen() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                failures.add("uncaught on " + thread.getName() + ": " + error + " (" + FailureText.of(error) + ")"));
        Logger root = LogManager.getLogManager().getLogger("");
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                boolean severe = record.getLevel().intValue() >= Level.SEVERE.intValue();
                boolean fxWarning = record.getLevel().intValue() >= Level.WARNING.intValue()
                        && record.getLoggerName() != null && record.getLoggerName().startsWith("javafx");
                if (severe || fxWarning) {
                    failures.add("log " + record.getLevel() + " " + record.getLoggerName() + ": "
                            + record.getMessage() + (record.getThrown() == null ? ""
                                    : " (" + FailureText.of(record.getThrown()) + ")"));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    /** Runs the tour on the FX thread; completes with the exit code (0 when nothing failed). */
    CompletableFuture<Integer> run(Path project) {
        long started = System.nanoTime();
        shoot(stage.getScene(), "start");
        return workbench.open(project).toCompletableFuture().thenCompose(opened -> {
            if (!opened) {
                failures.add("the project did not open: " + project);
                return CompletableFuture.completedFuture(null);
            }
            String title = stage.getTitle();
            if (title == null || !title.startsWith("Labelbench — ")) {
                failures.add("the window's title does not name the project: '" + title + "'");
            }
            CompletableFuture<Void> tour = settle("open");
            for (String[] page : PAGES) {
                tour = tour.thenCompose(ignored -> visit(page[0], page[1]));
                if (page[0].equals("itemsNav")) {
                    tour = tour.thenCompose(ignored -> itemsGrid());
                }
                if (page[0].equals("labelNav")) {
                    tour = tour.thenCompose(ignored -> labelFirstQueue());
                }
                if (page[0].equals("analysisNav")) {
                    tour = tour.thenCompose(ignored -> slicesAndRuns());
                }
                if (page[0].equals("datasetsNav")) {
                    tour = tour.thenCompose(ignored -> datasetVersions());
                }
            }
            return tour;
        }).handle((done, error) -> {
            if (error != null) {
                failures.add("the tour stopped: " + FailureText.of(error));
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            synchronized (failures) {
                failures.forEach(failure -> report.println("smoke: FAILED " + failure));
            }
            report.println("smoke: " + (failures.isEmpty() ? "ok" : failures.size() + " failure(s)") + " in " + ms
                    + " ms");
            report.flush();
            return failures.isEmpty() ? 0 : 1;
        });
    }

    private CompletableFuture<Void> visit(String navId, String name) {
        ToggleButton entry = (ToggleButton) require(stage.getScene(), navId);
        entry.fire();
        return settle(name).thenRun(() -> shoot(stage.getScene(), name));
    }

    /** The Items view's thumbnail grid, then back to the table. */
    private CompletableFuture<Void> itemsGrid() {
        Scene scene = stage.getScene();
        ((ToggleButton) require(scene, "gridModeButton")).fire();
        return settle("items-grid").thenRun(() -> {
            shoot(scene, "items-grid");
            ((ToggleButton) require(scene, "tableModeButton")).fire();
        });
    }

    /** The Label page's first queue, opened with Start labeling, then back to the queues with Escape's button. */
    private CompletableFuture<Void> labelFirstQueue() {
        Scene scene = stage.getScene();
        TableView<?> queues = (TableView<?>) require(scene, "queueTable");
        if (queues.getItems().isEmpty()) {
            failures.add("the Label page lists no queue");
            return CompletableFuture.completedFuture(null);
        }
        queues.getSelectionModel().select(0);
        ((Button) require(scene, "startButton")).fire();
        return settle("labeling").thenRun(() -> {
            Node labeling = scene.getRoot().lookup(".labeling-view");
            if (labeling == null || !labeling.isVisible()) {
                failures.add("Start labeling did not show the labeling screen");
            }
            shoot(scene, "labeling");
            ((Button) require(scene, "backToQueuesButton")).fire();
        }).thenCompose(ignored -> settle("back to queues"));
    }

    /** The Datasets view's Versions tab, then back to its Splits tab. */
    private CompletableFuture<Void> datasetVersions() {
        TabPane tabs = (TabPane) require(stage.getScene(), "datasetsTabs");
        tabs.getSelectionModel().select(1);
        return settle("datasets-versions").thenRun(() -> {
            shoot(stage.getScene(), "datasets-versions");
            tabs.getSelectionModel().select(0);
        });
    }

    private CompletableFuture<Void> slicesAndRuns() {
        List<Window> before = List.copyOf(Window.getWindows());
        ((Button) require(stage.getScene(), "slicesAndRunsButton")).fire();
        return settle("slices-and-runs").thenRun(() -> {
            Window opened = Window.getWindows().stream().filter(w -> !before.contains(w) && w.isShowing()).findFirst()
                    .orElse(null);
            if (opened == null) {
                failures.add("Slices and runs… opened no window");
                return;
            }
            shoot(opened.getScene(), "slices-and-runs");
            TabPane tabs = (TabPane) opened.getScene().getRoot().lookup(".tab-pane");
            if (tabs == null) {
                failures.add("Slices and runs… shows no tabs");
                return;
            }
            tabs.getSelectionModel().selectLast(); // precision / recall
        }).thenCompose(ignored -> settle("precision-recall")).thenRun(() -> {
            Window opened = Window.getWindows().stream().filter(w -> !before.contains(w) && w.isShowing()).findFirst()
                    .orElse(null);
            if (opened != null) {
                shoot(opened.getScene(), "precision-recall");
                if (opened instanceof Stage window) {
                    window.close();
                }
            }
        });
    }

    /**
     * Waits until the view is quiet: the reads queue has drained and no progress indicator is
     * showing, for a short while in a row; a view still busy after a minute is a failure.
     */
    private CompletableFuture<Void> settle(String what) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        long deadline = System.currentTimeMillis() + SETTLE_LIMIT_MS;
        settleStep(what, deadline, 0, settled);
        return settled;
    }

    private void settleStep(String what, long deadline, int quietRounds, CompletableFuture<Void> settled) {
        CompletableFuture.runAsync(() -> { }, executors.reads()).thenRunAsync(() -> {
            boolean busy = Window.getWindows().stream().filter(Window::isShowing)
                    .anyMatch(window -> window.getScene() != null && isBusy(window.getScene().getRoot()));
            int quiet = busy ? 0 : quietRounds + 1;
            if (quiet >= 3) {
                settled.complete(null);
            } else if (System.currentTimeMillis() > deadline) {
                failures.add(what + ": still loading after " + SETTLE_LIMIT_MS / 1000 + " s");
                settled.complete(null);
            } else {
                PauseTransition pause = new PauseTransition(Duration.millis(QUIET_MS));
                pause.setOnFinished(event -> settleStep(what, deadline, quiet, settled));
                pause.play();
            }
        }, Platform::runLater);
    }

    private static boolean isBusy(Node node) {
        if (!node.isVisible()) {
            return false;
        }
        if (node instanceof ProgressIndicator spinner && spinner.isIndeterminate()
                && !spinner.getStyleClass().contains("progress-bar")) {
            return true;
        }
        return node instanceof Parent parent && parent.getChildrenUnmodifiable().stream().anyMatch(SmokeTour::isBusy);
    }

    private void shoot(Scene scene, String name) {
        report.println("smoke: " + name + " shown");
        if (screenshots == null || scene == null) {
            return;
        }
        try {
            Files.createDirectories(screenshots);
            ScenePng.write(scene, screenshots.resolve(name + ".png"));
        } catch (IOException | RuntimeException e) {
            failures.add("screenshot of " + name + ": " + FailureText.of(e));
        }
    }

    private Node require(Scene scene, String id) {
        Node node = scene.lookup("#" + id);
        if (node == null) {
            throw new IllegalStateException("no #" + id + " in the window");
        }
        return node;
    }
}
