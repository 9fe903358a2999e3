package org.labelbench.ui.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.labeling.LabelSchemaService;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.TestProjects;
import org.labelbench.ui.UiExecutors;

/** The Schema view model without a window: direct executors, a project of 40 items with labels on 4. */
class SchemaViewModelTest {
    @TempDir
    Path dir;
    ProjectStore store;
    SchemaViewModel viewModel;
    int changes;

    private void open(int labeled) {
        store = ProjectStore.open(TestProjects.withItems(dir, "schema", 40, labeled));
        viewModel = new SchemaViewModel(new SchemaCatalog(store), new UiExecutors(Runnable::run, Runnable::run,
                Runnable::run));
        viewModel.setOnSchemaChanged(() -> changes++);
        viewModel.reload();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listsTheClassesInOrderWithTheirLabels() {
        open(4);

        assertThat(viewModel.rows()).extracting(ClassRow::name, ClassRow::hotkeyText, ClassRow::stateText,
                ClassRow::labelsText).containsExactly(
                        Tuple.tuple("coat", "1", "Offered", "8"),
                        Tuple.tuple("shirt", "2", "Offered", "4"),
                        Tuple.tuple("bag", "3", "Offered", "0"));
        assertThat(viewModel.rows()).extracting(ClassRow::removable).containsExactly(false, false, true);
        assertThat(viewModel.anyLabelsProperty().get()).isTrue();
        assertThat(viewModel.multiLabelLockReasonProperty().get()).startsWith("Locked: the project has labels");
    }

    @Test
    void aClashingHotkeyIsRefusedWithTheReasonAndNothingChanges() {
        open(4);
        viewModel.newNameProperty().set("hoodie");
        viewModel.newHotkeyProperty().set("1");

        viewModel.addClass();

        assertThat(viewModel.messageProperty().get()).isEqualTo("hotkey '1' is already used by class 'coat'");
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.rows()).extracting(ClassRow::name).containsExactly("coat", "shirt", "bag");
        assertThat(viewModel.newNameProperty().get()).as("the form keeps what was typed").isEqualTo("hoodie");
        assertThat(changes).isZero();
    }

    @Test
    void addsAClassWithAHotkeyAndAColour() {
        open(4);
        viewModel.newNameProperty().set(" hoodie ");
        viewModel.newHotkeyProperty().set("H");
        viewModel.newColorProperty().set("#112233");

        viewModel.addClass();

        assertThat(viewModel.messageProperty().get()).isEqualTo("Added class 'hoodie' with hotkey 'h'");
        assertThat(viewModel.messageIsErrorProperty().get()).isFalse();
        ClassRow added = viewModel.rows().get(3);
        assertThat(added.name()).isEqualTo("hoodie");
        assertThat(added.hotkeyText()).isEqualTo("h");
        assertThat(added.labelClass().color()).isEqualTo("#112233");
        assertThat(added.labelsText()).isEqualTo("0");
        assertThat(viewModel.newNameProperty().get()).isEmpty();
        assertThat(viewModel.newColorProperty().get()).isNull();
        assertThat(changes).isEqualTo(1);
    }

    @Test
    void retiringAUsedClassFreesItsHotkeyAndRestoringOffersItAgain() {
        open(4);
        select("coat");

        viewModel.retire();

        ClassRow coat = row("coat");
        assertThat(coat.stateText()).isEqualTo("Retired");
        assertThat(coat.hotkeyText()).isEqualTo(ClassRow.NO_HOTKEY);
        assertThat(coat.labelsText()).as("its labels stay").isEqualTo("8");
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Class 'coat' retired: it is no longer offered; hotkey '1' is free");
        assertThat(viewModel.selectedProperty().get()).isEqualTo(coat);
        assertThat(viewModel.canRestoreProperty().get()).isTrue();

        select("bag");
        viewModel.setHotkey("1");
        assertThat(row("bag").hotkeyText()).isEqualTo("1");

        select("coat");
        viewModel.restore();
        assertThat(row("coat").stateText()).isEqualTo("Offered");
        assertThat(row("coat").hotkeyText()).as("the next free key").isEqualTo("3");
    }

    @Test
    void onlyAnUnusedClassIsRemoved() {
        open(4);
        select("coat");
        assertThat(viewModel.canRemoveProperty().get()).isFalse();
        assertThat(viewModel.removeBlockedReasonProperty().get()).isEqualTo("has labels; retire it instead");

        viewModel.remove(); // the button is disabled; the service refuses as well
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("class 'coat' has labels or guideline examples; retire it instead");
        assertThat(viewModel.rows()).hasSize(3);

        select("bag");
        assertThat(viewModel.canRemoveProperty().get()).isTrue();
        viewModel.remove();
        assertThat(viewModel.rows()).extracting(ClassRow::name).containsExactly("coat", "shirt");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Removed class 'bag'");
        assertThat(viewModel.selectedProperty().get()).isNull();
    }

    @Test
    void hotkeyClashAndColourChangesOnTheSelectedClass() {
        open(4);
        select("shirt");

        viewModel.setHotkey("1");
        assertThat(viewModel.messageProperty().get()).isEqualTo("hotkey '1' is already used by class 'coat'");
        assertThat(row("shirt").hotkeyText()).isEqualTo("2");

        viewModel.setHotkey("q");
        assertThat(row("shirt").hotkeyText()).isEqualTo("q");
        viewModel.setHotkey(null);
        assertThat(row("shirt").hotkeyText()).isEqualTo(ClassRow.NO_HOTKEY);

        viewModel.setColor("#ABCDEF");
        assertThat(row("shirt").labelClass().color()).isEqualTo("#abcdef");
        viewModel.setColor("teal");
        assertThat(viewModel.messageProperty().get()).isEqualTo("colour 'teal' is not of the form #rrggbb");
    }

    @Test
    void multiLabelIsRefusedOnceThereAreLabels() {
        open(4);

        viewModel.setMultiLabel(true);

        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get()).startsWith("the project has labels already");
        assertThat(viewModel.multiLabelProperty().get()).isFalse();
        assertThat(new LabelSchemaService().schema(store).multiLabel()).isFalse();
    }

    @Test
    void optionsSwitchWhileThereAreNoLabels() {
        open(0);
        assertThat(viewModel.anyLabelsProperty().get()).isFalse();
        assertThat(viewModel.multiLabelLockReasonProperty().get()).isEmpty();

        viewModel.setMultiLabel(true);
        viewModel.setTranscript(true);

        assertThat(viewModel.multiLabelProperty().get()).isTrue();
        assertThat(viewModel.transcriptProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Audio items now take a transcript");
        assertThat(new LabelSchemaService().schema(store).multiLabel()).isTrue();
    }

    private void select(String name) {
        viewModel.select(row(name));
    }

    private ClassRow row(String name) {
        List<ClassRow> rows = viewModel.rows();
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
