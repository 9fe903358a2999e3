package org.labelbench.ui.label;

import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.labelbench.project.ProjectLockedException;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.WorkbenchTestBase;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real workbench window (headless under Monocle) for the Label page's tests, with a private
 * user data folder, so "who is labeling" is asked the first time as on a new machine.
 */
abstract class LabelWorkbenchTest extends WorkbenchTestBase {
    @Override
    protected void openProject(Path project) throws TimeoutException {
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Platform.runLater(() -> workbench.open(project).whenComplete((opened, error) -> failure.set(error)));
        try {
            waitUntil(() -> lookup("#labelNav").tryQuery().map(n -> n.getLayoutBounds().getWidth() > 0)
                    .orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError("the project did not open; dialogs say: " + onFx(() -> lookup(".dialog-pane")
                    .queryAll().stream().map(pane -> ((javafx.scene.control.DialogPane) pane).getContentText())
                    .toList()) + "; failure: " + failure.get(), failure.get() != null ? failure.get() : e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The Label entry of the navigation, then the queue list with its first queue. */
    void showQueues(String firstQueue) throws TimeoutException {
        clickOn("#labelNav");
        waitUntil(() -> lookup(".queue-table .table-cell").queryAll().stream()
                .anyMatch(cell -> firstQueue.equals(((Labeled) cell).getText())));
    }

    /** Selects {@code queue} in the list and presses Enter, as a labeler starts. */
    void startLabeling(String queue) {
        clickOn(lookup(".queue-table .table-cell").queryAll().stream()
                .filter(cell -> queue.equals(((Labeled) cell).getText())).findFirst().orElseThrow());
        type(KeyCode.ENTER);
    }

    /** Answers the first-time "Who is labeling?" dialog. */
    void signIn(String name) throws TimeoutException {
        waitUntil(() -> lookup("#labelerNameField").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#labelerNameField");
        write(name);
        type(KeyCode.ENTER);
    }

    void closeProjectAndWait() throws TimeoutException {
        clickOn("#closeProjectButton");
        waitUntil(() -> lookup("#labelNav").tryQuery().isEmpty());
    }

    /** Opens the project file itself once the workbench has let go of it. */
    ProjectStore reopenStore(Path project) throws TimeoutException {
        ProjectStore[] opened = new ProjectStore[1];
        waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> {
            try {
                opened[0] = ProjectStore.open(project);
                return true;
            } catch (ProjectLockedException e) {
                return false;
            }
        });
        return opened[0];
    }

    boolean visible(String query) {
        return onFx(() -> lookup(query).tryQuery().map(LabelingController::isShowing).orElse(false));
    }

    /** Presses Ctrl (Cmd on macOS) with {@code key}. */
    void shortcut(KeyCode key) {
        press(KeyCode.SHORTCUT, key);
        release(key, KeyCode.SHORTCUT);
    }
}
