package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.labelbench.labeling.QueueService;
import org.labelbench.project.ProjectStore;

/** The New queue dialog keeps bad input to itself: it says why, in one line, and creates nothing. */
class NewQueueDialogTest extends LabelWorkbenchTest {

    @Test
    void badInputShowsTheReasonAndCreatesNothingThenAGoodQueueAppears() throws Exception {
        Path project = LabelProjects.images(dir, 4, false);
        openProject(project);
        showQueues("round 1");
        assertThat(text("#queueSummaryLabel")).isEqualTo("1 queue");

        clickOn("#newQueueButton");
        waitUntil(() -> lookup("#queueNameField").tryQuery().isPresent());
        clickOn("#queueNameField");
        write("round 1");
        clickOn("#createQueueButton");
        waitForText("#queueFormError", "a queue named 'round 1' already exists");

        clickOn(spinnerEditor()); // letters are refused where they are typed, with the reason beside the field
        type(KeyCode.END, KeyCode.A);
        assertThat(onFx(() -> spinnerEditor().getText())).isEqualTo("1");
        waitForText("#overlapReason", "overlap is a whole number from 1 to 50: 'a' is not a digit");

        replaceText("#queueNameField", "pairs");
        replaceText(spinnerEditor(), "3");
        clickOn("#annotatorsField");
        write("ana, ben");
        clickOn("#createQueueButton");
        waitForText("#queueFormError", "overlap 3 needs at least 3 annotators, but only 2 may work the queue");

        replaceText(spinnerEditor(), "1");
        clickOn("#scopeKeys");
        clickOn("#keysArea");
        write("img_00.png");
        type(KeyCode.ENTER);
        write("nope.png");
        clickOn("#createQueueButton");
        waitForText("#queueFormError", "no item with key 'nope.png'");

        clickOn("#scopeAll");
        clickOn("#strategyChoice");
        clickOn(lookup(".list-cell").queryAll().stream().filter(cell -> ((Labeled) cell).getText() != null
                && ((Labeled) cell).getText().startsWith("disagreements")).findFirst().orElseThrow());
        clickOn("#createQueueButton");
        waitForText("#queueFormError",
                "queue 'pairs' would cover no items: no item in all items has disagreeing labels");
        assertThat(onFx(() -> lookup("#queueNameField").query().getScene().getWindow().isShowing())).isTrue();
        assertThat(queueNames(project)).containsExactly("round 1");

        clickOn("#scopeKeys"); // a good one: two listed items, in order
        replaceText("#keysArea", "img_02.png");
        type(KeyCode.ENTER);
        write("img_00.png");
        clickOn("#strategyChoice");
        clickOn(lookup(".list-cell").queryAll().stream().filter(cell -> ((Labeled) cell).getText() != null
                && ((Labeled) cell).getText().startsWith("sequential")).findFirst().orElseThrow());
        clickOn("#createQueueButton");
        waitUntil(() -> lookup("#queueNameField").tryQuery().isEmpty());
        waitForText("#queueSummaryLabel", "2 queues");
        waitForText("#queueMessageLabel", "Created queue 'pairs': 2 items");
        assertThat(text("#annotatorsTitle")).isEqualTo("Annotators of 'pairs'");
        assertThat(onFx(() -> lookup(".queue-table .table-cell").queryAll().stream()
                .map(cell -> ((Labeled) cell).getText()).filter(t -> t != null && !t.isEmpty()).toList()))
                .containsSubsequence("pairs", "sequential", "1", "2", "0", "2 listed items");
        assertThat(onFx(() -> lookup(".queue-progress-text").queryAll().stream()
                .map(l -> ((Label) l).getText()).toList())).contains("0 / 4", "0 / 2");
        assertThat(queueNames(project)).containsExactly("round 1", "pairs");
    }

    private List<String> queueNames(Path project) {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            return new QueueService().list(store).stream().map(q -> q.name()).toList();
        }
    }

    private TextInputControl spinnerEditor() {
        return onFx(() -> ((Spinner<?>) lookup("#overlapSpinner").query()).getEditor());
    }

    private void replaceText(String query, String text) {
        replaceText(onFx(() -> (TextInputControl) lookup(query).query()), text);
    }

    /** Selects what the field holds and types over it, as a user does. */
    private void replaceText(TextInputControl field, String text) {
        clickOn(field);
        interact(field::selectAll);
        eraseText(1);
        write(text);
    }
}
