package org.labelbench.ui.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.labelbench.labeling.GuidelineService;
import org.labelbench.labeling.GuidelineService.ExampleSpec;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.TestProjects;
import org.labelbench.ui.WorkbenchTestBase;
import org.labelbench.ui.markdown.MarkdownView;

/** The Guidelines view driven as a lead would: keyboard in the editor, clicks in the list. */
class GuidelinesViewTest extends WorkbenchTestBase {

    @Test
    void writesTheFirstVersionByKeyboardAndShowsIt() throws Exception {
        // The author is the person signed in on the Label page, not the operating-system user.
        org.labelbench.ui.label.LabelerFile.standard().save(new org.labelbench.ui.label.Labeler("dana", "lead"));
        openGuidelines(TestProjects.withItems(dir, "empty", 20, 0));
        waitUntil(() -> isShowing(lookup("No guideline yet — write v1").tryQuery().orElse(null)));

        clickOn("#writeFirstButton");
        waitUntil(() -> isShowing(lookup("#markdownArea").tryQuery().orElse(null))
                && lookup("#markdownArea").query().isFocused());
        write("# Coats and shirts");
        type(KeyCode.ENTER, 2);
        write("A coat opens at the front.");
        waitUntil(() -> renderedText("#previewView").startsWith("Coats and shirts"));
        clickOn("#changeNoteField").write("First version");
        press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        confirmPublishing("Publish v1?");

        waitUntil(() -> versionTexts().contains("v1"));
        waitForText("#guidelineHeading", "Version 1");
        assertThat(renderedText("#guidelineMarkdown")).isEqualTo("Coats and shirts\nA coat opens at the front.");
        assertThat(firstBlockStyle("#guidelineMarkdown")).contains("md-h1");
        assertThat(text("#standingLabel")).startsWith("Current version");
        assertThat(text("#guidelineByline")).endsWith(" by dana");
        assertThat(text("#guidelinesMessage")).isEqualTo("Published v1 \u201cCoats and shirts\u201d with 0 examples");
        assertThat(versionTexts()).contains("current", "Coats and shirts", "First version");
        assertThat(text("#editGuidelineButton")).isEqualTo("Edit → new version…");

        // The notice was news once: after visiting another page it is gone.
        clickOn("#itemsNav");
        clickOn("#guidelinesNav");
        waitUntil(() -> text("#guidelinesMessage") == null || text("#guidelinesMessage").isEmpty());
    }

    @Test
    void editsIntoV2WithoutOneExampleAndKeepsV1AsItWas() throws Exception {
        Path project = TestProjects.withItems(dir, "guided", 20, 4);
        try (ProjectStore store = ProjectStore.open(project)) {
            GuidelineService guidelines = new GuidelineService();
            guidelines.addPendingExample(store, new ExampleSpec(TestProjects.key(1), "coat", "Opens at the front"),
                    "ana");
            guidelines.addPendingExample(store, new ExampleSpec(TestProjects.key(2), "shirt", "A collar"), "ana");
            guidelines.publish(store, "# Old rules\n\nSleeves decide.", "ana", "First", null);
        }
        openGuidelines(project);
        waitForText("#guidelineHeading", "Version 1");
        waitForText("#guidelineExamplesHeading", "Examples of v1 (2)");

        clickOn("#editGuidelineButton");
        waitUntil(() -> lookup("#markdownArea").query().isFocused());
        assertThat(text("#editorTitle")).isEqualTo("New version: v2");
        assertThat(text("#editorExamplesHeading")).isEqualTo("Examples of v2 (2)");
        press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT);
        write("# New rules");
        type(KeyCode.ENTER, 2);
        write("The collar decides.");
        clickOn("#changeNoteField").write("Collar, not sleeves");
        clickOn(lookup(".remove-example").match(node -> ("Remove " + TestProjects.key(1))
                .equals(node.getAccessibleText())).queryAs(Node.class));
        waitForText("#editorExamplesHeading", "Examples of v2 (1)");
        clickOn("#publishButton");
        confirmPublishing("Publish v2?");

        waitForText("#guidelineHeading", "Version 2");
        assertThat(versionTexts()).containsSubsequence("v2", "current", "New rules", "v1", "Old rules");
        assertThat(text("#guidelineExamplesHeading")).isEqualTo("Examples of v2 (1)");
        assertThat(exampleKeys()).containsExactly(TestProjects.key(2));
        assertThat(renderedText("#guidelineMarkdown")).isEqualTo("New rules\nThe collar decides.");

        clickOn("Old rules");
        waitForText("#guidelineHeading", "Version 1");
        assertThat(text("#standingLabel")).startsWith("Not the current version: v2 is.");
        assertThat(renderedText("#guidelineMarkdown")).isEqualTo("Old rules\nSleeves decide.");
        assertThat(text("#guidelineExamplesHeading")).isEqualTo("Examples of v1 (2)");
        assertThat(exampleKeys()).containsExactly(TestProjects.key(1), TestProjects.key(2));
    }

    @Test
    void addsAPendingExampleAndCountsIt() throws Exception {
        Path project = TestProjects.withItems(dir, "pending", 20, 4);
        try (ProjectStore store = ProjectStore.open(project)) {
            new GuidelineService().publish(store, "# Rules", "ana", null, null);
        }
        openGuidelines(project);
        waitForText("#guidelineHeading", "Version 1");

        clickOn("#addExampleButton");
        waitUntil(() -> isShowing(lookup("#exampleKeyField").tryQuery().orElse(null)));
        clickOn("#exampleKeyField").write("00007");
        // The key completes from the project's items: pick it from the suggestions.
        waitUntil(() -> lookup(".auto-complete-popup .list-cell").match(node -> node instanceof Labeled labeled
                && TestProjects.key(7).equals(labeled.getText())).tryQuery().isPresent());
        clickOn(lookup(".auto-complete-popup .list-cell").match(node -> node instanceof Labeled labeled
                && TestProjects.key(7).equals(labeled.getText())).queryAs(Node.class));
        waitUntil(() -> TestProjects.key(7).equals(lookup("#exampleKeyField").queryTextInputControl().getText()));
        clickOn("#exampleClassChoice");
        clickOn("shirt");
        clickOn("#exampleNoteField").write("Buttons and a collar: shirt, even with short sleeves");
        clickOn(addExampleInDialog());

        waitUntil(() -> versionTexts().contains("Pending examples for the next version (1)"));
        waitForText("#guidelineHeading", "Pending examples for v2");
        assertThat(exampleKeys()).containsExactly(TestProjects.key(7));
        assertThat(lookup(".example-card .class-pill").queryAll()).extracting(node -> ((Labeled) node).getText())
                .containsExactly("shirt");
        assertThat(lookup(".example-card .new-badge").queryAll()).hasSize(1);
        assertThat(lookup("#exampleKeyField").tryQuery()).as("the dialog closed").isEmpty();
    }

    @Test
    void anUnknownItemKeepsTheDialogOpenWithTheReason() throws Exception {
        openGuidelines(TestProjects.withItems(dir, "unknown", 5, 0));
        waitUntil(() -> isShowing(lookup("#addExampleButton").tryQuery().orElse(null)));

        clickOn("#addExampleButton");
        waitUntil(() -> isShowing(lookup("#exampleKeyField").tryQuery().orElse(null)));
        clickOn("#exampleKeyField").write("nope.png");
        clickOn("#exampleNoteField").write("why");
        clickOn(addExampleInDialog());

        waitUntil(() -> lookup(".example-dialog .form-error").tryQuery()
                .map(node -> "example: no item with key 'nope.png'".equals(((Labeled) node).getText())).orElse(false));
        clickOn(lookup(".example-dialog .button").match(node -> node instanceof Labeled labeled
                && "Cancel".equals(labeled.getText())).queryAs(Node.class));
        waitUntil(() -> lookup("#exampleKeyField").tryQuery().isEmpty());
        assertThat(versionTexts()).isEmpty();
    }

    private void openGuidelines(Path project) throws TimeoutException {
        openProject(project);
        clickOn("#guidelinesNav");
        waitUntil(() -> isShowing(lookup("#versionList").tryQuery().orElse(null)));
    }

    /** The dialog's Add button (the view's own buttons say "Add example…"). */
    private Node addExampleInDialog() {
        return lookup(".example-dialog .button").match(node -> node instanceof Labeled labeled
                && "Add example".equals(labeled.getText())).queryAs(Node.class);
    }

    /** Every text of the version list's cells, in order. */
    private List<String> versionTexts() {
        return onFx(() -> {
            ListView<?> list = lookup("#versionList").queryAs(ListView.class);
            return list.lookupAll(".list-cell .label").stream()
                    .filter(node -> node.isVisible() && ((Labeled) node).getText() != null
                            && !((Labeled) node).getText().isEmpty())
                    .sorted(java.util.Comparator.comparingDouble(node -> node.localToScene(0, 0).getY()))
                    .map(node -> ((Labeled) node).getText()).toList();
        });
    }

    private List<String> exampleKeys() {
        return onFx(() -> lookup(".example-card .example-key").queryAll().stream()
                .filter(Node::isVisible)
                .map(node -> ((Labeled) node).getText()).toList());
    }

    /** The rendered Markdown's blocks, one line each. */
    private String renderedText(String query) {
        return onFx(() -> {
            MarkdownView view = lookup(query).queryAs(MarkdownView.class);
            return String.join("\n", view.renderedContent().getChildren().stream().map(GuidelinesViewTest::plain)
                    .toList());
        });
    }

    private List<String> firstBlockStyle(String query) {
        return onFx(() -> List.copyOf(lookup(query).queryAs(MarkdownView.class).renderedContent().getChildren().get(0)
                .getStyleClass()));
    }

    private static String plain(Node node) {
        if (node instanceof Text text) {
            return text.getText();
        }
        if (node instanceof Labeled labeled) {
            return labeled.getText();
        }
        if (node instanceof TextFlow flow) {
            return String.join("", flow.getChildren().stream().map(GuidelinesViewTest::plain).toList());
        }
        if (node instanceof javafx.scene.Parent parent) {
            return String.join("", parent.getChildrenUnmodifiable().stream().map(GuidelinesViewTest::plain).toList());
        }
        return "";
    }

    @Test
    void refusesAnUnchangedVersionOrOneWithoutAChangeNoteAndAsksBeforePublishing() throws Exception {
        Path project = TestProjects.withItems(dir, "unchanged", 20, 4);
        try (ProjectStore store = ProjectStore.open(project)) {
            new GuidelineService().publish(store, "# Rules\n\nSleeves decide.", "ana", "First", null);
        }
        openGuidelines(project);
        waitForText("#guidelineHeading", "Version 1");

        clickOn("#editGuidelineButton");
        waitUntil(() -> lookup("#markdownArea").query().isFocused());
        waitForText("#editorError", "Say what changed since v1 to publish v2");
        assertThat(onFx(() -> lookup("#publishButton").query().isDisabled())).isTrue();

        clickOn("#changeNoteField").write("Nothing really");
        waitForText("#editorError", "v2 would be the same as v1: change the text or the examples first");
        assertThat(onFx(() -> lookup("#publishButton").query().isDisabled())).isTrue();
        press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        assertThat(lookup(".publish-confirmation").tryQuery()).isEmpty();

        clickOn("#markdownArea").press(KeyCode.SHORTCUT, KeyCode.END).release(KeyCode.END, KeyCode.SHORTCUT);
        write(" The collar decides.");
        waitUntil(() -> !onFx(() -> lookup("#publishButton").query().isDisabled()));
        assertThat(onFx(() -> lookup("#editorErrorBar").query().isVisible())).isFalse();
        clickOn("#publishButton");
        waitUntil(() -> lookup(".publish-confirmation").tryQuery().isPresent());
        clickOn("Cancel", javafx.scene.input.MouseButton.PRIMARY);
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            assertThat(new GuidelineService().list(store)).hasSize(1);
        }
        assertThat(text("#editorTitle")).isEqualTo("New version: v2");
    }

    /** Publish asks first; the dialog names the version, and Enter confirms. */
    private void confirmPublishing(String question) throws Exception {
        waitUntil(() -> lookup(".publish-confirmation").tryQuery().isPresent());
        assertThat(onFx(() -> ((javafx.scene.control.DialogPane) lookup(".publish-confirmation").query())
                .getHeaderText())).isEqualTo(question);
        type(KeyCode.ENTER);
    }
}
