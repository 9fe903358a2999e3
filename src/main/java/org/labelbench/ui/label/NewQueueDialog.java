package org.labelbench.ui.label;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.labeling.QueueStrategy;

/**
 * "New queue": name, items (all, a filter, or pasted keys), strategy, overlap, seed, who
 * may work it, and the run whose suggestions it shows. Create keeps the dialog open until the core accepts the queue; a refusal shows
 * its one-line reason in the dialog and changes nothing. While the queue is written its progress
 * shows under the form, and Cancel stops it (no queue is left) instead of closing the dialog.
 */
final class NewQueueDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final NewQueueForm form;
    private final Label overlapReason = new Label();
    private final Spinner<Integer> overlap = WholeNumberSpinner.create("overlap", 1, 50, 1, overlapReason);
    private boolean creating;

    NewQueueDialog(Window owner, NewQueueForm form, QueueListViewModel queues, String createdBy) {
        this.form = form;
        LabelDialogs.setUp(dialog, owner, "New queue");
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setHeaderText("A queue serves items to labelers one at a time, in a fixed order.");
        dialog.getDialogPane().getStyleClass().add("new-queue-dialog");

        TextField name = new TextField();
        name.setId("queueNameField");
        name.setPromptText("e.g. round 1");
        name.textProperty().bindBidirectional(form.nameProperty());

        ToggleGroup scopes = new ToggleGroup();
        RadioButton all = scopeButton("scopeAll", NewQueueForm.ScopeKind.ALL, scopes);
        RadioButton filter = scopeButton("scopeFilter", NewQueueForm.ScopeKind.FILTER, scopes);
        RadioButton keys = scopeButton("scopeKeys", NewQueueForm.ScopeKind.KEYS, scopes);
        RadioButton tagged = scopeButton("scopeTag", NewQueueForm.ScopeKind.TAG, scopes);
        all.setSelected(true);
        scopes.selectedToggleProperty().addListener((observable, was, now) -> {
            if (now != null) {
                form.scopeProperty().set((NewQueueForm.ScopeKind) now.getUserData());
            }
        });

        ComboBox<String> media = new ComboBox<>();
        media.setId("mediaFilterChoice");
        media.getItems().setAll(NewQueueForm.MEDIA);
        media.valueProperty().bindBidirectional(form.mediaProperty());
        ComboBox<String> attribute = new ComboBox<>(form.attributeNames());
        attribute.setId("attributeChoice");
        attribute.valueProperty().bindBidirectional(form.attributeNameProperty());
        ComboBox<String> value = new ComboBox<>(form.attributeValues());
        value.setId("attributeValueChoice");
        value.setEditable(true);
        value.setPromptText("value");
        value.valueProperty().bindBidirectional(form.attributeValueProperty());
        value.disableProperty().bind(form.attributeNameProperty().isEqualTo(NewQueueForm.ANY_ATTRIBUTE));
        CheckBox unlabeled = new CheckBox("Only unlabeled items (no one's current answer labels them)");
        unlabeled.setId("unlabeledBox");
        unlabeled.selectedProperty().bindBidirectional(form.unlabeledOnlyProperty());
        media.setPrefWidth(130);
        attribute.setPrefWidth(200);
        value.setPrefWidth(170);
        media.setMinWidth(Region.USE_PREF_SIZE);
        attribute.setMinWidth(Region.USE_PREF_SIZE);
        HBox filterRow = new HBox(8, media, attribute, new Label("="), value);
        filterRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox filterBox = new VBox(6, filterRow, unlabeled);
        filterBox.setPadding(new Insets(0, 0, 0, 24));
        filterBox.disableProperty().bind(form.scopeProperty().isNotEqualTo(NewQueueForm.ScopeKind.FILTER));

        TextArea keyList = new TextArea();
        keyList.setId("keysArea");
        keyList.setPromptText("Item keys, one per line (served in this order with the sequential strategy)");
        keyList.setPrefRowCount(4);
        keyList.textProperty().bindBidirectional(form.keysProperty());
        keyList.disableProperty().bind(form.scopeProperty().isNotEqualTo(NewQueueForm.ScopeKind.KEYS));
        VBox.setMargin(keyList, new Insets(0, 0, 0, 24));

        ComboBox<String> tag = new ComboBox<>(form.tagNames());
        tag.setId("tagChoice");
        tag.setPromptText("tag");
        tag.setPrefWidth(200);
        tag.valueProperty().bindBidirectional(form.tagProperty());
        tag.disableProperty().bind(form.scopeProperty().isNotEqualTo(NewQueueForm.ScopeKind.TAG));
        VBox.setMargin(tag, new Insets(0, 0, 0, 24));

        ComboBox<QueueStrategy> strategy = new ComboBox<>();
        strategy.setId("strategyChoice");
        strategy.getItems().setAll(QueueStrategy.values());
        strategy.setCellFactory(list -> new StrategyCell());
        strategy.setButtonCell(new StrategyCell());
        strategy.valueProperty().bindBidirectional(form.strategyProperty());

        overlap.setId("overlapSpinner");
        overlap.setPrefWidth(90);
        overlapReason.setId("overlapReason");
        overlap.valueProperty().addListener((observable, was, now) -> form.overlapProperty().set(now));
        TextField seed = new TextField();
        seed.setId("seedField");
        seed.setPrefColumnCount(8);
        seed.textProperty().bindBidirectional(form.seedProperty());
        Label seedReason = new Label();
        seedReason.setId("seedReason");
        seedReason.getStyleClass().add("form-error");
        seedReason.visibleProperty().bind(seedReason.textProperty().isNotEmpty());
        seedReason.managedProperty().bind(seedReason.visibleProperty());
        seed.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change -> {
            if (!change.getControlNewText().matches("-?\\d{0,18}")) {
                seedReason.setText("the seed is a whole number");
                return null;
            }
            seedReason.setText("");
            return change;
        }));
        seed.disableProperty().bind(form.strategyProperty().isNotEqualTo(QueueStrategy.RANDOM));
        // "" is the strategy's own order; a run name orders the queue most uncertain first by that run.
        ComboBox<String> order = new ComboBox<>();
        order.setId("orderChoice");
        order.getItems().setAll(withStrategyOrder(form.uncertaintyRuns()));
        form.uncertaintyRuns().addListener((javafx.collections.ListChangeListener<String>) change ->
                order.getItems().setAll(withStrategyOrder(form.uncertaintyRuns())));
        order.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String run) {
                return run == null || run.isEmpty() ? "as the strategy orders" : "most uncertain first, by run " + run;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        order.setValue("");
        order.valueProperty().addListener((observable, was, now) -> form.uncertainRunProperty().set(now));
        ComboBox<Uncertainty> measure = UncertaintyChoice.create("uncertaintyChoice");
        measure.valueProperty().bindBidirectional(form.uncertaintyProperty());
        measure.disableProperty().bind(order.valueProperty().isEqualTo("").or(order.valueProperty().isNull()));
        order.setTooltip(new javafx.scene.control.Tooltip("Active learning: serve first the items a prediction run"
                + " with probabilities is least sure of"));

        // "" shows no suggestions; a run name shows that run's class and confidence on each item.
        ComboBox<String> suggestions = new ComboBox<>();
        suggestions.setId("suggestionsChoice");
        suggestions.getItems().setAll(withStrategyOrder(form.suggestionRuns()));
        form.suggestionRuns().addListener((javafx.collections.ListChangeListener<String>) change ->
                suggestions.getItems().setAll(withStrategyOrder(form.suggestionRuns())));
        suggestions.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String run) {
                return run == null || run.isEmpty() ? "none" : "run " + run;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        suggestions.setValue("");
        suggestions.setPrefWidth(220);
        suggestions.setMinWidth(Region.USE_PREF_SIZE);
        suggestions.valueProperty().addListener((observable, was, now) -> form.suggestionsRunProperty().set(now));
        suggestions.setTooltip(new javafx.scene.control.Tooltip("Pre-labeling: show labelers a run's class and"
                + " confidence for each item; agreement and HLP leave accepted suggestions out unless asked"));

        TextField annotators = new TextField();
        annotators.setId("annotatorsField");
        annotators.setPromptText("anyone (or names, comma-separated: ana, ben)");
        annotators.textProperty().bindBidirectional(form.annotatorsProperty());

        Label error = LabelDialogs.errorLabel("queueFormError", form.errorProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        int row = 0;
        grid.addRow(row++, new Label("Name"), name);
        Label itemsLabel = new Label("Items");
        GridPane.setValignment(itemsLabel, javafx.geometry.VPos.TOP);
        grid.add(itemsLabel, 0, row);
        grid.add(new VBox(6, all, filter, filterBox, keys, keyList, tagged, tag), 1, row++);
        grid.addRow(row++, new Label("Strategy"), strategy);
        grid.addRow(row++, new Label("Order"), row(order, measure));
        Label overlapHint = muted("different annotators label each item");
        overlapHint.visibleProperty().bind(overlapReason.visibleProperty().not());
        overlapHint.managedProperty().bind(overlapHint.visibleProperty());
        grid.addRow(row++, new Label("Overlap"), row(overlap, overlapHint, overlapReason));
        Label seedHint = muted("fixes the random order");
        seedHint.visibleProperty().bind(seedReason.visibleProperty().not());
        seedHint.managedProperty().bind(seedHint.visibleProperty());
        grid.addRow(row++, new Label("Seed"), row(seed, seedHint, seedReason));
        grid.addRow(row++, new Label("Annotators"), annotators);
        Label suggestionsHint = muted("shown to labelers as a hint; Tab accepts it");
        suggestionsHint.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(row++, new Label("Suggestions"), row(suggestions, suggestionsHint));
        grid.add(error, 0, row, 2, 1);
        grid.setPrefWidth(680);
        ProgressBar progress = new ProgressBar();
        progress.setId("queueCreateProgress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(queues.creatingProgressProperty());
        Label progressText = new Label();
        progressText.setId("queueCreateMessage");
        progressText.textProperty().bind(queues.creatingMessageProperty());
        HBox progressRow = row(progress, progressText);
        progressRow.visibleProperty().bind(queues.creatingProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        grid.disableProperty().bind(queues.creatingProperty());
        dialog.getDialogPane().setContent(new VBox(10, grid, progressRow));

        ButtonType createType = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(createType, ButtonType.CANCEL);
        Node createButton = dialog.getDialogPane().lookupButton(createType);
        createButton.setId("createQueueButton");
        createButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes only once the queue exists
            if (creating) {
                return;
            }
            commitOverlap();
            creating = true;
            queues.create(form, createdBy).whenComplete((created, failure) -> {
                creating = false;
                if (Boolean.TRUE.equals(created)) {
                    dialog.setResult(createType);
                    dialog.close();
                }
            });
        });
        createButton.disableProperty().bind(queues.creatingProperty());
        // While the queue is written, Cancel (the button, Esc or the window's close) stops the job.
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).addEventFilter(ActionEvent.ACTION, event -> {
            if (queues.creatingProperty().get()) {
                event.consume();
                queues.cancelCreate();
            }
        });
        dialog.setOnCloseRequest(event -> {
            if (queues.creatingProperty().get()) {
                event.consume();
                queues.cancelCreate();
            }
        });
        Platform.runLater(name::requestFocus);
    }

    /** Shows the dialog without blocking; it closes itself once the queue is created. */
    void show() {
        dialog.show();
    }

    /** A number typed into the spinner counts without Enter (one out of range is refused beside it). */
    private void commitOverlap() {
        form.overlapProperty().set(WholeNumberSpinner.commit(overlap));
    }

    private RadioButton scopeButton(String id, NewQueueForm.ScopeKind kind, ToggleGroup group) {
        RadioButton button = new RadioButton(kind.toString());
        button.setId(id);
        button.setUserData(kind);
        button.setToggleGroup(group);
        return button;
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    /** A strategy with what it does. */
    private static final class StrategyCell extends ListCell<QueueStrategy> {
        @Override
        protected void updateItem(QueueStrategy strategy, boolean empty) {
            super.updateItem(strategy, empty);
            setText(empty || strategy == null ? null : strategy.id() + " — " + describe(strategy));
        }
    }

    static String describe(QueueStrategy strategy) {
        return switch (strategy) {
            case SEQUENTIAL -> "in key order";
            case RANDOM -> "shuffled by the seed";
            case NEEDS_LABELS -> "items short of labels, closest to done first";
            case DISAGREEMENTS -> "items annotators disagree on (adjudication)";
        };
    }

    /** The order choices: the strategy's own ("") first, then each run with probabilities. */
    private static java.util.List<String> withStrategyOrder(java.util.List<String> runs) {
        java.util.List<String> choices = new java.util.ArrayList<>();
        choices.add("");
        choices.addAll(runs);
        return choices;
    }
}
