package org.labelbench.ui.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelbench.ui.TestProjects;
import org.labelbench.ui.WorkbenchTestBase;

/** The Schema view driven by keyboard and mouse on a project whose coat and shirt have labels and bag has none. */
class SchemaViewTest extends WorkbenchTestBase {

    @BeforeEach
    void openSchema() throws TimeoutException {
        openProject(TestProjects.withItems(dir, "schema", 20, 4));
        clickOn("#schemaNav");
        waitUntil(() -> cell("coat", "labels-column").equals("8"));
    }

    @Test
    void aClashingHotkeyForANewClassShowsTheReasonAndChangesNothing() throws Exception {
        clickOn("#newClassName").write("hoodie");
        clickOn("#newClassHotkey").write("1");
        clickOn("#addClassButton");

        waitForText("#schemaMessage", "hotkey '1' is already used by class 'coat'");
        assertThat(names()).containsExactly("coat", "shirt", "bag");
        assertThat(cell("coat", "hotkey-column")).isEqualTo("1");
        assertThat(onFx(() -> lookup("#newClassName").queryTextInputControl().getText())).isEqualTo("hoodie");

        clickOn("#newClassHotkey").write("h"); // a second key replaces the first
        clickOn("#addClassButton");
        waitUntil(() -> names().size() == 4);
        assertThat(cell("hoodie", "hotkey-column")).isEqualTo("h");
        assertThat(text("#schemaMessage")).isEqualTo("Added class 'hoodie' with hotkey 'h'");
    }

    @Test
    void retiringAUsedClassMarksItRetiredAndFreesItsHotkey() throws Exception {
        clickOn("coat");
        waitForText("#selectedClassName", "coat");
        assertThat(onFx(() -> lookup("#removeClassButton").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(text("#removeClassReason")).isEqualTo("has labels; retire it instead");

        clickOn("#retireClassButton");

        waitUntil(() -> cell("coat", "state-column").equals("Retired"));
        assertThat(cell("coat", "hotkey-column")).isEqualTo("—");
        assertThat(cell("coat", "labels-column")).as("its labels stay").isEqualTo("8");
        assertThat(text("#selectedClassState")).isEqualTo("Retired");
        assertThat(text("#schemaMessage"))
                .isEqualTo("Class 'coat' retired: it is no longer offered; hotkey '1' is free");

        clickOn("bag");
        waitForText("#selectedClassName", "bag");
        clickOn("#classHotkeyField");
        type(javafx.scene.input.KeyCode.DIGIT1);
        waitUntil(() -> cell("bag", "hotkey-column").equals("1"));
        assertThat(text("#schemaMessage")).isEqualTo("Hotkey of 'bag' is '1'");
    }

    @Test
    void removesAnUnusedClass() throws Exception {
        clickOn("bag");
        waitForText("#selectedClassName", "bag");
        waitUntil(() -> !lookup("#removeClassButton").queryAs(Button.class).isDisabled());

        clickOn("#removeClassButton");

        waitUntil(() -> names().equals(List.of("coat", "shirt")));
        assertThat(text("#schemaMessage")).isEqualTo("Removed class 'bag'");
    }

    @Test
    void multiLabelIsLockedOnceThereAreLabels() {
        assertThat(onFx(() -> lookup("#multiLabelBox").query().isDisabled())).isTrue();
        assertThat(text("#multiLabelReason")).startsWith("Locked: the project has labels");
    }

    @SuppressWarnings("unchecked")
    private TableView<ClassRow> table() {
        return lookup(".schema-table").queryAs(TableView.class);
    }

    private List<String> names() {
        return onFx(() -> table().getItems().stream().map(ClassRow::name).toList());
    }

    /** What the cell of {@code className}'s row in column {@code columnId} shows on screen. */
    private String cell(String className, String columnId) {
        return onFx(() -> lookup(".schema-table .table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && columnId.equals(cell.getTableColumn().getId()) && !cell.isEmpty()
                        && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof ClassRow row
                        && row.name().equals(className))
                .map(node -> ((Labeled) node).getText()).findFirst().orElse(""));
    }
}
