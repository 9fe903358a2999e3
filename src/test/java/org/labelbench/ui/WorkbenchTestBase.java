package org.labelbench.ui;

import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.ui.items.ItemSlot;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real workbench window (headless under Monocle) with the standard services, except
 * that file choosers are answered by {@link ScriptedPrompts} and the user's data folder is a
 * temporary one.
 */
public abstract class WorkbenchTestBase extends ApplicationTest {
    protected static final long TIMEOUT_SECONDS = 20;

    @TempDir
    protected Path dir;
    protected final ScriptedPrompts prompts = new ScriptedPrompts();
    protected Workbench workbench;
    protected Stage stage;

    @Override
    public void start(Stage stage) throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        System.setProperty("labelbench.home", home.toString());
        this.stage = stage;
        workbench = new Workbench(stage, WorkbenchServices.withPrompts(prompts));
        workbench.showStartScreen();
        stage.show();
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
        // Dialogs opened by a test would otherwise outlive it.
        List<Window> windows = List.copyOf(Window.getWindows());
        for (Window window : windows) {
            if (window instanceof Stage other && other != stage) {
                other.close();
            }
        }
    }

    /** Opens {@code project} as the start screen's "Open" would, and waits for the main window. */
    protected void openProject(Path project) throws TimeoutException {
        Platform.runLater(() -> workbench.open(project));
        waitForMainWindow();
    }

    /** Waits until the main window is shown and laid out (a node of zero size cannot be clicked). */
    protected void waitForMainWindow() throws TimeoutException {
        waitUntil(() -> lookup("#importImagesButton").tryQuery()
                .map(button -> button.getLayoutBounds().getWidth() > 0).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Clicks the entry {@code text} of the choice or menu popup just opened, once it shows: a plain
     * {@code clickOn(text)} can hit a table cell with the same text before the popup is up.
     */
    protected void clickPopupEntry(String text) throws TimeoutException {
        waitUntil(() -> lookup(".context-menu .label").queryAll().stream()
                .anyMatch(node -> text.equals(((Labeled) node).getText()) && node.isVisible()));
        clickOn(onFx(() -> lookup(".context-menu .label").queryAll().stream()
                .filter(node -> text.equals(((Labeled) node).getText())).findFirst().orElseThrow()));
    }

    protected void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
        waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }

    /** Waits until the labeled node {@code query} says {@code expected}; on time-out, shows what it said. */
    protected void waitForText(String query, String expected) {
        try {
            waitUntil(() -> lookup(query).tryQuery().map(node -> expected.equals(((Labeled) node).getText()))
                    .orElse(false));
        } catch (TimeoutException e) {
            org.assertj.core.api.Assertions.assertThat(text(query)).as("text of " + query).isEqualTo(expected);
        }
    }

    /**
     * Waits until the labeling screen shows the current item's picture, not "Loading…": a key pressed
     * while the media still decodes is (rightly) not taken as a decision, so a test must not type sooner.
     */
    protected void waitForItemShown() throws TimeoutException {
        waitUntil(() -> lookup("#itemImage").tryQuery().map(Node::isVisible).orElse(false)
                && !lookup("#labelingPlaceholder").tryQuery().map(Node::isVisible).orElse(false));
    }

    /** Evaluates {@code read} on the FX thread: node state is only safe to read there. */
    protected <T> T onFx(Supplier<T> read) {
        try {
            return WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(read::get));
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer in " + TIMEOUT_SECONDS + " s", e);
        }
    }

    protected String text(String query) {
        return onFx(() -> ((Labeled) lookup(query).query()).getText());
    }

    @SuppressWarnings("unchecked")
    TableView<ItemSlot> itemsTable() {
        return (TableView<ItemSlot>) lookup(".items-table").query();
    }

    /** The texts of the table cells on screen now, in the key column. */
    List<String> visibleKeys() {
        return onFx(() -> lookup(".items-table .table-cell").queryAll().stream()
                .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell
                        && cell.getTableColumn() != null && "key-column".equals(cell.getTableColumn().getId())
                        && cell.isVisible() && !cell.isEmpty() && cell.getTableRow() != null
                        && cell.getTableRow().isVisible() && !cell.getTableRow().isEmpty())
                .map(node -> (javafx.scene.control.TableCell<?, ?>) node)
                .sorted(java.util.Comparator.comparingInt(javafx.scene.control.TableCell::getIndex)) // scene order is not row order
                .map(Labeled::getText).filter(text -> text != null)
                .collect(Collectors.toList()));
    }

    /** Waits until the keys on screen satisfy {@code expected}; on time-out, shows which keys were there. */
    void waitForKeys(String what, java.util.function.Predicate<List<String>> expected) {
        try {
            waitUntil(() -> expected.test(visibleKeys()));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until the table shows " + what + "; it shows " + visibleKeys(), e);
        }
    }

    protected static boolean isShowing(Node node) {
        return node != null && node.getScene() != null && node.isVisible();
    }
}
