package org.labelbench.ui.datasets;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a new version's name, note and items (all, a split, a tag); Create is the default button. */
final class CreateVersionDialog {
    /** What the user asked for. */
    record Request(String name, String note, String scope) {
    }

    private CreateVersionDialog() {
    }

    static Optional<Request> ask(Window owner, List<String> scopes, String suggestedName) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Create version");
        dialog.setHeaderText("Create a dataset version: the items, their labels and splits as they are now."
                + " A version is never changed afterwards.");
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add("create-version-dialog");
        TextField name = new TextField(suggestedName);
        name.setId("versionNameField");
        name.setPrefColumnCount(22);
        TextField note = new TextField();
        note.setId("versionNoteField");
        note.setPromptText("what changed, what it is for");
        ChoiceBox<String> scope = new ChoiceBox<>();
        scope.setId("versionScopeChoice");
        scope.getItems().setAll(scopes);
        scope.setValue(scopes.isEmpty() ? "all" : scopes.get(0));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Note"), note);
        form.addRow(2, new Label("Items"), scope);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().lookupButton(create).disableProperty().bind(name.textProperty().isEmpty());
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait().filter(create::equals)
                .map(pressed -> new Request(name.getText().strip(), note.getText().strip(), scope.getValue()));
    }
}
