package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Labeled;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.ui.LayoutProbe;

/**
 * At 1366×768 the New queue dialog with its Suggestions row fits, makes a queue that shows run
 * m1's suggestions, and the labeling screen with the suggestion line fits too.
 */
class SuggestionQueueDialogTest extends LabelWorkbenchTest {
    private final LayoutProbe probe = new LayoutProbe(node -> node.getId() != null
            && Set.of("attributesLabel").contains(node.getId()));

    @Test
    void theSuggestionsRowFitsAndMakesAQueueThatShowsTheRun() throws Exception {
        Path project = LabelProjects.images(dir, 3, false);
        try (ProjectStore store = ProjectStore.open(project)) {
            store.write(tx -> {
                PredictionRepository runs = new PredictionRepository();
                long run = runs.createRun(tx, "m1", "import", null, null, null, null, Instant.now().toString(), null);
                long coat = new LabelClassRepository().list(tx).get(0).id();
                long item = new ItemRepository().findByKey(tx, LabelProjects.imageKey(0)).orElseThrow().id();
                runs.insert(tx, run, List.of(new PredictionRepository.NewPrediction(item, coat, 0.92, null)));
                return null;
            });
        }
        interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        openProject(project);
        showQueues("round 1");

        clickOn("#newQueueButton");
        waitUntil(() -> onFx(() -> lookup("#suggestionsChoice").tryQuery()
                .map(box -> ((javafx.scene.control.ComboBox<?>) box).getItems().size() == 2).orElse(false)));
        clickOn("#queueNameField");
        write("assisted");
        clickOn("#suggestionsChoice");
        clickOn(lookup(".list-cell").queryAll().stream().filter(cell -> "run m1"
                .equals(((Labeled) cell).getText())).findFirst().orElseThrow());
        Window dialog = onFx(() -> lookup("#suggestionsChoice").query().getScene().getWindow());
        List<String> offenders = new ArrayList<>(onFx(() -> probe.offenders("New queue", dialog.getScene())));
        assertThat(onFx(dialog::getHeight)).isLessThanOrEqualTo(768);
        clickOn("#createQueueButton");
        waitUntil(() -> lookup(".queue-table .table-cell").queryAll().stream()
                .anyMatch(cell -> "all items, suggestions from run m1".equals(((Labeled) cell).getText())));
        try (ProjectStore store = reopenStoreReadOnly(project)) {
            assertThat(SqlRows.of(store, "SELECT r.name FROM queue q JOIN prediction_run r ON r.id = q.suggestions_run"
                    + " WHERE q.name = 'assisted'")).containsExactly(List.of("m1"));
        }

        startLabeling("assisted");
        signIn("ana");
        waitForText("#suggestionLabel", "Model suggests coat · 92 %");
        waitUntil(() -> lookup("#itemImage").queryAs(ZoomableImageView.class).imageProperty().get() != null);
        offenders.addAll(onFx(() -> probe.offenders("Labeling with a suggestion", stage.getScene())));
        assertThat(offenders).as("clipped nodes").isEmpty();
    }

    private static ProjectStore reopenStoreReadOnly(Path project) {
        return ProjectStore.openReadOnly(project);
    }
}
