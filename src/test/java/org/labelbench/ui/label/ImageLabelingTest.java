package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.labelbench.project.ProjectStore;

/** A labeler works a queue of images by keyboard only; every answer is on disk after a reopen. */
class ImageLabelingTest extends LabelWorkbenchTest {

    @Test
    void labelsAQueueOfImagesByKeyboardAndResumesAfterAReopen() throws Exception {
        Path project = LabelProjects.images(dir, 6, false);
        openProject(project);
        showQueues("round 1");
        startLabeling("round 1");
        signIn("ana");

        waitForText("#itemKeyLabel", "img_00.png");
        assertThat(text("#queueNameLabel")).isEqualTo("round 1");
        assertThat(text("#positionLabel")).isEqualTo("item 1 · 0 done by you · 0 % of queue");
        assertThat(text("#guidelineVersionLabel")).isEqualTo("Guideline v1");
        assertThat(text("#labelingLabelerLabel")).isEqualTo("Labeling as ana (labeler)");
        assertThat(visible("#guidelinePane")).isTrue();
        assertThat(onFx(() -> lookup(".labeling-view .md-text").queryAll().stream()
                .map(node -> ((javafx.scene.text.Text) node).getText()).toList())).contains("Clothes", "main");
        assertThat(onFx(() -> lookup(".class-button").queryAll().stream().map(b -> ((Button) b).getText()).toList()))
                .containsExactly("coat", "shirt", "bag");
        waitUntil(() -> lookup("#itemImage").queryAs(ZoomableImageView.class).imageProperty().get() != null);
        Image shown = onFx(() -> lookup("#itemImage").queryAs(ZoomableImageView.class).imageProperty().get());
        assertThat(shown.isError()).isFalse();
        // 40×30 enlarged by a whole factor to about the view's size, so its pixels stay sharp squares
        assertThat(shown.getWidth() % 40).isZero();
        assertThat(shown.getWidth() / 40).isEqualTo(shown.getHeight() / 30).isGreaterThan(4);
        assertThat(onFx(() -> lookup(".guideline-example .example-class").queryAs(javafx.scene.control.Label.class)
                .getText())).isEqualTo("shirt");

        ZoomableImageView zoomable = onFx(() -> lookup("#itemImage").queryAs(ZoomableImageView.class));
        shortcut(KeyCode.EQUALS);
        shortcut(KeyCode.EQUALS);
        assertThat(zoomable.zoomProperty().get()).isEqualTo(1.25 * 1.25, org.assertj.core.data.Offset.offset(1e-9));
        shortcut(KeyCode.DIGIT0); // back to the whole image; and Ctrl+0 is not the class key 0
        assertThat(zoomable.zoomProperty().get()).isEqualTo(1.0);
        type(KeyCode.F1);
        assertThat(visible("#guidelinePane")).isFalse();
        type(KeyCode.F1);
        assertThat(visible("#guidelinePane")).isTrue();
        assertThat(text("#itemKeyLabel")).isEqualTo("img_00.png");

        type(KeyCode.DIGIT1);
        waitForText("#itemKeyLabel", "img_01.png");
        type(KeyCode.DIGIT2);
        waitForText("#itemKeyLabel", "img_02.png");
        assertThat(text("#positionLabel")).isEqualTo("item 3 · 2 done by you · 33 % of queue");

        type(KeyCode.BACK_SPACE); // back to the shirt: its label is shown and can be changed
        waitForText("#itemKeyLabel", "img_01.png");
        assertThat(text("#ownLabelLabel")).isEqualTo("Your label: shirt");
        assertThat(chosenButtons()).containsExactly("shirt");
        type(KeyCode.DIGIT3);
        waitForText("#itemKeyLabel", "img_02.png");

        shortcut(KeyCode.SPACE); // skip, with a preset reason picked by its number
        waitUntil(() -> lookup("#skipReasonField").tryQuery().isPresent());
        type(KeyCode.DIGIT2);
        waitForText("#itemKeyLabel", "img_03.png");

        shortcut(KeyCode.U);
        waitUntil(() -> visible("#unsureBadge"));
        assertThat(text("#unsureBadge")).isEqualTo("Unsure");
        type(KeyCode.DIGIT1);
        waitForText("#itemKeyLabel", "img_04.png");
        assertThat(visible("#unsureBadge")).isFalse();

        shortcut(KeyCode.N);
        waitUntil(() -> lookup("#noteField").tryQuery().isPresent());
        clickOn("#noteField"); // TestFX writes into the window last clicked
        write("looks like a jacket");
        type(KeyCode.ENTER);
        waitUntil(() -> visible("#noteBadge"));
        type(KeyCode.DIGIT2);
        waitForText("#itemKeyLabel", "img_05.png");
        assertThat(text("#positionLabel")).isEqualTo("item 6 · 4 done by you · 66 % of queue");

        shortcut(KeyCode.J); // jump back to an item by its key, then End returns to the latest
        waitUntil(() -> lookup("#jumpKeyField").tryQuery().isPresent());
        clickOn("#jumpKeyField");
        write("img_0"); // the queue's keys are offered as one types
        waitUntil(() -> onFx(() -> lookup("#jumpSuggestions").queryListView().getItems().size()) == 6);
        write("3");
        waitUntil(() -> onFx(() -> List.copyOf(lookup("#jumpSuggestions").queryListView().getItems()))
                .equals(List.of("img_03.png")));
        type(KeyCode.ENTER); // "img_03" is completed to the one key it starts
        waitForText("#itemKeyLabel", "img_03.png");
        assertThat(text("#ownLabelLabel")).isEqualTo("Your label: coat (unsure)");
        assertThat(visible("#unsureBadge")).isTrue();
        double ownLabelX = onFx(() -> lookup("#ownLabelLabel").query().getLayoutX());
        shortcut(KeyCode.U); // the badge comes and goes without moving what follows it
        waitUntil(() -> !visible("#unsureBadge"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> lookup("#ownLabelLabel").query().getLayoutX())).isEqualTo(ownLabelX);
        shortcut(KeyCode.U);
        waitUntil(() -> visible("#unsureBadge"));
        type(KeyCode.END);
        waitForText("#itemKeyLabel", "img_05.png");

        type(KeyCode.ESCAPE);
        waitUntil(() -> visible("#queueTable"));
        waitUntil(() -> lookup(".queue-progress-text").queryAll().stream()
                .anyMatch(label -> "4 / 6".equals(((javafx.scene.control.Label) label).getText())));
        closeProjectAndWait();

        try (ProjectStore store = reopenStore(project)) {
            assertThat(LabelProjects.annotations(store, "ana")).containsExactly(
                    Arrays.asList("img_00.png", "class", "coat", null, "0", null, null),
                    Arrays.asList("img_01.png", "class", "shirt", null, "0", null, null),
                    Arrays.asList("img_01.png", "class", "bag", null, "0", null, null),
                    Arrays.asList("img_02.png", "skip", null, "bad media", "0", null, null),
                    Arrays.asList("img_03.png", "class", "coat", null, "1", null, null),
                    Arrays.asList("img_04.png", "class", "shirt", null, "0", "looks like a jacket", null));
            assertThat(LabelProjects.rows(store, "SELECT a.guideline_version, a.duration_ms IS NOT NULL, a.origin"
                    + " FROM annotation a JOIN annotator n ON n.id = a.annotator WHERE n.name = 'ana'"))
                    .hasSize(6).allSatisfy(row -> assertThat(row).containsExactly("1", "1", "human"));
            assertThat(LabelProjects.rows(store, "SELECT role FROM annotator WHERE name = 'ana'"))
                    .containsExactly(List.of("labeler"));
        }
        assertThat(Files.readString(dir.resolve("home").resolve("labeler.properties"))).contains("name=ana");

        openProject(project); // the name is remembered: no question this time, and the queue resumes
        showQueues("round 1");
        startLabeling("round 1");
        waitForText("#itemKeyLabel", "img_05.png");
        assertThat(text("#positionLabel")).isEqualTo("item 6 · 4 done by you · 66 % of queue");
        assertThat(lookup("#labelerNameField").tryQuery()).isEmpty();
    }

    @Test
    void multiLabelKeysToggleAndEnterSubmitsTheSet() throws Exception {
        Path project = LabelProjects.images(dir, 3, true);
        openProject(project);
        showQueues("round 1");
        startLabeling("round 1");
        signIn("ben");
        waitForText("#itemKeyLabel", "img_00.png");

        type(KeyCode.DIGIT1, KeyCode.DIGIT3, KeyCode.DIGIT2, KeyCode.DIGIT2);
        assertThat(text("#itemKeyLabel")).isEqualTo("img_00.png");
        assertThat(chosenButtons()).containsExactly("coat", "bag");
        type(KeyCode.ENTER);
        waitForText("#itemKeyLabel", "img_01.png");
        assertThat(chosenButtons()).isEmpty();
        type(KeyCode.BACK_SPACE);
        waitForText("#itemKeyLabel", "img_00.png");
        assertThat(text("#ownLabelLabel")).isEqualTo("Your label: coat, bag");
        assertThat(chosenButtons()).containsExactly("coat", "bag");

        type(KeyCode.ESCAPE);
        closeProjectAndWait();
        try (ProjectStore store = reopenStore(project)) {
            assertThat(LabelProjects.rows(store, "SELECT a.kind, lc.name FROM annotation a"
                    + " JOIN annotation_label al ON al.annotation = a.id JOIN label_class lc ON lc.id = al.label_class"
                    + " ORDER BY lc.ord")).containsExactly(List.of("multi", "coat"), List.of("multi", "bag"));
        }
    }

    private List<String> chosenButtons() {
        return onFx(() -> lookup(".class-button").queryAll().stream()
                .filter(b -> b.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("chosen")))
                .map(b -> ((Button) b).getText()).toList());
    }
}
