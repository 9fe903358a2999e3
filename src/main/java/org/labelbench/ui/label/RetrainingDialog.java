package org.labelbench.ui.label;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.labelbench.analysis.Uncertainty;

/**
 * "Retraining": a queue asks the workbench to retrain a model every N new labels while people
 * label it, and to re-rank the items no one was served yet by the new model's uncertainty.
 * Save keeps the dialog open until the core accepts it; a refusal shows its reason here.
 */
final class RetrainingDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final Label everyReason = new Label();
    private final Spinner<Integer> every = WholeNumberSpinner.create("the number of labels", 1, 9_999,
            RetrainingForm.DEFAULT_EVERY, everyReason);
    private boolean saving;

    RetrainingDialog(Window owner, RetrainingForm form, QueueListViewModel queues, String author) {
        LabelDialogs.setUp(dialog, owner, "Retraining of '" + form.queue() + "'");
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setHeaderText("Active learning while people label: every N new labels of this queue, the model is"
                + " retrained on all of today's labels\n(as MODEL-r1, -r2, …) and the items no one was served yet"
                + " are served most uncertain first by its answers.");

        ChoiceBox<String> model = new ChoiceBox<>(form.models());
        model.setId("retrainModelChoice");
        model.valueProperty().bindBidirectional(form.modelProperty());
        model.setPrefWidth(220);
        every.setId("retrainEverySpinner");
        every.getValueFactory().setValue(form.everyProperty().get());
        form.everyProperty().addListener((observable, was, now) -> every.getValueFactory().setValue(now.intValue()));
        ComboBox<Uncertainty> measure = UncertaintyChoice.create("retrainUncertaintyChoice");
        measure.valueProperty().bindBidirectional(form.uncertaintyProperty());

        Label current = new Label();
        current.setId("retrainCurrentLabel");
        current.textProperty().bind(form.currentProperty());
        current.getStyleClass().add("text-muted");
        current.visibleProperty().bind(form.currentProperty().isNotEmpty());
        current.managedProperty().bind(current.visibleProperty());
        Label error = LabelDialogs.errorLabel("retrainError", form.errorProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Model"), model);
        Label everyHint = new Label("new labels of this queue (anyone's)");
        everyHint.getStyleClass().add("text-muted");
        grid.addRow(1, new Label("Every"), row(every, everyHint, everyReason));
        grid.addRow(2, new Label("Order by"), row(measure, new Label("most uncertain first")));
        dialog.getDialogPane().setContent(new VBox(10, current, grid, error));

        ButtonType save = new ButtonType("Retrain in the background", ButtonBar.ButtonData.OK_DONE);
        ButtonType off = new ButtonType("Turn off", ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().setAll(save, off, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("retrainSaveButton");
        ButtonBar.setButtonUniformSize(saveButton, false); // sized like Cancel, its words would be elided
        ((Region) saveButton).setMinWidth(Region.USE_PREF_SIZE);
        saveButton.disableProperty().bind(model.valueProperty().isNull());
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // closes only once stored
            if (!saving) {
                saving = true;
                form.everyProperty().set(WholeNumberSpinner.commit(every));
                queues.saveRetraining(form, author).whenComplete((saved, failure) -> closeIf(saved, save));
            }
        });
        Node offButton = dialog.getDialogPane().lookupButton(off);
        offButton.setId("retrainOffButton");
        offButton.setVisible(form.isScheduled());
        form.currentProperty().addListener((observable, was, now) -> offButton.setVisible(form.isScheduled()));
        offButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            if (!saving) {
                saving = true;
                queues.stopRetraining(form).whenComplete((stopped, failure) -> closeIf(stopped, off));
            }
        });
        Platform.runLater(model::requestFocus);
    }

    private void closeIf(Boolean done, ButtonType button) {
        saving = false;
        if (Boolean.TRUE.equals(done)) {
            dialog.setResult(button);
            dialog.close();
        }
    }

    /** Shows the dialog without blocking. */
    void show() {
        dialog.show();
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (Node node : nodes) {
            if (node instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return row;
    }
}
