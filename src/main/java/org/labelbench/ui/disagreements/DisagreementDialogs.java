package org.labelbench.ui.disagreements;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.labelbench.project.LabelClass;
import org.labelbench.ui.AppTheme;

/** The disagreement browser's own question: the class and note of a guideline example. */
public final class DisagreementDialogs {

    /**
     * Asks for the note (and the class: the item's gold, preselected when it has one) of a new
     * guideline example from {@code itemKey}. Empty when cancelled.
     */
    public Optional<ExampleRequest> example(Window owner, String itemKey, List<LabelClass> classes, String gold) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Add as guideline example");
        dialog.getDialogPane().getStylesheets().add(AppTheme.stylesheetUrl());
        dialog.setHeaderText("'" + itemKey + "' joins the next guideline version as an example of its gold label."
                + "\nSay what makes it that class.");
        ChoiceBox<LabelClass> classChoice = new ChoiceBox<>();
        classChoice.setId("exampleClassChoice");
        classChoice.getItems().setAll(classes);
        classChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(LabelClass labelClass) {
                return labelClass == null ? "" : labelClass.name();
            }

            @Override
            public LabelClass fromString(String name) {
                return classes.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            }
        });
        classes.stream().filter(c -> c.name().equals(gold)).findFirst().ifPresent(classChoice::setValue);
        TextField note = new TextField();
        note.setId("exampleNoteField");
        note.setPrefColumnCount(36);
        note.setPromptText("e.g. a collar and buttons make it a shirt, whatever the sleeves");
        Label setsGold = new Label();
        setsGold.getStyleClass().add("text-muted");
        setsGold.textProperty().bind(Bindings.createStringBinding(() -> classChoice.getValue() == null
                || classChoice.getValue().name().equals(gold) ? ""
                : "This also sets the gold label to " + classChoice.getValue().name() + ".", classChoice.valueProperty()));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Class"), classChoice);
        grid.addRow(1, new Label("Note"), note);
        grid.add(setsGold, 1, 2);
        dialog.getDialogPane().setContent(grid);
        ButtonType add = new ButtonType("Add example", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        Node addButton = dialog.getDialogPane().lookupButton(add);
        addButton.disableProperty().bind(Bindings.createBooleanBinding(() -> note.getText().isBlank()
                || classChoice.getValue() == null, note.textProperty(), classChoice.valueProperty()));
        Platform.runLater(note::requestFocus);
        return dialog.showAndWait().filter(button -> button == add)
                .map(button -> new ExampleRequest(classChoice.getValue(), note.getText().strip()));
    }
}
