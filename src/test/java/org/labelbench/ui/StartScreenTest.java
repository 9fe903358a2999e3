package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;

class StartScreenTest extends WorkbenchTestBase {

    @Test
    void createsAProjectAndShowsTheEmptyMainWindow() throws Exception {
        Path file = dir.resolve("street-signs.lbproj");
        prompts.newProjectFile = file;

        clickOn("#nameField").write("Street signs");
        clickOn("#classesField").write("stop, yield, speed-limit");
        clickOn("#multiLabelBox");
        clickOn("Create project…");

        waitForMainWindow();
        assertThat(text("#itemCountsLabel")).isEqualTo("0 items · 0 images · 0 audio");
        assertThat(text("#projectNameLabel")).isEqualTo("Street signs");
        String title = onFx(stage::getTitle);
        assertThat(title).isEqualTo("Labelbench — Street signs");
        waitUntil(() -> text(".count-label").equals("Showing 0 of 0 items"));
        int rows = onFx(() -> itemsTable().getItems().size());
        assertThat(rows).isZero();
        assertThat(Files.isRegularFile(file)).isTrue();
        int classes = workbench.openStore().read(tx -> new LabelClassRepository().list(tx).size());
        assertThat(classes).isEqualTo(3);
        assertThat(lookup(".nav-item").queryAll()).extracting(node -> ((javafx.scene.control.Labeled) node).getText())
                .startsWith("Items", "Label");
    }

    @Test
    void explainsAnInvalidFormInline() {
        clickOn("#classesField").write("cat, dog, cat");
        clickOn("Create project…");

        assertThat(text("#formErrorLabel")).isEqualTo("Project name is empty");
        clickOn("#nameField").write("Pets");
        clickOn("Create project…");
        assertThat(text("#formErrorLabel")).isEqualTo("Class 'cat' is listed twice");
        assertThat(lookup("#itemCountsLabel").tryQuery()).isEmpty();
    }

    @Test
    void showsWhyAProjectCannotBeOpened() throws Exception {
        Path file = dir.resolve("busy.lbproj");
        try (ProjectStore holder = ProjectStore.create(file, new ProjectSettings("busy", List.of(), false))) {
            prompts.projectFile = file;
            clickOn("Open project…");

            waitUntil(() -> lookup(".dialog-pane").tryQuery().isPresent());
            DialogPane alert = lookup(".dialog-pane").queryAs(DialogPane.class);
            String message = onFx(alert::getContentText);
            assertThat(message).contains("busy.lbproj: already open for writing");
            assertThat(lookup("#itemCountsLabel").tryQuery()).isEmpty();
            clickOn("OK");
        }
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedUnchangedAndNotRemembered() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.lbproj"), "a shopping list, not a project");
        byte[] before = Files.readAllBytes(notes);
        prompts.projectFile = notes;
        clickOn("Open project…");

        waitUntil(() -> lookup(".dialog-pane").tryQuery().isPresent());
        String message = onFx(lookup(".dialog-pane").queryAs(DialogPane.class)::getContentText);
        assertThat(message).contains("notes.lbproj: not a Labelbench project (not an SQLite database)");
        clickOn("OK");
        assertThat(Files.readAllBytes(notes)).isEqualTo(before);
        assertThat(dir.resolve("notes.lbproj.lock")).doesNotExist();
        assertThat(new org.labelbench.project.RecentProjects(dir.resolve("home").resolve("recent-projects.txt")).list())
                .isEmpty();
        int recent = onFx(() -> ((javafx.scene.control.ListView<?>) lookup("#recentList").query()).getItems().size());
        assertThat(recent).isZero();
    }

    @Test
    void reopensARecentProjectWithEnter() throws Exception {
        Path file = TestProjects.withItems(dir, "recent", 3, 0);
        openProject(file);
        clickOn("Close project");
        waitUntil(() -> lookup("#recentList").tryQuery().map(list -> list.getLayoutBounds().getWidth() > 0)
                .orElse(false));

        clickOn("recent.lbproj");
        type(javafx.scene.input.KeyCode.ENTER);

        waitForMainWindow();
        assertThat(text("#itemCountsLabel")).isEqualTo("3 items · 3 images · 0 audio");
    }

    @Test
    void saysHowToGetSampleProjectsWhenThereAreNone() {
        assertThat(text("#samplesHint")).contains("sample-projects/build-samples.sh");
    }
}
