package org.labelbench.ui.disagreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.labelbench.testing.SqlRows;
import org.labelbench.ui.WorkbenchTestBase;
import org.labelbench.ui.label.ZoomableImageView;

/**
 * A lead opens Disagreements in the real window (headless), sees the most contested item with
 * each annotator's label, sets its gold with a class key (signing in the first time), lands on
 * the next item, and turns a resolved item into a guideline example with Ctrl+E.
 */
class DisagreementsViewTest extends WorkbenchTestBase {

    @Test
    void adjudicatesByKeyAndCollectsAGuidelineExample() throws Exception {
        Path project = DisagreementProjects.clothes(dir);
        openProject(project);

        clickOn("#disagreementsNav");
        waitForText("#disagreementKeyLabel", "c.png");
        waitForText("#disagreementCountLabel", "4 contested, 0 resolved");
        assertThat(firstRowKey()).isEqualTo("c.png");
        assertThat(column("annotatorColumn")).containsExactly("ana", "ben", "cy");
        assertThat(column("labelColumn")).containsExactly("shirt", "t-shirt", "coat");
        assertThat(column("unsureColumn")).containsExactly("unsure", "", "");
        assertThat(column("timeColumn")).containsExactly("4.20 s", "1.80 s", "2.50 s");
        assertThat(column("guidelineColumn")).containsExactly("v1", "v1", "v1");
        assertThat(column("noteColumn")).containsExactly("short sleeves, though", "", "");
        waitUntil(() -> lookup("#disagreementImage").queryAs(ZoomableImageView.class).imageProperty().get() != null);
        assertThat(onFx(() -> lookup(".gold-button").queryAll().stream().map(b -> ((Labeled) b).getText()).toList()))
                .containsExactly("coat", "shirt", "t-shirt");

        type(KeyCode.DIGIT2); // shirt: the first time, the workbench asks who is adjudicating
        waitUntil(() -> lookup("#labelerNameField").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#labelerRoleChoice");
        clickOn("lead");
        clickOn("#labelerNameField");
        write("lena");
        type(KeyCode.ENTER);

        waitForText("#disagreementKeyLabel", "d.png");
        assertThat(SqlRows.of(workbench.openStore(), "SELECT i.key, n.name, lc.name, a.kind, a.guideline_version"
                + " FROM annotation a JOIN item i ON i.id = a.item JOIN annotator n ON n.id = a.annotator"
                + " JOIN label_class lc ON lc.id = a.label_class WHERE a.origin = 'adjudicated'"))
                .containsExactly(List.of("c.png", "lena", "shirt", "class", "1"));
        waitForText("#disagreementCountLabel", "4 contested, 1 resolved");
        assertThat(text("#adjudicatorLabel")).isEqualTo("Adjudicating as lena (lead)");
        assertThat(column("labelColumn")).containsExactly("t-shirt", "shirt", "t-shirt", "shirt");

        type(KeyCode.UP); // back to c.png, now with its gold
        waitForText("#disagreementKeyLabel", "c.png");
        assertThat(text("#goldLabel")).isEqualTo("Gold: shirt (by lena)");
        press(KeyCode.SHORTCUT, KeyCode.E);
        release(KeyCode.E, KeyCode.SHORTCUT);
        waitUntil(() -> lookup("#exampleNoteField").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#exampleNoteField");
        write("a collar makes it a shirt");
        type(KeyCode.ENTER);

        waitForText("#disagreementMessage", "Added c.png as an example of shirt for the next guideline version");
        assertThat(SqlRows.of(workbench.openStore(), "SELECT e.version IS NULL, i.key, lc.name, e.note, e.author"
                + " FROM guideline_example e JOIN item i ON i.id = e.item JOIN label_class lc ON lc.id = e.label_class"))
                .containsExactly(List.of("1", "c.png", "shirt", "a collar makes it a shirt", "lena"));
        assertThat(text("#disagreementKeyLabel")).isEqualTo("c.png");
    }

    @Test
    void aLabelerIsToldWhyAClassKeySetsNoGold() throws Exception {
        org.labelbench.ui.label.LabelerFile.standard().save(new org.labelbench.ui.label.Labeler("dana", "labeler"));
        Path project = DisagreementProjects.clothes(dir);
        openProject(project);

        clickOn("#disagreementsNav");
        waitForText("#disagreementKeyLabel", "c.png");
        type(KeyCode.DIGIT2);

        waitForText("#disagreementMessage",
                "Only a reviewer or lead can set gold; you are dana (labeler) (Switch… to change)");
        assertThat(text("#disagreementKeyLabel")).isEqualTo("c.png");
        assertThat(SqlRows.of(workbench.openStore(), "SELECT COUNT(*) FROM annotation WHERE origin = 'adjudicated'"))
                .containsExactly(List.of("0"));
    }

    /** The key on the list's first row, as shown. */
    private String firstRowKey() {
        return onFx(() -> lookup(".disagreement-cell").queryAll().stream()
                .filter(cell -> ((DisagreementCell) cell).getIndex() == 0)
                .map(cell -> ((Labeled) cell.lookup(".disagreement-cell-key")).getText()).findFirst().orElse(null));
    }

    /** The texts of the opinion table's cells in one column, top to bottom. */
    private List<String> column(String id) {
        return onFx(() -> lookup("#opinionTable .table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && id.equals(cell.getTableColumn().getId()) && !cell.isEmpty() && cell.getTableRow() != null
                        && !cell.getTableRow().isEmpty())
                .map(node -> (TableCell<?, ?>) node)
                .sorted(Comparator.comparingInt(TableCell::getIndex))
                .map(cell -> cell.getText() == null ? "" : cell.getText()).toList());
    }
}
