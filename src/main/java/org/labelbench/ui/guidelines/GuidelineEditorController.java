package org.labelbench.ui.guidelines;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.ui.items.ThumbnailCache;
import org.labelbench.ui.markdown.MarkdownView;

/**
 * Binds the editor of the next guideline version: Markdown on the left, its preview beside it
 * (re-rendered a moment after typing pauses), the change note, and the examples the version
 * will have. Ctrl+Enter publishes.
 */
public final class GuidelineEditorController {
    private static final Duration PREVIEW_DELAY = Duration.millis(120);
    private static final KeyCombination PUBLISH = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final GuidelinesViewModel viewModel;
    private final ExampleCards cards;
    private final PauseTransition previewDelay = new PauseTransition(PREVIEW_DELAY);
    private final ChangeListener<String> errorWatcher = (observable, was, error) -> {
        if (this.bound != null) {
            showError(this.bound);
        }
    };
    private GuidelineDraft bound;

    @FXML
    private BorderPane root;
    @FXML
    private Label editorTitle;
    @FXML
    private Label editorBasedOn;
    @FXML
    private Button publishButton;
    @FXML
    private Button cancelEditButton;
    @FXML
    private TextField changeNoteField;
    @FXML
    private HBox editorErrorBar;
    @FXML
    private Label editorError;
    @FXML
    private TextArea markdownArea;
    @FXML
    private MarkdownView previewView;
    @FXML
    private Label editorExamplesHeading;
    @FXML
    private ListView<ExampleCard> editorExampleList;

    public GuidelineEditorController(GuidelinesViewModel viewModel, ThumbnailCache thumbnails) {
        this.viewModel = viewModel;
        this.cards = new ExampleCards(thumbnails, viewModel.playback(), viewModel::togglePlayback);
    }

    @FXML
    private void initialize() {
        previewView.setBaseDirectory(viewModel.baseDirectory());
        previewDelay.setOnFinished(event -> previewView.setMarkdown(markdownArea.getText()));
        markdownArea.textProperty().addListener(observable -> previewDelay.playFromStart());
        editorExampleList.setCellFactory(list -> new ExampleRowCell());
        editorExampleList.setPlaceholder(new Label("No examples: Add example… collects one"));
        viewModel.draftProperty().addListener((observable, was, draft) -> bind(draft));
        bind(viewModel.draftProperty().get());
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (PUBLISH.match(event)) {
                event.consume();
                publish();
            }
        });
    }

    private void bind(GuidelineDraft draft) {
        if (bound != null) {
            markdownArea.textProperty().unbindBidirectional(bound.markdownProperty());
            changeNoteField.textProperty().unbindBidirectional(bound.changeProperty());
            bound.errorProperty().removeListener(errorWatcher);
            bound.notPublishableProperty().removeListener(errorWatcher);
            publishButton.disableProperty().unbind();
        }
        bound = draft;
        if (draft == null) {
            editorExampleList.setItems(FXCollections.observableArrayList());
            previewDelay.stop();
            return;
        }
        editorTitle.setText("New version: v" + draft.version());
        editorBasedOn.setText(draft.basedOn() == null ? "the first guideline of this project"
                : "starting from v" + draft.basedOn());
        publishButton.setText("Publish v" + draft.version());
        markdownArea.textProperty().bindBidirectional(draft.markdownProperty());
        changeNoteField.textProperty().bindBidirectional(draft.changeProperty());
        previewView.setMarkdown(draft.markdownProperty().get());
        publishButton.disableProperty().bind(draft.notPublishableProperty().isNotEmpty()
                .or(draft.publishingProperty()));
        draft.errorProperty().addListener(errorWatcher);
        draft.notPublishableProperty().addListener(errorWatcher);
        showError(draft);
        editorExampleList.setItems(draft.examples());
        editorExamplesHeading.textProperty().bind(Bindings.createStringBinding(
                () -> "Examples of v" + draft.version() + " (" + draft.examples().size() + ")", draft.examples()));
        // Typing starts in the text, at its end.
        Platform.runLater(() -> {
            markdownArea.requestFocus();
            markdownArea.end();
        });
    }

    /** The service's refusal of the last Publish, else why the draft cannot be published yet. */
    private void showError(GuidelineDraft draft) {
        String refused = draft.errorProperty().get();
        String error = refused != null && !refused.isEmpty() ? refused : draft.notPublishableProperty().get();
        editorError.setText(error == null ? "" : error);
        editorErrorBar.setVisible(error != null && !error.isEmpty());
        editorErrorBar.setManaged(editorErrorBar.isVisible());
    }

    /** Every later label records the new version and versions are never deleted: ask first. */
    @FXML
    private void publish() {
        GuidelineDraft draft = viewModel.draftProperty().get();
        if (publishButton.isDisabled() || draft == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "New labels will record v" + draft.version()
                + ", and a published version is never removed.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle("Publish v" + draft.version());
        confirm.setHeaderText("Publish v" + draft.version() + "?");
        confirm.getDialogPane().getStyleClass().add("publish-confirmation");
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Publish v" + draft.version());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> viewModel.publish());
    }

    @FXML
    private void cancel() {
        viewModel.cancelEditing();
    }

    @FXML
    private void addExample() {
        viewModel.openExampleForm();
    }

    /** An example with a Remove button, or a "new" badge for one collected for this version. */
    private final class ExampleRowCell extends ListCell<ExampleCard> {
        ExampleRowCell() {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY); // the row is measured at the cell's width, so notes wrap
        }

        @Override
        protected void updateItem(ExampleCard example, boolean empty) {
            super.updateItem(example, empty);
            setText(null);
            if (empty || example == null) {
                setGraphic(null);
                return;
            }
            Node trailing;
            if (example.pending()) {
                trailing = ExampleCards.newBadge();
            } else {
                Button remove = new Button();
                remove.setGraphic(new FontIcon(Feather.X));
                remove.getStyleClass().addAll("button-icon", "flat", "remove-example");
                remove.setTooltip(new Tooltip("Remove from this version (the older versions keep it)"));
                remove.setAccessibleText("Remove " + example.key());
                remove.setOnAction(event -> {
                    GuidelineDraft draft = viewModel.draftProperty().get();
                    if (draft != null) {
                        draft.remove(example);
                    }
                });
                trailing = remove;
            }
            HBox row = cards.row(example, trailing);
            row.prefWidthProperty().bind(editorExampleList.widthProperty().subtract(28));
            setGraphic(row);
        }
    }
}
