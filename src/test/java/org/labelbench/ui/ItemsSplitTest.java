package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelbench.dataset.SplitRule;
import org.labelbench.dataset.SplitService;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ProjectStore;

/** The Items view of a split project: the Split column, and the filter "split = dev". */
class ItemsSplitTest extends WorkbenchTestBase {

    @BeforeEach
    void openSplitProject() throws Exception {
        Path project = TestProjects.withItems(dir, "split", 40, 4);
        try (ProjectStore store = ProjectStore.open(project)) {
            new SplitService().split(store, SplitRule.parse("0.5,0.25,0.25", null, 2, "label", null), "t",
                    JobContext.silent());
        }
        openProject(project);
        waitUntil(() -> text(".count-label").equals("Showing 40 of 40 items"));
    }

    @Test
    void theSplitColumnAndFilterShowTheStoredSplit() throws Exception {
        boolean columnShown = onFx(() -> {
            TableView<?> table = lookup(".items-table").queryAs(TableView.class);
            return table.getColumns().stream().anyMatch(c -> "Split".equals(c.getText()) && c.isVisible());
        });
        assertThat(columnShown).isTrue();
        waitUntil(() -> cellTexts().contains("train"));

        clickOn("#splitChoice");
        clickOn("split = dev");

        waitForText(".count-label", "Showing 10 of 40 items");
        waitUntil(() -> cellTexts().contains("dev") && !cellTexts().contains("train") && !cellTexts().contains("test"));
    }

    /** The texts of the Split column's cells (the test project also has an attribute named split). */
    private java.util.List<String> cellTexts() {
        return lookup(".items-table .table-cell").queryAll().stream()
                .map(cell -> (javafx.scene.control.TableCell<?, ?>) cell)
                .filter(cell -> cell.getTableColumn() != null && "split-column".equals(cell.getTableColumn().getId()))
                .map(cell -> cell.getText()).filter(t -> t != null).toList();
    }
}
