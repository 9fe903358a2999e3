package org.labelbench.ui.analysis;

import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.analysis.TagTable;
import org.labelbench.project.Item;
import org.labelbench.ui.dialogs.Dialogs;
import org.labelbench.ui.items.ThumbnailCache;

/**
 * Binds the Error analysis view and turns keys into tagging. Keys are caught by a filter on the
 * scene while this page is showing, unless the focus is in a text field or an open drop-down:
 * T opens the tag field (Shift+T to remove a tag), 1–9 apply the quick tags, Ctrl+Z undoes,
 * Ctrl+Shift+Z or Ctrl+Y redoes,
 * Space plays the focused audio row, and moving with the arrow keys plays each audio row.
 */
public final class AnalysisController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass REMOVING = PseudoClass.getPseudoClass("removing");

    private final AnalysisViewModel viewModel;
    private final ThumbnailCache thumbnails;
    private final Dialogs dialogs;
    private final RunImportPrompt importPrompt = new RunImportPrompt();
    private final EventHandler<KeyEvent> keys = this::onKeyPressed;
    private final EventHandler<KeyEvent> typed = this::onKeyTyped;
    /** Notices the end of a row's audio once per frame while one plays; stopped otherwise. */
    private final AnimationTimer playbackTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            viewModel.playback().tick();
        }
    };
    /** The tag names the field completes, copied for the completion's own thread. */
    private volatile List<String> completions = List.of();
    /** Whether Enter in the tag field removes the tag (Shift+T) rather than adding it. */
    private boolean removing;
    /** The "t" typed by the key that opened the tag field is not part of the tag's name. */
    private boolean swallowTyped;
    /** The focused row moved by an arrow key: its audio plays. */
    private boolean movedByKey;
    /** The open "Slices and runs" window, if any. */
    private SlicesAndRunsWindow slicesAndRunsWindow;
    /** The tag selected in the table, kept across the table's refreshes. */
    private String selectedTag;

    @FXML
    private BorderPane root;
    @FXML
    private ComboBox<String> runChoice;
    @FXML
    private ComboBox<TruthChoice> truthChoice;
    @FXML
    private ProgressIndicator analysisBusy;
    @FXML
    private Button importRunButton;
    @FXML
    private Button slicesAndRunsButton;
    @FXML
    private javafx.scene.layout.Pane analysisSummaryBar;
    @FXML
    private Label analysisSummaryLabel;
    @FXML
    private Label truthSummaryLabel;
    @FXML
    private HBox analysisMessageBar;
    @FXML
    private FontIcon analysisMessageIcon;
    @FXML
    private Label analysisMessage;
    @FXML
    private SplitPane analysisSplit;
    @FXML
    private Label intervalsLabel;
    @FXML
    private Button showItemsButton;
    @FXML
    private Button tagQueueButton;
    @FXML
    private TableView<TagTable.Row> tagTable;
    @FXML
    private CheckBox errorsOnlyCheck;
    @FXML
    private ComboBox<SheetFilter> tagFilterChoice;
    @FXML
    private ComboBox<ErrorSheet.Order> orderChoice;
    @FXML
    private Label errorCountLabel;
    @FXML
    private Label tagFieldLabel;
    @FXML
    private TextField tagField;
    @FXML
    private Button addTagButton;
    @FXML
    private Button removeTagButton;
    @FXML
    private HBox quickTagBox;
    @FXML
    private Button undoButton;
    @FXML
    private Button redoButton;
    @FXML
    private HBox analysisJobBar;
    @FXML
    private javafx.scene.control.ProgressBar analysisJobProgress;
    @FXML
    private Label analysisJobMessage;
    @FXML
    private Label unevaluatedLabel;
    @FXML
    private TableView<ErrorSlot> errorTable;
    @FXML
    private Label rowPlaybackProblem;
    @FXML
    private VBox analysisEmptyState;
    @FXML
    private Label analysisEmptyMessage;
    @FXML
    private VBox analysisLoadingState;
    @FXML
    private VBox analysisFailedState;
    @FXML
    private Label analysisFailedMessage;

    public AnalysisController(AnalysisViewModel viewModel, ThumbnailCache thumbnails, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.thumbnails = thumbnails;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindStates();
        bindTagTable();
        bindSheet();
        bindTagging();
        bindPlayback();
        root.sceneProperty().addListener((observable, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
                was.removeEventFilter(KeyEvent.KEY_TYPED, typed);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
                now.addEventFilter(KeyEvent.KEY_TYPED, typed);
            }
        });
        root.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                viewModel.showing(); // labels, runs or tags may have changed on another page
                errorTable.requestFocus();
            } else {
                viewModel.playback().stop();
            }
        });
    }

    private void bindHeader() {
        runChoice.setItems(viewModel.runs());
        runChoice.valueProperty().bindBidirectional(viewModel.runProperty());
        truthChoice.setItems(viewModel.truthChoices());
        truthChoice.valueProperty().bindBidirectional(viewModel.truthProperty());
        analysisBusy.visibleProperty().bind(viewModel.busyProperty());
        analysisSummaryLabel.textProperty().bind(viewModel.summaryProperty());
        truthSummaryLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.truthSummaryProperty()
                .get().isEmpty() ? "" : "Ground truth: " + viewModel.truthSummaryProperty().get(),
                viewModel.truthSummaryProperty()));
        analysisMessageBar.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        analysisMessageBar.managedProperty().bind(analysisMessageBar.visibleProperty());
        analysisMessage.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((observable, was, isError) -> {
            analysisMessageBar.pseudoClassStateChanged(ERROR, isError);
            analysisMessageIcon.setIconCode(isError ? Feather.ALERT_CIRCLE : Feather.CHECK_CIRCLE);
        });
        analysisJobBar.visibleProperty().bind(viewModel.jobRunningProperty());
        analysisJobBar.managedProperty().bind(analysisJobBar.visibleProperty());
        analysisJobProgress.progressProperty().bind(viewModel.jobProgressProperty());
        analysisJobMessage.textProperty().bind(viewModel.jobMessageProperty());
    }

    private void bindStates() {
        var state = viewModel.stateProperty();
        analysisSplit.visibleProperty().bind(state.isEqualTo(AnalysisViewModel.State.READY));
        analysisSummaryBar.visibleProperty().bind(state.isEqualTo(AnalysisViewModel.State.READY));
        analysisSummaryBar.managedProperty().bind(analysisSummaryBar.visibleProperty());
        analysisEmptyState.visibleProperty().bind(state.isEqualTo(AnalysisViewModel.State.NO_RUNS));
        analysisLoadingState.visibleProperty().bind(state.isEqualTo(AnalysisViewModel.State.LOADING));
        analysisFailedState.visibleProperty().bind(state.isEqualTo(AnalysisViewModel.State.FAILED));
        analysisEmptyMessage.setText(AnalysisViewModel.NO_RUNS);
        analysisFailedMessage.textProperty().bind(viewModel.failureProperty());
        // The table cannot take the focus while its pane is hidden: it takes it once the run is shown.
        state.addListener((observable, was, now) -> {
            if (now == AnalysisViewModel.State.READY && root.isVisible()) {
                errorTable.requestFocus();
            }
        });
        runChoice.disableProperty().bind(state.isNotEqualTo(AnalysisViewModel.State.READY));
        truthChoice.disableProperty().bind(state.isNotEqualTo(AnalysisViewModel.State.READY));
        slicesAndRunsButton.disableProperty().bind(state.isNotEqualTo(AnalysisViewModel.State.READY));
    }

    private void bindTagTable() {
        TagTableColumns.install(tagTable, () -> viewModel.intervalsPendingProperty().get());
        tagTable.setItems(viewModel.tagRows());
        intervalsLabel.textProperty().bind(Bindings.when(viewModel.intervalsPendingProperty())
                .then("computing HLP intervals…").otherwise(""));
        unevaluatedLabel.textProperty().bind(viewModel.unevaluatedProperty());
        unevaluatedLabel.visibleProperty().bind(viewModel.unevaluatedProperty().isNotEmpty());
        unevaluatedLabel.managedProperty().bind(unevaluatedLabel.visibleProperty());
        tagTable.getSelectionModel().selectedItemProperty().addListener((observable, was, row) -> {
            if (row != null) {
                selectedTag = row.tag();
            }
        });
        viewModel.tagRows().addListener((ListChangeListener<TagTable.Row>) change -> reselectTag());
        showItemsButton.disableProperty().bind(tagTable.getSelectionModel().selectedItemProperty().isNull());
        tagQueueButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            TagTable.Row row = tagTable.getSelectionModel().getSelectedItem();
            return row == null || TagTable.ALL.equals(row.tag());
        }, tagTable.getSelectionModel().selectedItemProperty()));
        tagTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                showTagItems();
                event.consume();
            }
        });
        tagTable.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                showTagItems();
            }
        });
    }

    private void reselectTag() {
        if (selectedTag == null) {
            return;
        }
        for (int i = 0; i < viewModel.tagRows().size(); i++) {
            if (viewModel.tagRows().get(i).tag().equals(selectedTag)) {
                tagTable.getSelectionModel().select(i);
                return;
            }
        }
    }

    private void bindSheet() {
        errorsOnlyCheck.selectedProperty().bindBidirectional(viewModel.errorsOnlyProperty());
        tagFilterChoice.setItems(viewModel.filters());
        tagFilterChoice.valueProperty().bindBidirectional(viewModel.filterProperty());
        orderChoice.getItems().setAll(ErrorSheet.Order.CONFIDENCE_DESCENDING, ErrorSheet.Order.CONFIDENCE_ASCENDING,
                ErrorSheet.Order.TAG, ErrorSheet.Order.ITEM);
        orderChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ErrorSheet.Order order) {
                return order == null ? "" : switch (order) {
                    case CONFIDENCE_DESCENDING -> "Confidence: high → low";
                    case CONFIDENCE_ASCENDING -> "Confidence: low → high";
                    case ITEM -> "Item order";
                    case TAG -> "Grouped by tag";
                };
            }

            @Override
            public ErrorSheet.Order fromString(String text) {
                return null; // not editable
            }
        });
        orderChoice.valueProperty().bindBidirectional(viewModel.orderProperty());
        errorCountLabel.textProperty().bind(viewModel.countTextProperty());

        ErrorSheetColumns.install(errorTable, thumbnails, viewModel.playback());
        errorTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        errorTable.setItems(viewModel.rows());
        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(viewModel.errorsOnlyProperty())
                .then("No errors in these rows: the model agrees with the ground truth on every one")
                .otherwise("No predicted items in these rows"));
        empty.getStyleClass().add("text-muted");
        errorTable.setPlaceholder(empty);
        // A double-click on a row opens its large view (Enter does the same, see onKeyPressed).
        errorTable.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2
                    && rowUnder(event.getPickResult().getIntersectedNode()) >= 0) {
                openItemDetail(rowUnder(event.getPickResult().getIntersectedNode()));
            }
        });
        // A new sheet starts with its first row selected, so the arrow keys and T work at once.
        viewModel.rows().addListener((ListChangeListener<ErrorSlot>) change -> {
            while (change.next()) {
                if (change.wasAdded() && change.getFrom() == 0 && errorTable.getSelectionModel().isEmpty()
                        && !viewModel.rows().isEmpty()) {
                    errorTable.getSelectionModel().clearAndSelect(0);
                    errorTable.getFocusModel().focus(0);
                    errorTable.scrollTo(0);
                }
            }
        });
    }

    private void bindTagging() {
        viewModel.tagNames().addListener((ListChangeListener<String>) change ->
                completions = List.copyOf(viewModel.tagNames()));
        completions = List.copyOf(viewModel.tagNames());
        // The suggestions are asked for on ControlsFX's own thread: it reads the copy, never the FX list.
        AutoCompletionBinding<String> completion = TextFields.bindAutoCompletion(tagField, request -> {
            String typedText = request.getUserText().strip().toLowerCase(Locale.ROOT);
            if (typedText.isEmpty()) {
                return List.of();
            }
            return completions.stream().filter(name -> name.toLowerCase(Locale.ROOT).contains(typedText)
                    && !name.equalsIgnoreCase(typedText)).toList();
        });
        // The first suggestion is highlighted, so Enter takes the existing tag ("blurry" for "blu")
        // rather than a near-duplicate; Escape closes the suggestions to keep exactly what was typed.
        var popup = completion.getAutoCompletionPopup();
        popup.getSuggestions().addListener((ListChangeListener<String>) change -> highlightFirst(popup));
        popup.setOnShown(event -> highlightFirst(popup));
        tagField.setOnAction(event -> applyTagField());
        tagField.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                closeTagField();
                event.consume();
            }
        });
        tagField.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused && tagField.getText().isBlank()) {
                setRemoving(false);
            }
        });
        addTagButton.setOnAction(event -> {
            viewModel.addTag(tagField.getText(), selectedRows());
            closeTagField();
        });
        removeTagButton.setOnAction(event -> {
            viewModel.removeTag(tagField.getText(), selectedRows());
            closeTagField();
        });
        addTagButton.disableProperty().bind(tagField.textProperty().isEmpty());
        removeTagButton.disableProperty().bind(tagField.textProperty().isEmpty());
        viewModel.quickTags().addListener((ListChangeListener<String>) change -> showQuickTags());
        showQuickTags();
        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
    }

    private static void highlightFirst(javafx.scene.control.PopupControl popup) {
        if (popup.getSkin() != null && popup.getSkin().getNode() instanceof ListView<?> list
                && !list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    private void showQuickTags() {
        quickTagBox.getChildren().clear();
        List<String> tags = viewModel.quickTags();
        if (tags.isEmpty()) {
            Label none = new Label("the tags you use most get the keys 1–9");
            none.getStyleClass().add("text-muted");
            none.setMinWidth(Region.USE_PREF_SIZE); // a hint cut short says nothing
            quickTagBox.getChildren().add(none);
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            int number = i + 1;
            Button quick = new Button(number + "  " + tags.get(i));
            quick.getStyleClass().addAll("quick-tag", "small");
            quick.setFocusTraversable(false);
            quick.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            quick.setOnAction(event -> viewModel.addQuickTag(number, selectedRows()));
            quickTagBox.getChildren().add(quick);
        }
    }

    private void bindPlayback() {
        rowPlaybackProblem.textProperty().bind(viewModel.playback().problemProperty());
        viewModel.playback().playingProperty().addListener((observable, was, now) -> {
            if (now != null) {
                playbackTimer.start();
            } else {
                playbackTimer.stop();
            }
        });
        // "Playing audio row by row with the arrow keys": the row the keys moved to plays.
        errorTable.getFocusModel().focusedIndexProperty().addListener((observable, was, now) -> {
            if (movedByKey) {
                movedByKey = false;
                Item item = focusedItem();
                if (item != null && item.isAudio()) {
                    viewModel.playback().play(item);
                }
            }
        });
    }

    private void onKeyPressed(KeyEvent event) {
        swallowTyped = false;
        movedByKey = false;
        if (!root.isVisible() || root.getScene() == null
                || viewModel.stateProperty().get() != AnalysisViewModel.State.READY) {
            return;
        }
        Node focus = root.getScene().getFocusOwner();
        if (focus instanceof TextInputControl || (focus instanceof ComboBoxBase<?> box && box.isShowing())) {
            return;
        }
        KeyCode code = event.getCode();
        boolean plain = !event.isShortcutDown() && !event.isAltDown() && !event.isControlDown()
                && !event.isMetaDown();
        if (code == KeyCode.T && plain) {
            openTagField(event.isShiftDown());
            swallowTyped = true;
            event.consume();
        } else if (plain && !event.isShiftDown() && digit(code) >= 1) {
            viewModel.addQuickTag(digit(code), selectedRows());
            event.consume();
        } else if (code == KeyCode.Z && event.isShortcutDown() && !event.isShiftDown()) {
            viewModel.undo();
            event.consume();
        } else if ((code == KeyCode.Z && event.isShortcutDown() && event.isShiftDown())
                || (code == KeyCode.Y && event.isShortcutDown() && !event.isShiftDown())) {
            viewModel.redo();
            event.consume();
        } else if (code == KeyCode.ENTER && plain && !event.isShiftDown() && focus == errorTable) {
            openItemDetail(errorTable.getFocusModel().getFocusedIndex());
            event.consume();
        } else if (code == KeyCode.SPACE && plain && focus == errorTable) {
            viewModel.playback().toggle(focusedItem());
            event.consume();
        } else if (focus == errorTable && (code == KeyCode.UP || code == KeyCode.DOWN || code == KeyCode.PAGE_UP
                || code == KeyCode.PAGE_DOWN || code == KeyCode.HOME || code == KeyCode.END)) {
            movedByKey = true;
        }
    }

    private void onKeyTyped(KeyEvent event) {
        if (swallowTyped && event.getCharacter().equalsIgnoreCase("t")) {
            event.consume();
        }
        swallowTyped = false;
    }

    /** 1–9 for digit keys (main row or keypad), else -1. */
    static int digit(KeyCode code) {
        if (!code.isDigitKey()) {
            return -1;
        }
        String name = code.getName();
        char last = name.charAt(name.length() - 1);
        return Character.isDigit(last) ? last - '0' : -1;
    }

    private void openTagField(boolean remove) {
        setRemoving(remove);
        tagField.requestFocus();
        tagField.selectAll();
    }

    private void setRemoving(boolean remove) {
        removing = remove;
        tagFieldLabel.setText(remove ? "Remove tag" : "Add tag");
        tagField.pseudoClassStateChanged(REMOVING, remove);
    }

    private void applyTagField() {
        String tag = tagField.getText();
        if (!tag.isBlank()) {
            if (removing) {
                viewModel.removeTag(tag, selectedRows());
            } else {
                viewModel.addTag(tag, selectedRows());
            }
        }
        closeTagField();
    }

    private void closeTagField() {
        tagField.clear();
        setRemoving(false);
        errorTable.requestFocus();
    }

    private List<Integer> selectedRows() {
        return List.copyOf(errorTable.getSelectionModel().getSelectedIndices());
    }

    /** The index of the table row {@code node} is in, or -1 (a header, the empty space below the rows). */
    private static int rowUnder(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof javafx.scene.control.TableRow<?> row) {
                return row.isEmpty() ? -1 : row.getIndex();
            }
        }
        return -1;
    }

    private void openItemDetail(int index) {
        viewModel.itemDetail(index).ifPresent(detail -> new ItemDetailWindow(window(), detail).show());
    }

    private Item focusedItem() {
        int index = errorTable.getFocusModel().getFocusedIndex();
        return index < 0 || index >= viewModel.rows().size() ? null : viewModel.rows().get(index).item();
    }

    @FXML
    private void showTagItems() {
        TagTable.Row row = tagTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            viewModel.showTag(row.tag());
            errorTable.requestFocus();
        }
    }

    @FXML
    private void createQueue() {
        TagTable.Row row = tagTable.getSelectionModel().getSelectedItem();
        if (row == null || TagTable.ALL.equals(row.tag())) {
            return;
        }
        String tag = row.tag();
        new TagQueueDialog(window(), tag, viewModel.taggedCount(tag),
                (name, strategy, overlap) -> viewModel.createQueue(tag, name, strategy, overlap)).show();
    }

    @FXML
    private void defineRuleTag() {
        String run = viewModel.runProperty().get();
        if (run == null) {
            return;
        }
        new RuleTagDialog(window(), run, viewModel::defineRuleTag).show();
    }

    /** The run's likely label errors as a tag: beside their media in the sheet, a review queue in one click. */
    @FXML
    private void tagLabelErrors() {
        if (viewModel.runProperty().get() == null) {
            return;
        }
        viewModel.tagLabelErrors().thenAccept(refusal -> {
            if (refusal != null) {
                dialogs.showError(window(), "No label errors tagged", refusal);
            }
        });
    }

    /** One tag per value of a chosen attribute: the slices, in one click. */
    @FXML
    private void tagsFromAttribute() {
        viewModel.attributeNames().thenAccept(names -> {
            if (names.isEmpty()) {
                dialogs.showError(window(), "No attributes", "The project's items have no attributes to slice by.");
                return;
            }
            javafx.scene.control.ChoiceDialog<String> choice = new javafx.scene.control.ChoiceDialog<>(names.get(0),
                    names);
            if (window() != null) {
                choice.initOwner(window());
            }
            choice.setTitle("Tags from an attribute");
            choice.setHeaderText("One tag per value, named attribute=value");
            choice.getDialogPane().getStylesheets().add(org.labelbench.ui.AppTheme.stylesheetUrl());
            choice.showAndWait().ifPresent(attribute -> viewModel.tagsFromAttribute(attribute).thenAccept(refusal -> {
                if (refusal != null) {
                    dialogs.showError(window(), "Tags not made", refusal);
                }
            }));
        });
    }

    @FXML
    private void importRun() {
        importPrompt.ask(window()).ifPresent(request -> viewModel.importRun(request.file(), request.name())
                .thenAccept(refusal -> {
                    if (refusal != null) {
                        String where = request.file().toString();
                        dialogs.showError(window(), "Predictions not imported",
                                refusal.contains(where) ? refusal : where + ": " + refusal);
                    }
                }));
    }

    /**
     * Opens "Slices and runs" for the run and truth on screen; brings an open one forward when it
     * shows the same, else replaces it.
     */
    @FXML
    private void openSlicesAndRuns() {
        TruthChoice truth = viewModel.truthProperty().get();
        String truthName = (truth == null ? TruthChoice.DEFAULT : truth).text();
        if (slicesAndRunsWindow != null && slicesAndRunsWindow.isShowing()
                && slicesAndRunsWindow.shows(viewModel.runProperty().get(), truthName)) {
            slicesAndRunsWindow.toFront();
            return;
        }
        viewModel.slicesAndRuns().ifPresent(model -> {
            if (slicesAndRunsWindow != null) {
                slicesAndRunsWindow.close();
            }
            slicesAndRunsWindow = new SlicesAndRunsWindow(window(), model);
            slicesAndRunsWindow.show();
        });
    }

    @FXML
    private void undo() {
        viewModel.undo();
        errorTable.requestFocus();
    }

    @FXML
    private void redo() {
        viewModel.redo();
        errorTable.requestFocus();
    }

    @FXML
    private void cancelJob() {
        viewModel.cancelJob();
    }

    @FXML
    private void dismissMessage() {
        viewModel.dismissMessage();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
