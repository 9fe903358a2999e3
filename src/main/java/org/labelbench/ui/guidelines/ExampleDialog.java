package org.labelbench.ui.guidelines;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.labelbench.ui.AppTheme;

/**
 * "Add example…": an item key (completed from the project's items), a class from the schema and
 * a note. It is a view of the view model's form: Add sends the form, which closes the dialog
 * once the service accepted it, or shows the refusal under the fields and stays open.
 */
final class ExampleDialog {
    private final Dialog<Void> dialog = new Dialog<>();
    private final GuidelinesViewModel viewModel;
    private final AutoCompletionBinding<String> completion;

    ExampleDialog(Window owner, GuidelinesViewModel viewModel) {
        this.viewModel = viewModel;
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Add example");
        dialog.setHeaderText("Add an example for the next guideline version");
        dialog.getDialogPane().getStyleClass().add("example-dialog");
        dialog.getDialogPane().getStylesheets().add(AppTheme.stylesheetUrl());

        TextField key = new TextField();
        key.setId("exampleKeyField");
        key.setPromptText("Item key, e.g. 00042.png");
        key.textProperty().bindBidirectional(viewModel.formKeyProperty());
        completion = TextFields.bindAutoCompletion(key, request -> viewModel.suggestKeys(request.getUserText()));
        completion.setDelay(150);
        ComboBox<String> label = new ComboBox<>(viewModel.classChoices());
        label.setId("exampleClassChoice");
        label.valueProperty().bindBidirectional(viewModel.formLabelProperty());
        label.setMaxWidth(Double.MAX_VALUE);
        TextField note = new TextField();
        note.setId("exampleNoteField");
        note.setPromptText("Why it is an example, e.g. buttons and a collar: shirt, even with short sleeves");
        note.textProperty().bindBidirectional(viewModel.formNoteProperty());
        note.setPrefColumnCount(40);
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.formErrorProperty());
        error.visibleProperty().bind(viewModel.formErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(8, 0, 0, 0));
        grid.addRow(0, fieldName("Item"), key);
        grid.addRow(1, fieldName("Class"), label);
        grid.addRow(2, fieldName("Note"), note);
        grid.add(error, 1, 3);
        GridPane.setHgrow(key, Priority.ALWAYS);
        GridPane.setHgrow(note, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);

        ButtonType add = new ButtonType("Add example", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        Button addButton = (Button) dialog.getDialogPane().lookupButton(add);
        addButton.disableProperty().bind(viewModel.formBusyProperty());
        // Add does not close the dialog: the form closes it when the example was accepted.
        addButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.submitExample();
        });
        dialog.setOnHidden(event -> {
            completion.dispose();
            viewModel.closeExampleForm();
        });
        dialog.setOnShown(event -> key.requestFocus());
    }

    private static Label fieldName(String text) {
        Label name = new Label(text);
        name.setMinWidth(Region.USE_PREF_SIZE);
        return name;
    }

    void show() {
        dialog.show();
    }

    void close() {
        dialog.close();
    }
}
