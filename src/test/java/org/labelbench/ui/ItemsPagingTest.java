package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelbench.ui.items.ItemSlot;

class ItemsPagingTest extends WorkbenchTestBase {
    private static final int ITEMS = 5_000;
    private static final String LAST_KEY = TestProjects.key(ITEMS - 1);

    @BeforeEach
    void openLargeProject() throws Exception {
        Path project = TestProjects.withItems(dir, "large", ITEMS, 50);
        openProject(project);
        waitUntil(() -> text(".count-label").equals("Showing 5,000 of 5,000 items"));
    }

    @Test
    void showsEveryItemWithoutLoadingThemAll() throws Exception {
        int rows = onFx(() -> itemsTable().getItems().size());
        assertThat(rows).isEqualTo(ITEMS);
        waitUntil(() -> visibleKeys().contains(TestProjects.key(0)));
        assertThat(text("#itemCountsLabel")).isEqualTo("5,000 items · 5,000 images · 0 audio");

        clickOn(TestProjects.key(1));
        type(KeyCode.END);

        waitForKeys("the last key", keys -> keys.contains(LAST_KEY));
        int pagesRead = onFx(() -> ((org.labelbench.ui.items.PagedItemList) itemsTable().getItems()).pageReads());
        assertThat(pagesRead).as("pages read for the first and the last screen").isLessThanOrEqualTo(6);
    }

    @Test
    void sortsByKeyDescendingInTheStoreWhenTheHeaderIsClicked() throws Exception {
        clickOn(keyHeader());

        waitUntil(() -> firstKey().equals(LAST_KEY));
        waitForKeys("the last key first", keys -> !keys.isEmpty() && keys.get(0).equals(LAST_KEY));
        assertThat(text(".count-label")).isEqualTo("Showing 5,000 of 5,000 items");
    }

    @Test
    void theKeyFilterNarrowsTheCount() throws Exception {
        clickOn("#keyField").write("img_0499");

        waitForText(".count-label", "Showing 10 of 5,000 items");
        waitForKeys("the ten keys with img_0499", keys -> keys.size() == 10 && keys.get(9).equals(LAST_KEY));
    }

    @Test
    void showsLabelsByAnnotatorAndAMissingFileInThePreview() throws Exception {
        waitUntil(() -> lookup(".items-table .table-cell").queryAll().stream()
                .anyMatch(cell -> "coat ×2 · shirt".equals(((javafx.scene.control.Labeled) cell).getText())));

        clickOn(TestProjects.key(3));

        waitUntil(() -> text(".preview-message").startsWith("File not found: "));
        assertThat(text(".preview-message")).endsWith("media/" + TestProjects.key(3));
        assertThat(text(".preview-title")).isEqualTo(TestProjects.key(3));

        // The missing file's thumbnail is a warning sign that gives the reason (tooltip, accessible text).
        waitUntil(() -> lookup(".items-table .thumbnail").queryAll().stream()
                .anyMatch(node -> node.getAccessibleText() != null
                        && node.getAccessibleText().startsWith("File not found: ")));
    }

    @Test
    void theGridShowsTheSameItems() throws Exception {
        clickOn("Grid");

        waitUntil(() -> lookup(".grid-key").queryAll().stream()
                .anyMatch(node -> TestProjects.key(0).equals(((javafx.scene.control.Labeled) node).getText())));
        // Each tile says its current labels under the thumbnail, as the Labels column does.
        waitUntil(() -> lookup(".grid-labels").queryAll().stream()
                .anyMatch(node -> "coat ×2 · shirt".equals(((javafx.scene.control.Labeled) node).getText())));
        clickOn(TestProjects.key(2));
        waitUntil(() -> text(".preview-title").equals(TestProjects.key(2)));
        clickOn("Table");
        waitUntil(() -> visibleKeys().contains(TestProjects.key(2)));
    }

    @Test
    void ctrlGJumpsToATypedRowAndTheReadoutSaysWhereTheTableIs() throws Exception {
        waitUntil(() -> text(".row-range-label").startsWith("Rows 1–"));
        assertThat(text(".row-range-label")).endsWith(" of 5,000");

        clickOn(TestProjects.key(1));
        press(KeyCode.CONTROL).press(KeyCode.G).release(KeyCode.G).release(KeyCode.CONTROL);
        write("4,321").type(KeyCode.ENTER);

        waitForKeys("row 4,321", keys -> keys.contains(TestProjects.key(4320)));
        waitUntil(() -> text(".row-range-label").matches("Rows [0-9,]+–[0-9,]+ of 5,000"));
        String[] range = text(".row-range-label").replace("Rows ", "").replace(" of 5,000", "").replace(",", "")
                .split("–");
        assertThat(Integer.parseInt(range[0])).isLessThanOrEqualTo(4321);
        assertThat(Integer.parseInt(range[1])).isGreaterThanOrEqualTo(4321);
        waitUntil(() -> text(".preview-title").equals(TestProjects.key(4320)));

        // The grid opens where the selected item is, not at the top.
        clickOn("Grid");
        waitUntil(() -> lookup(".grid-key").queryAll().stream().filter(WorkbenchTestBase::isShowing)
                .anyMatch(node -> TestProjects.key(4320).equals(((javafx.scene.control.Labeled) node).getText())));
    }

    @Test
    void aNewFilterOrSortScrollsBackToTheTop() throws Exception {
        clickOn(TestProjects.key(1));
        type(KeyCode.END);
        waitForKeys("the last key", keys -> keys.contains(LAST_KEY));

        clickOn(keyHeader());

        waitForKeys("the first rows of the new order", keys -> !keys.isEmpty() && keys.get(0).equals(LAST_KEY));
        waitUntil(() -> text(".row-range-label").startsWith("Rows 1–"));
    }

    @Test
    void theEmptyPreviewGivesItsWidthToTheTableUntilAnItemIsSelected() throws Exception {
        waitUntil(() -> visibleKeys().contains(TestProjects.key(0)));
        assertThat(onFx(() -> lookup(".preview-pane").tryQuery().map(WorkbenchTestBase::isShowing).orElse(false)))
                .as("no preview without a selection").isFalse();
        double split = onFx(() -> lookup(".items-view .split-pane").query().getLayoutBounds().getWidth());
        assertThat(onFx(() -> itemsTable().getWidth())).isGreaterThan(split * 0.95);

        clickOn(TestProjects.key(2));

        waitUntil(() -> lookup(".preview-pane").tryQuery().map(WorkbenchTestBase::isShowing).orElse(false)
                && text(".preview-title").equals(TestProjects.key(2)));
        waitUntil(() -> itemsTable().getWidth() < split * 0.8);
    }

    private String firstKey() {
        return onFx(() -> {
            ItemSlot first = itemsTable().getItems().get(0);
            return first.isLoaded() ? first.item().key() : "";
        });
    }

    private Node keyHeader() {
        return lookup(".column-header").queryAll().stream()
                .filter(node -> node instanceof TableColumnHeader header && header.getTableColumn() != null
                        && "key-column".equals(header.getTableColumn().getId()))
                .findFirst().orElseThrow();
    }
}
