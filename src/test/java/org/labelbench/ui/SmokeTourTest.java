package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.SampleProjects;
import org.labelbench.ui.label.Labeler;
import org.labelbench.ui.label.LabelerFile;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * The tour CI runs through {@code ./mvnw javafx:run ... --smoke}, run here on the sample so that
 * a renamed control or a view that fails to load is caught by verify too, not only by CI.
 */
class SmokeTourTest extends ApplicationTest {
    @TempDir
    Path dir;
    private WorkbenchServices services;
    private Workbench workbench;
    private Stage stage;

    @Override
    public void start(Stage stage) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        System.setProperty("labelbench.home", home.toString());
        LabelerFile.standard().save(new Labeler("smoke", "lead"));
        this.stage = stage;
        services = WorkbenchServices.withPrompts(new ScriptedPrompts());
        workbench = new Workbench(stage, services);
        workbench.showStartScreen();
        stage.show();
    }

    @Override
    public void stop() {
        workbench.close();
    }

    @Test
    void showsEveryViewOfTheSampleWithoutAFailure() throws Exception {
        Path copy = new SampleProjects(List.of(Path.of("sample-projects")), dir).copyInto("fashion-mnist", dir);
        Path shots = dir.resolve("shots");
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        int code = tour(copy, shots, report);

        String printed = report.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("smoke: ok");
        assertThat(code).as(printed).isZero();
        for (String view : List.of("start", "items", "items-grid", "label", "labeling", "agreement", "disagreements",
                "guidelines", "schema", "error-analysis", "slices-and-runs", "precision-recall", "automation-ladder")) {
            assertThat(printed).contains("smoke: " + view + " shown");
            assertThat(shots.resolve(view + ".png")).isNotEmptyFile();
        }
    }

    @Test
    void failsWhenTheProjectDoesNotOpen() throws Exception {
        Path notAProject = Files.writeString(dir.resolve("notes.lbproj"), "not a project");
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        int code = tour(notAProject, null, report);

        assertThat(code).isEqualTo(1);
        assertThat(report.toString(StandardCharsets.UTF_8))
                .contains("smoke: FAILED error dialog: Cannot open notes.lbproj: ")
                .contains("not a Labelbench project")
                .contains("smoke: FAILED the project did not open");
    }

    private int tour(Path project, Path shots, ByteArrayOutputStream report) throws Exception {
        PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            SmokeTour tour = new SmokeTour(workbench, stage, services.executors(), shots, out);
            services.dialogs().watchErrors(tour::errorShown);
            tour.run(project).whenComplete((code, error) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                } else {
                    done.complete(code);
                }
            });
        });
        return done.get(3, TimeUnit.MINUTES);
    }
}
