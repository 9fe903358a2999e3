package org.labelbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pictures of docs/datasets.md, taken on a copy of the Fashion-MNIST sample at 1366×768: a
 * split made from the form, two versions (all; split:train) with the second's lineage, and their
 * diff. Not a check: it runs only with {@code -Dlabelbench.screenshots=DIR} and writes PNGs there.
 */
@EnabledIfSystemProperty(named = "labelbench.screenshots", matches = ".+")
class DatasetsScreenshots extends WorkbenchTestBase {

    @Test
    void datasetsViewOnTheSample() throws Exception {
        Path out = Path.of(System.getProperty("labelbench.screenshots"));
        Files.createDirectories(out);
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        Platform.runLater(() -> workbench.openSample("fashion-mnist"));
        waitForMainWindow();
        clickOn("#datasetsNav");
        waitUntil(() -> text("#splitsMessage").startsWith("No split yet"));
        clickOn("#makeSplitButton");
        waitUntil(() -> !text("#countsLine").isEmpty() && text("#leakageLine").startsWith("No leakage"));
        shoot(out.resolve("datasets-splits.png"));

        clickOn("Versions");
        createVersion("v1", "the first split", null);
        waitUntil(() -> rows() == 1 && text("#versionTitle").startsWith("Version v1"));
        createVersion("v1-train", "the training split only", "split:train");
        waitUntil(() -> rows() == 2 && text("#versionTitle").startsWith("Version v1-train"));
        shoot(out.resolve("datasets-versions.png"));

        push(KeyCode.SHIFT, KeyCode.UP);
        waitUntil(() -> text("#diffLine").startsWith("v1 → v1-train"));
        shoot(out.resolve("datasets-diff.png"));
    }

    private void createVersion(String name, String note, String scope) throws Exception {
        clickOn("#createVersionButton");
        waitUntil(() -> lookup("#versionNoteField").tryQuery().isPresent());
        doubleClickOn("#versionNameField");
        push(KeyCode.CONTROL, KeyCode.A);
        write(name);
        clickOn("#versionNoteField");
        write(note);
        if (scope != null) {
            clickOn("#versionScopeChoice");
            clickOn(scope);
        }
        clickOn("Create");
        waitUntil(() -> lookup("#versionNoteField").tryQuery().isEmpty());
    }

    private int rows() {
        return onFx(() -> ((TableView<?>) lookup(".dataset-version-table").query()).getItems().size());
    }

    private void shoot(Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        interact(() -> {
            try {
                ScenePng.write(stage.getScene(), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
