package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.NewPrediction;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/**
 * Pre-labeling in the real window: a queue shows run m1's suggestions; Tab accepts one (origin
 * accepted-suggestion, prediction_run m1), a class key answers with the suggestion on screen
 * (origin human, prediction_run m1), and an item m1 did not predict shows why Tab does nothing.
 */
class SuggestionLabelingTest extends LabelWorkbenchTest {

    @Test
    void tabAcceptsTheSuggestionAndEveryAnswerRecordsTheRunThatWasShown() throws Exception {
        Path project = LabelProjects.images(dir, 4, false);
        try (ProjectStore store = ProjectStore.open(project)) {
            store.write(tx -> {
                PredictionRepository runs = new PredictionRepository();
                long run = runs.createRun(tx, "m1", "import", null, null, null, null, Instant.now().toString(), null);
                long coat = classId(tx, "coat");
                long bag = classId(tx, "bag");
                runs.insert(tx, run, List.of(new NewPrediction(itemId(tx, 0), coat, 0.92, null),
                        new NewPrediction(itemId(tx, 1), bag, 0.6, null)));
                return null;
            });
            new QueueService().create(store, new QueueDefinition("assisted", QueueScope.all(), QueueStrategy.SEQUENTIAL,
                    1, 1, List.of(), "m1"), "lead");
        }
        openProject(project);
        showQueues("round 1");
        startLabeling("assisted");
        signIn("ana");

        waitForText("#itemKeyLabel", "img_00.png");
        waitForText("#suggestionLabel", "Model suggests coat · 92 %");
        assertThat(visible("#suggestionKeyLabel")).isTrue();
        assertThat(text("#ownLabelLabel")).isEmpty(); // a suggestion is not a label
        assertThat(suggestedButtons()).containsExactly("coat");
        assertThat(chosenButtons()).isEmpty();
        assertThat(text("#keysHintLabel")).contains("Tab accepts suggestion");

        type(KeyCode.TAB); // accepted: the next item shows
        waitForText("#itemKeyLabel", "img_01.png");
        waitForText("#suggestionLabel", "Model suggests bag · 60 %");
        assertThat(suggestedButtons()).containsExactly("bag");

        type(KeyCode.DIGIT2); // the labeler's own answer, shirt, with the suggestion on screen
        waitForText("#itemKeyLabel", "img_02.png");
        waitForText("#suggestionLabel", "No suggestion for this item (run m1 did not predict it)");
        assertThat(visible("#suggestionKeyLabel")).isFalse();
        assertThat(suggestedButtons()).isEmpty();
        type(KeyCode.TAB); // nothing to accept: it says why and stays
        waitForText("#labelingMessageLabel", "No suggestion to accept: run m1 did not predict this item");
        assertThat(text("#itemKeyLabel")).isEqualTo("img_02.png");

        type(KeyCode.BACK_SPACE); // back still works: the shirt is shown, the suggestion beside it
        waitForText("#itemKeyLabel", "img_01.png");
        assertThat(text("#ownLabelLabel")).isEqualTo("Your label: shirt");
        assertThat(text("#suggestionLabel")).isEqualTo("Model suggests bag · 60 %");
        type(KeyCode.TAB); // changes the answer to the suggestion, and goes on
        waitForText("#itemKeyLabel", "img_02.png");
        type(KeyCode.DIGIT1);
        waitForText("#itemKeyLabel", "img_03.png");

        type(KeyCode.ESCAPE);
        closeProjectAndWait();
        try (ProjectStore store = reopenStore(project)) {
            assertThat(SqlRows.of(store, "SELECT i.key, lc.name, a.origin, r.name, a.duration_ms IS NOT NULL,"
                    + " a.supersedes IS NOT NULL FROM annotation a JOIN item i ON i.id = a.item"
                    + " JOIN label_class lc ON lc.id = a.label_class LEFT JOIN prediction_run r ON r.id = a.prediction_run"
                    + " ORDER BY a.id")).containsExactly(
                    List.of("img_00.png", "coat", "accepted-suggestion", "m1", "1", "0"),
                    List.of("img_01.png", "shirt", "human", "m1", "1", "0"),
                    List.of("img_01.png", "bag", "accepted-suggestion", "m1", "1", "1"),
                    Arrays.asList("img_02.png", "coat", "human", null, "1", "0"));
        }
    }

    @Test
    void tabInTheTranscriptFieldAcceptsTheSuggestionWithWhatWasTyped() throws Exception {
        Path project = LabelProjects.audio(dir);
        try (ProjectStore store = ProjectStore.open(project)) {
            store.write(tx -> {
                PredictionRepository runs = new PredictionRepository();
                long run = runs.createRun(tx, "m1", "import", null, null, null, null, Instant.now().toString(), null);
                long item = new org.labelbench.project.ItemRepository().findByKey(tx, "a.wav").orElseThrow().id();
                runs.insert(tx, run, List.of(new NewPrediction(item, classId(tx, "up"), 0.8, null)));
                return null;
            });
            new QueueService().create(store, new QueueDefinition("assisted", QueueScope.all(), QueueStrategy.SEQUENTIAL,
                    1, 1, List.of(), "m1"), "lead");
        }
        openProject(project);
        showQueues("round 1");
        startLabeling("assisted");
        signIn("chloe");

        waitForText("#itemKeyLabel", "a.wav");
        waitForText("#suggestionLabel", "Model suggests up · 80 %");
        type(KeyCode.G, KeyCode.O); // letters start the transcript
        waitUntil(() -> lookup("#transcriptField").query().isFocused());
        type(KeyCode.TAB);
        waitForText("#itemKeyLabel", "b.wav");

        type(KeyCode.ESCAPE);
        closeProjectAndWait();
        try (ProjectStore store = reopenStore(project)) {
            assertThat(SqlRows.of(store, "SELECT i.key, lc.name, a.origin, r.name, a.transcript FROM annotation a"
                    + " JOIN item i ON i.id = a.item JOIN label_class lc ON lc.id = a.label_class"
                    + " LEFT JOIN prediction_run r ON r.id = a.prediction_run ORDER BY a.id"))
                    .containsExactly(List.of("a.wav", "up", "accepted-suggestion", "m1", "go"));
        }
    }

    private static long itemId(org.labelbench.project.Transaction tx, int index) {
        return new org.labelbench.project.ItemRepository().findByKey(tx, LabelProjects.imageKey(index)).orElseThrow()
                .id();
    }

    private static long classId(org.labelbench.project.Transaction tx, String name) {
        return new org.labelbench.project.LabelClassRepository().list(tx).stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
    }

    private List<String> suggestedButtons() {
        return buttonsWith("suggested");
    }

    private List<String> chosenButtons() {
        return buttonsWith("chosen");
    }

    private List<String> buttonsWith(String pseudoClass) {
        return onFx(() -> lookup(".class-button").queryAll().stream()
                .filter(b -> b.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals(pseudoClass)))
                .map(b -> ((Button) b).getText()).toList());
    }
}
