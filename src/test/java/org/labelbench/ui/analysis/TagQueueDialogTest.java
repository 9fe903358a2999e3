package org.labelbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Create queue… from a tag starts valid, refuses bad overlap where it is typed, and keeps its buttons in view. */
class TagQueueDialogTest extends ApplicationTest {
    private final List<String> asked = new ArrayList<>();
    private String refusal;

    @Override
    public void start(Stage stage) {
        // A dialog takes its owner's stylesheets: the owner needs a scene even when this test runs alone.
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        new TagQueueDialog(stage, "ink=high", 1000, (name, strategy, overlap) -> {
            asked.add(name + " " + strategy.id() + " " + overlap);
            return CompletableFuture.completedFuture(refusal);
        }).show();
    }

    @Test
    void startsValidRefusesLettersInOverlapAndWrapsALongRefusalAboveTheButtons() throws Exception {
        Spinner<?> overlap = lookup("#tagQueueOverlapSpinner").queryAs(Spinner.class);
        assertThat(overlap.getEditor().getText()).isEqualTo("1");
        assertThat(overlap.getEditor().getWidth()).as("the number shows").isGreaterThan(20);

        clickOn(overlap.getEditor());
        type(KeyCode.A, KeyCode.B, KeyCode.C);
        assertThat(overlap.getEditor().getText()).isEqualTo("1");
        Label reason = lookup("#tagQueueOverlapReason").queryAs(Label.class);
        assertThat(reason.getText()).isEqualTo("overlap is a whole number from 1 to 50: 'c' is not a digit");
        assertThat(reason.isVisible()).isTrue();

        refusal = "queue 'relabel ink=high' would cover no items: every item in 1000 listed items has 2 or more"
                + " labels, which is what a needs-labels queue with overlap 2 asks for; choose a higher overlap";
        clickOn("#createTagQueueButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly("relabel ink=high random 1");
        Label error = lookup("#tagQueueError").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> error.isVisible() && error.getHeight() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((javafx.scene.text.Text) error.lookup(".text")).getText()).as("wrapped, not cut short")
                .isEqualTo(error.getText());
        Node create = lookup("#createTagQueueButton").query();
        Bounds button = create.localToScene(create.getBoundsInLocal());
        assertThat(button.getMaxY()).as("Create stays inside the dialog")
                .isLessThanOrEqualTo(create.getScene().getHeight());
        assertThat(button.getMaxX()).isLessThanOrEqualTo(create.getScene().getWidth());
    }
}
