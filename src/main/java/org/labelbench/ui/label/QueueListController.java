package org.labelbench.ui.label;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.labelbench.labeling.AnnotatorProgress;
import org.labelbench.labeling.QueueProgress;
import org.labelbench.ui.DisplayFormats;

/** Binds the queue list: the queues table, the selected queue's annotators, New queue and Start. */
public final class QueueListController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final LabelScreenViewModel screen;
    private final QueueListViewModel viewModel;
    private final LabelPrompts prompts;

    @FXML
    private BorderPane root;
    @FXML
    private Label queueSummaryLabel;
    @FXML
    private Label queueLabelerLabel;
    @FXML
    private Hyperlink queueSwitchLabelerLink;
    @FXML
    private Button newQueueButton;
    @FXML
    private Button startButton;
    @FXML
    private Button retrainingButton;
    @FXML
    private TableView<QueueProgress> queueTable;
    @FXML
    private Label annotatorsTitle;
    @FXML
    private TableView<AnnotatorProgress> annotatorTable;
    @FXML
    private Label queueMessageLabel;

    public QueueListController(LabelScreenViewModel screen, LabelPrompts prompts) {
        this.screen = screen;
        this.viewModel = screen.queueList();
        this.prompts = prompts;
    }

    @FXML
    private void initialize() {
        queueSummaryLabel.textProperty().bind(viewModel.summaryProperty());
        queueLabelerLabel.textProperty().bind(screen.labelerTextProperty());
        queueMessageLabel.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((observable, was, isError) ->
                queueMessageLabel.pseudoClassStateChanged(ERROR, isError));
        startButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(screen.startingProperty()));
        retrainingButton.disableProperty().bind(viewModel.selectedProperty().isNull());

        queueTable.setItems(viewModel.queues());
        queueTable.setPlaceholder(new Label("No queues yet. New queue… makes one over all items, a filter, or a list"
                + " of keys."));
        queueTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        queueTable.getColumns().setAll(java.util.List.of(
                text("Queue", "queue-name-column", 180, q -> q.queue().name()),
                text("Strategy", "queue-strategy-column", 120, q -> q.queue().strategy().id()),
                number("Overlap", 70, q -> String.valueOf(q.queue().overlap())),
                number("Items", 90, q -> DisplayFormats.count(q.items())),
                progressColumn(),
                number("Complete", 100, q -> DisplayFormats.count(q.complete())),
                text("Scope", "queue-scope-column", 160, q -> q.queue().scope()
                        + (q.queue().showsSuggestions() ? ", suggestions from run " + q.queue().suggestionsRun() : "")),
                text("Retrains", "queue-retrains-column", 140, q -> viewModel.retrainingOf(q.queue().name()))));
        queueTable.getSelectionModel().selectedItemProperty().addListener((observable, was, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((observable, was, now) -> {
            if (now != null && queueTable.getSelectionModel().getSelectedItem() != now) {
                queueTable.getSelectionModel().select(now);
            }
            annotatorsTitle.setText(now == null ? "" : "Annotators of '" + now.queue().name() + "'");
        });
        queueTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                startLabeling();
                event.consume();
            }
        });
        queueTable.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                startLabeling();
            }
        });

        annotatorTable.setItems(viewModel.annotators());
        annotatorTable.setPlaceholder(new Label("No one has labeled in this queue yet."));
        annotatorTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        annotatorTable.getColumns().setAll(java.util.List.of(
                text("Annotator", "annotator-name-column", 160, AnnotatorProgress::annotator),
                number("Done", 90, a -> DisplayFormats.count(a.done())),
                number("Skipped", 90, a -> DisplayFormats.count(a.skipped())),
                number("Labels / hour", 110, a -> a.labelsPerHour() == null ? "—"
                        : DisplayFormats.count(Math.round(a.labelsPerHour()))),
                number("Median s / item", 120, a -> a.medianSecondsPerItem() == null ? "—"
                        : String.format(Locale.ROOT, "%.1f s", a.medianSecondsPerItem()))));

        root.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                focusQueues();
            }
        });
    }

    /** Gives the queue table the focus (with its selection), so Enter starts labeling the selected queue. */
    void focusQueues() {
        if (!LabelingController.isShowing(root)) {
            return;
        }
        queueTable.requestFocus();
        QueueProgress selected = viewModel.selectedProperty().get();
        if (selected != null && queueTable.getSelectionModel().getSelectedItem() != selected) {
            queueTable.getSelectionModel().select(selected);
        }
        if (queueTable.getFocusModel().getFocusedIndex() < 0 && !queueTable.getSelectionModel().isEmpty()) {
            queueTable.getFocusModel().focus(queueTable.getSelectionModel().getSelectedIndex());
        }
    }

    @FXML
    private void startLabeling() {
        QueueProgress selected = viewModel.selectedProperty().get();
        if (selected == null) {
            return;
        }
        if (screen.labelerProperty().get() == null) {
            prompts.labeler(window(), null).ifPresent(screen::setLabeler);
            if (screen.labelerProperty().get() == null) {
                return; // cancelled: nobody to record the labels under
            }
        }
        screen.start(selected.queue().name());
    }

    @FXML
    private void switchLabeler() {
        prompts.labeler(window(), screen.labelerProperty().get()).ifPresent(screen::setLabeler);
    }

    @FXML
    private void newQueue() {
        new NewQueueDialog(window(), viewModel.newForm(), viewModel, author()).show();
    }

    @FXML
    private void retraining() {
        QueueProgress selected = viewModel.selectedProperty().get();
        if (selected != null) {
            new RetrainingDialog(window(), viewModel.retrainingForm(selected.queue().name()), viewModel,
                    author()).show();
        }
    }

    private String author() {
        return screen.labelerProperty().get() == null ? System.getProperty("user.name", "unknown")
                : screen.labelerProperty().get().name();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static <R> TableColumn<R, String> text(String title, String id, double width, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(value.apply(data.getValue())));
        return column;
    }

    private static <R> TableColumn<R, String> number(String title, double width, Function<R, String> value) {
        TableColumn<R, String> column = text(title, null, width, value);
        column.getStyleClass().add("numeric");
        return column;
    }

    /** A bar of labels done out of labels wanted, with the numbers beside it. */
    private static TableColumn<QueueProgress, QueueProgress> progressColumn() {
        TableColumn<QueueProgress, QueueProgress> column = new TableColumn<>("Progress (labels)");
        column.setId("queue-progress-column");
        column.setPrefWidth(240);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label numbers = new Label();
            private final HBox box = new HBox(8, bar, numbers);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.setPrefWidth(100);
                HBox.setHgrow(bar, Priority.ALWAYS);
                numbers.getStyleClass().add("queue-progress-text");
                numbers.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(QueueProgress progress, boolean empty) {
                super.updateItem(progress, empty);
                if (empty || progress == null) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(progress.fractionDone());
                numbers.setText(DisplayFormats.count(progress.labelsDone()) + " / "
                        + DisplayFormats.count(progress.labelsWanted()));
                setGraphic(box);
            }
        });
        return column;
    }
}
