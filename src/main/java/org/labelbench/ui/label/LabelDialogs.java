package org.labelbench.ui.label;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.labelbench.project.BadInputException;
import org.labelbench.ui.AppTheme;

/** The Label page's questions as JavaFX dialogs, keyboard first. */
public final class LabelDialogs implements LabelPrompts {

    @Override
    public Optional<Labeler> labeler(Window owner, Labeler current) {
        Dialog<ButtonType> dialog = dialog(owner, "Who is labeling?");
        dialog.setHeaderText(current == null ? "Your labels are recorded under your name. It is remembered on this"
                + " computer." : "Switch labeler: the labels that follow are recorded under the new name.");
        TextField name = new TextField(current == null ? "" : current.name());
        name.setId("labelerNameField");
        name.setPromptText("Your name, e.g. ana");
        ChoiceBox<String> role = new ChoiceBox<>();
        role.setId("labelerRoleChoice");
        role.getItems().setAll(Labeler.ROLES);
        role.setValue(current == null ? "labeler" : current.role());
        Label error = errorLabel("labelerError");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Role"), role);
        grid.add(error, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType("Continue", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.disableProperty().bind(name.textProperty().isEmpty());
        Labeler[] result = new Labeler[1];
        okButton.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            try {
                result[0] = new Labeler(name.getText(), role.getValue());
            } catch (BadInputException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
                event.consume();
            }
        });
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait().filter(button -> button == ok).map(button -> result[0]);
    }

    @Override
    public Optional<String> skipReason(Window owner) {
        Dialog<String> dialog = new Dialog<>();
        setUp(dialog, owner, "Skip item");
        dialog.setHeaderText("Why skip this item? Press 1, 2 or 3, or type a reason and Enter.");
        TextField other = new TextField();
        other.setId("skipReasonField");
        other.setPromptText("Another reason");
        VBox presets = new VBox(6);
        List<String> reasons = LabelingViewModel.SKIP_REASONS;
        for (int i = 0; i < reasons.size(); i++) {
            String reason = reasons.get(i);
            Button button = new Button((i + 1) + "   " + reason);
            button.getStyleClass().add("skip-reason");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setFocusTraversable(false);
            button.setOnAction(event -> {
                dialog.setResult(reason);
                dialog.close();
            });
            presets.getChildren().add(button);
        }
        VBox content = new VBox(10, presets, other);
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefWidth(360);
        dialog.getDialogPane().setContent(content);
        ButtonType skip = new ButtonType("Skip", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(skip, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(skip).disableProperty().bind(other.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == skip ? other.getText().strip() : null);
        // 1, 2, 3 pick a preset while nothing is typed (a typed reason may contain digits).
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            int index = digit(event.getCode()) - 1;
            if (index >= 0 && index < reasons.size() && other.getText().isEmpty() && !event.isShortcutDown()) {
                event.consume();
                dialog.setResult(reasons.get(index));
                dialog.close();
            }
        });
        Platform.runLater(other::requestFocus);
        return dialog.showAndWait().filter(reason -> !reason.isBlank());
    }

    @Override
    public Optional<String> note(Window owner, String current) {
        TextInputDialog dialog = new TextInputDialog(current == null ? "" : current);
        setUp(dialog, owner, "Note");
        dialog.setHeaderText("A note on this item, saved with your next label (leave it empty to remove it)");
        dialog.getEditor().setId("noteField");
        dialog.getEditor().setPrefColumnCount(32);
        return dialog.showAndWait().map(String::strip);
    }

    /** Keys offered under the jump field. */
    private static final int COMPLETIONS_SHOWN = 8;

    @Override
    public Optional<String> itemKey(Window owner, Function<String, CompletionStage<List<String>>> completions) {
        Dialog<String> dialog = new Dialog<>();
        setUp(dialog, owner, "Jump to item");
        dialog.setHeaderText("The key of the item to show (one you labeled, or one the queue still needs)."
                + " Keys of the queue that start with what you type are offered; ↓ picks one.");
        TextField field = new TextField();
        field.setId("jumpKeyField");
        field.setPrefColumnCount(32);
        ListView<String> suggestions = new ListView<>();
        suggestions.setId("jumpSuggestions");
        suggestions.setPrefHeight(150);
        suggestions.setPlaceholder(new Label("Type the start of a key"));
        field.textProperty().addListener((observable, was, typed) -> completions.apply(typed).thenAccept(keys -> {
            if (typed.equals(field.getText())) { // a late answer for older text is dropped
                suggestions.getItems().setAll(keys);
            }
        }));
        field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN && !suggestions.getItems().isEmpty()) {
                event.consume();
                suggestions.requestFocus();
                suggestions.getSelectionModel().selectFirst();
            }
        });
        suggestions.setOnMouseClicked(event -> {
            String picked = suggestions.getSelectionModel().getSelectedItem();
            if (picked != null && event.getClickCount() == 2) {
                dialog.setResult(picked);
                dialog.close();
            }
        });
        VBox content = new VBox(8, field, suggestions);
        dialog.getDialogPane().setContent(content);
        ButtonType jump = new ButtonType("Jump", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(jump, ButtonType.CANCEL);
        // The key picked in the list, else the one key offered for what is typed, else what is typed.
        dialog.setResultConverter(button -> {
            if (button != jump) {
                return null;
            }
            String picked = suggestions.isFocused() ? suggestions.getSelectionModel().getSelectedItem() : null;
            if (picked != null) {
                return picked;
            }
            String typed = field.getText().strip();
            List<String> offered = suggestions.getItems();
            return offered.size() == 1 && offered.get(0).startsWith(typed) && !offered.contains(typed)
                    ? offered.get(0) : typed;
        });
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait().map(String::strip).filter(key -> !key.isEmpty());
    }

    private static Dialog<ButtonType> dialog(Window owner, String title) {
        Dialog<ButtonType> dialog = new Dialog<>();
        setUp(dialog, owner, title);
        return dialog;
    }

    static void setUp(Dialog<?> dialog, Window owner, String title) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.getDialogPane().getStylesheets().add(AppTheme.stylesheetUrl());
    }

    /** A form's error line showing {@code text}, hidden while it is empty. */
    static Label errorLabel(String id, javafx.beans.value.ObservableStringValue text) {
        Label error = errorLabel(id);
        error.textProperty().bind(text);
        error.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        error.setMaxWidth(560);
        return error;
    }

    static Label errorLabel(String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    /** 0-9 for digit keys (main row or keypad), else -1. */
    static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char last = name.charAt(name.length() - 1);
            return Character.isDigit(last) ? last - '0' : -1;
        }
        return -1;
    }
}
