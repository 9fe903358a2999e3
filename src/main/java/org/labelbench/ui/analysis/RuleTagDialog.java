package org.labelbench.ui.analysis;

import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.labelbench.ui.AppTheme;

/**
 * "New tags → Rule tag…": a name and an expression (docs/tags.md), such as
 * {@code confidence < 0.5 and attr.ink == "low"}. Define keeps the dialog open until the core
 * accepts the rule; a refusal (the column of a syntax error, an unknown field) shows in the
 * dialog and changes nothing.
 */
final class RuleTagDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private boolean defining;

    /** {@code define} completes with null once the tag exists, or with the reason it was refused. */
    RuleTagDialog(Window owner, String run, BiFunction<String, String, CompletionStage<String>> define) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Rule tag");
        dialog.setHeaderText("Tag the items that meet a rule over media, attributes, labels and run '" + run
                + "'s predictions");
        dialog.getDialogPane().getStylesheets().add(AppTheme.stylesheetUrl());
        TextField name = new TextField();
        name.setId("ruleTagNameField");
        name.setPromptText("low confidence");
        TextField expression = new TextField();
        expression.setId("ruleTagExpressionField");
        expression.setPrefColumnCount(40);
        expression.setPromptText("confidence < 0.5 and attr.ink == \"low\"");
        Label error = new Label();
        error.setId("ruleTagError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setMaxWidth(560);
        error.managedProperty().bind(error.visibleProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        Label help = new Label("Fields: width, height, duration_ms, attr.NAME, label, labels, disagreement,"
                + " adjudicated, prediction, confidence, p.CLASS, correct. Operators: == != < <= > >= in, and, or, not.");
        help.getStyleClass().add("text-muted");
        help.setWrapText(true);
        help.setMaxWidth(560);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Rule"), expression);
        grid.add(help, 0, 2, 2, 1);
        grid.add(error, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);

        ButtonType defineType = new ButtonType("Define", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(defineType, ButtonType.CANCEL);
        Node defineButton = dialog.getDialogPane().lookupButton(defineType);
        defineButton.setId("defineRuleTagButton");
        defineButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes only once the tag exists
            if (defining) {
                return;
            }
            defining = true;
            define.apply(name.getText(), expression.getText()).whenComplete((refusal, failure) -> {
                defining = false;
                if (refusal == null && failure == null) {
                    dialog.setResult(defineType);
                    dialog.close();
                } else {
                    error.setText(refusal != null ? refusal : failure.getMessage());
                }
            });
        });
        Platform.runLater(name::requestFocus);
    }

    void show() {
        dialog.show();
    }
}
