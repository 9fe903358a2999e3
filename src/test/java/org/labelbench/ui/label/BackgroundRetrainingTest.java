package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.RetrainingProject;
import org.labelbench.testing.SqlRows;
import org.labelbench.ui.LayoutProbe;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Active learning while labeling, in the real window at 1366×768: a lead sets queue "next" to
 * retrain model m1 every 2 labels (Queues page, Retraining…); labeling two items starts a round
 * in the background, the labeler goes on labeling while it trains, and the line under the class
 * buttons ends saying the unserved items were re-ranked by m1-r1, which the project then holds
 * with its run on the queue.
 */
class BackgroundRetrainingTest extends LabelWorkbenchTest {
    /** A round trains and predicts on two cores shared with other tests: far longer than a screen update. */
    private static final long ROUND_SECONDS = 120;
    private final LayoutProbe probe = new LayoutProbe(node -> node.getId() != null
            && Set.of("attributesLabel").contains(node.getId()));

    @Test
    void aRoundRunsInTheBackgroundEveryTwoLabelsAndReranksTheQueue() throws Exception {
        Path project = RetrainingProject.create(dir);
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        openProject(project);
        showQueues("next");
        assertThat(cellTexts()).contains("—"); // retrains nothing yet

        clickOn(lookup(".queue-table .table-cell").queryAll().stream()
                .filter(cell -> "next".equals(((Labeled) cell).getText())).findFirst().orElseThrow());
        clickOn("#retrainingButton");
        waitUntil(() -> lookup("#retrainModelChoice").tryQuery()
                .map(box -> "m1".equals(((javafx.scene.control.ChoiceBox<?>) box).getValue())).orElse(false));
        Spinner<?> every = lookup("#retrainEverySpinner").queryAs(Spinner.class);
        doubleClickOn(every.getEditor());
        write("2");
        Window dialog = onFx(() -> every.getScene().getWindow());
        List<String> offenders = new ArrayList<>(onFx(() -> probe.offenders("Retraining", dialog.getScene())));
        clickOn("#retrainSaveButton");
        waitUntil(() -> cellTexts().contains("'m1' every 2"));
        assertThat(text("#queueMessageLabel")).isEqualTo("Queue 'next' retrains 'm1' in the background every 2"
                + " labels, while it is labeled");

        startLabeling("next");
        signIn("ana");
        waitForText("#retrainingLabel", "Retrains 'm1' every 2 labels · 2 to the next round");
        String first = text("#itemKeyLabel");
        waitForItemShown();
        type(KeyCode.DIGIT1);
        waitUntil(() -> !first.equals(text("#itemKeyLabel")));
        waitForText("#retrainingLabel", "Retrains 'm1' every 2 labels · 1 to the next round");
        String second = text("#itemKeyLabel");
        waitForItemShown();
        type(KeyCode.DIGIT2);
        // With the engine already warm (earlier tests in the same JVM) the tiny round can end before
        // a poll sees it running: either line shows that it started.
        waitUntil(() -> text("#retrainingLabel").startsWith("Retraining 'm1'")
                || text("#retrainingLabel").startsWith("Re-ranked"));
        offenders.addAll(onFx(() -> probe.offenders("Labeling while retraining", stage.getScene())));

        // Labeling goes on while the round trains.
        waitUntil(() -> !second.equals(text("#itemKeyLabel")));
        String third = text("#itemKeyLabel");
        waitForItemShown();
        type(KeyCode.DIGIT3);
        waitUntil(() -> !third.equals(text("#itemKeyLabel")));

        WaitForAsyncUtils.waitFor(ROUND_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> text("#retrainingLabel")
                .startsWith("Re-ranked")));
        assertThat(text("#retrainingLabel")).contains("by 'm1-r1' (dev accuracy").contains("· ")
                .contains("to the next round");
        assertThat(offenders).as("clipped nodes").isEmpty();

        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            assertThat(SqlRows.of(store, "SELECT name FROM model ORDER BY id")).containsExactly(List.of("m1"),
                    List.of("m1-r1"));
            assertThat(SqlRows.of(store, "SELECT name FROM prediction_run WHERE name = 'm1-r1-queue'")).hasSize(1);
            assertThat(SqlRows.of(store, "SELECT r.model, r.last_model, r.last_error IS NULL FROM queue_retraining r"))
                    .containsExactly(List.of("m1", "m1-r1", "1"));
            assertThat(SqlRows.of(store, "SELECT m.created_by FROM model m WHERE m.name = 'm1-r1'"))
                    .containsExactly(List.of("ana"));
        }
    }

    private List<String> cellTexts() {
        return onFx(() -> lookup(".queue-table .table-cell").queryAll().stream()
                .map(cell -> ((Labeled) cell).getText()).filter(t -> t != null).toList());
    }
}
