package org.labelbench.ui.analysis;

import java.util.List;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.ui.AppTheme;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.label.WholeNumberSpinner;

/**
 * "Create queue…" for one tag of the table: a labeling queue over the items that carry it, to
 * have them relabeled (random, one label each by default: valid for any tag) or to collect more
 * labels on them (needs-labels).
 * Create keeps the dialog open until the core accepts the queue; a refusal ("every item has 2
 * or more labels") shows in the dialog and changes nothing.
 */
final class TagQueueDialog {
    /** Creates the queue; completes with null when it exists, or with the reason it was refused. */
    @FunctionalInterface
    interface Creator {
        CompletionStage<String> create(String name, QueueStrategy strategy, int overlap);
    }

    /** Relabeling first: it covers every tagged item, so the first Create is never refused. */
    private static final List<QueueStrategy> STRATEGIES = List.of(QueueStrategy.RANDOM, QueueStrategy.NEEDS_LABELS,
            QueueStrategy.SEQUENTIAL);

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private boolean creating;

    TagQueueDialog(Window owner, String tag, long items, Creator creator) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Create queue");
        dialog.setHeaderText("A labeling queue over the " + DisplayFormats.count(items, "item", "items")
                + " tagged '" + tag + "'");
        dialog.getDialogPane().getStylesheets().add(AppTheme.stylesheetUrl());
        dialog.getDialogPane().getStyleClass().add("tag-queue-dialog");

        TextField name = new TextField("relabel " + tag);
        name.setId("tagQueueNameField");
        name.setPrefColumnCount(24);
        ComboBox<QueueStrategy> strategy = new ComboBox<>();
        strategy.setId("tagQueueStrategyChoice");
        strategy.getItems().setAll(STRATEGIES);
        strategy.setValue(QueueStrategy.RANDOM);
        strategy.setCellFactory(list -> new StrategyCell());
        strategy.setButtonCell(new StrategyCell());
        Label overlapReason = new Label();
        overlapReason.setId("tagQueueOverlapReason");
        Spinner<Integer> overlap = WholeNumberSpinner.create("overlap", 1, 50, 1, overlapReason);
        overlap.setId("tagQueueOverlapSpinner");
        overlap.setPrefWidth(90);
        Label overlapHint = new Label();
        overlapHint.getStyleClass().add("text-muted");
        overlapHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> strategy.getValue() == QueueStrategy.NEEDS_LABELS
                        ? "labels each item needs in all (items with that many are left out)"
                        : "different annotators label each item again", strategy.valueProperty()));
        Label error = new Label();
        error.setId("tagQueueError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.setMinHeight(Region.USE_PREF_SIZE); // wraps instead of cutting the reason short
        error.managedProperty().bind(error.visibleProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        // The window grows with a reason or a hint that wraps, so the buttons stay in view.
        error.textProperty().addListener(observable -> Platform.runLater(this::fitWindow));
        overlapReason.textProperty().addListener(observable -> Platform.runLater(this::fitWindow));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.setPrefWidth(620);
        overlapHint.setWrapText(true);
        overlapHint.visibleProperty().bind(overlapReason.visibleProperty().not());
        overlapHint.managedProperty().bind(overlapHint.visibleProperty());
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Strategy"), strategy);
        HBox overlapRow = new HBox(8, overlap, overlapHint, overlapReason);
        overlapRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grid.addRow(2, new Label("Overlap"), overlapRow);
        grid.add(error, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);

        ButtonType createType = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(createType, ButtonType.CANCEL);
        Node createButton = dialog.getDialogPane().lookupButton(createType);
        createButton.setId("createTagQueueButton");
        createButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes only once the queue exists
            if (creating) {
                return;
            }
            int typed = WholeNumberSpinner.commit(overlap);
            creating = true;
            creator.create(name.getText(), strategy.getValue(), typed).whenComplete((refusal, failure) -> {
                creating = false;
                if (refusal == null && failure == null) {
                    dialog.setResult(createType);
                    dialog.close();
                } else {
                    error.setText(refusal != null ? refusal : failure.getMessage());
                }
            });
        });
        Platform.runLater(name::requestFocus);
    }

    /** Shows the dialog without blocking; it closes itself once the queue is created. */
    void show() {
        dialog.show();
    }

    private void fitWindow() {
        if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private static final class StrategyCell extends ListCell<QueueStrategy> {
        @Override
        protected void updateItem(QueueStrategy strategy, boolean empty) {
            super.updateItem(strategy, empty);
            setText(empty || strategy == null ? null : switch (strategy) {
                case NEEDS_LABELS -> "needs-labels — collect more labels";
                case RANDOM -> "random — relabel, shuffled";
                case SEQUENTIAL -> "sequential — relabel, in key order";
                case DISAGREEMENTS -> "disagreements — adjudicate";
            });
        }
    }
}
