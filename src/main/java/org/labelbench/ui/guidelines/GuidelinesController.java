package org.labelbench.ui.guidelines;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.items.ThumbnailCache;
import org.labelbench.ui.markdown.MarkdownView;

/**
 * Binds the Guidelines view: the list of versions, the selected version's text and examples,
 * the "new version" editor over it, and the Add example dialog.
 */
public final class GuidelinesController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass OLD = PseudoClass.getPseudoClass("old");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private final GuidelinesViewModel viewModel;
    private final ExampleCards cards;
    private final AnimationTimer playbackTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            viewModel.playback().tick();
        }
    };
    private ExampleDialog exampleDialog;
    private boolean selecting;

    @FXML
    private StackPane root;
    @FXML
    private BorderPane guidelineReader;
    @FXML
    private Label guidelinesSummary;
    @FXML
    private Button addExampleButton;
    @FXML
    private Button editGuidelineButton;
    @FXML
    private HBox guidelinesMessageBar;
    @FXML
    private FontIcon guidelinesMessageIcon;
    @FXML
    private Label guidelinesMessage;
    @FXML
    private ListView<GuidelineEntry> versionList;
    @FXML
    private VBox guidelineEmptyPane;
    @FXML
    private BorderPane guidelineEntryPane;
    @FXML
    private HBox standingBar;
    @FXML
    private FontIcon standingIcon;
    @FXML
    private Label standingLabel;
    @FXML
    private Label guidelineHeading;
    @FXML
    private Label guidelineByline;
    @FXML
    private Label guidelineChange;
    @FXML
    private SplitPane guidelineContentSplit;
    @FXML
    private MarkdownView guidelineMarkdown;
    @FXML
    private VBox guidelineExamplesPane;
    @FXML
    private Label guidelineExamplesHeading;
    @FXML
    private FlowPane guidelineExamplesFlow;
    @FXML
    private Label noGuidelineExamples;
    @FXML
    private Label examplePlaybackProblem;
    @FXML
    private Node guidelineEditor;

    public GuidelinesController(GuidelinesViewModel viewModel, ThumbnailCache thumbnails) {
        this.viewModel = viewModel;
        this.cards = new ExampleCards(thumbnails, viewModel.playback(), viewModel::togglePlayback);
    }

    @FXML
    private void initialize() {
        bindList();
        bindEntry();
        bindMessage();

        editGuidelineButton.textProperty().bind(viewModel.editLabelProperty());
        guidelinesSummary.textProperty().bind(Bindings.createStringBinding(() -> {
            long versions = viewModel.entries().stream().filter(e -> e instanceof GuidelineEntry.Version).count();
            return versions == 0 ? "" : DisplayFormats.count(versions, "version", "versions");
        }, viewModel.entries()));

        // The editor covers the reader while a version is being written.
        guidelineEditor.visibleProperty().bind(viewModel.editingProperty());
        guidelineReader.visibleProperty().bind(viewModel.editingProperty().not());

        viewModel.formOpenProperty().addListener((observable, was, open) -> showExampleDialog(open));
        viewModel.playback().playingProperty().addListener((observable, was, playing) -> {
            if (playing != null) {
                playbackTimer.start();
            } else {
                playbackTimer.stop();
            }
        });
        root.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                viewModel.reload();
            } else {
                viewModel.playback().stop();
                viewModel.dismissMessage(); // "Published v3…" is news once, not on every later visit
            }
        });
        guidelineMarkdown.setBaseDirectory(viewModel.baseDirectory());
    }

    private void bindList() {
        versionList.setItems(viewModel.entries());
        versionList.setCellFactory(list -> new VersionCell(viewModel));
        versionList.setPlaceholder(new Label("No versions yet"));
        versionList.getSelectionModel().selectedItemProperty().addListener((observable, was, entry) -> {
            if (!selecting && entry != null) {
                viewModel.selectedProperty().set(entry);
            }
        });
        viewModel.selectedProperty().addListener((observable, was, entry) -> showSelection());
        viewModel.entries().addListener((ListChangeListener<GuidelineEntry>) change -> showSelection());
    }

    private void showSelection() {
        GuidelineEntry entry = viewModel.selectedProperty().get();
        selecting = true;
        try {
            if (entry == null) {
                versionList.getSelectionModel().clearSelection();
            } else if (versionList.getSelectionModel().getSelectedItem() != entry) {
                versionList.getSelectionModel().select(entry);
            }
        } finally {
            selecting = false;
        }
    }

    private void bindEntry() {
        guidelineEmptyPane.visibleProperty().bind(viewModel.loadedProperty().and(viewModel.noVersionsProperty())
                .and(viewModel.standingProperty().isEqualTo(GuidelinesViewModel.Standing.NONE)));
        guidelineEntryPane.visibleProperty().bind(
                viewModel.standingProperty().isNotEqualTo(GuidelinesViewModel.Standing.NONE));
        guidelineHeading.textProperty().bind(viewModel.headingProperty());
        guidelineByline.textProperty().bind(viewModel.bylineProperty());
        guidelineByline.visibleProperty().bind(viewModel.bylineProperty().isNotEmpty());
        guidelineByline.managedProperty().bind(guidelineByline.visibleProperty());
        guidelineChange.textProperty().bind(Bindings.createStringBinding(() -> {
            String note = viewModel.changeNoteProperty().get();
            return note.isEmpty() ? "" : "What changed: " + note;
        }, viewModel.changeNoteProperty()));
        guidelineChange.visibleProperty().bind(viewModel.changeNoteProperty().isNotEmpty());
        guidelineChange.managedProperty().bind(guidelineChange.visibleProperty());
        standingLabel.textProperty().bind(viewModel.standingTextProperty());
        viewModel.standingProperty().addListener((observable, was, standing) -> showStanding(standing));
        showStanding(viewModel.standingProperty().get());

        viewModel.markdownProperty().addListener((observable, was, text) -> guidelineMarkdown.setMarkdown(text));
        guidelineMarkdown.setMarkdown(viewModel.markdownProperty().get());
        guidelineExamplesHeading.textProperty().bind(viewModel.examplesHeadingProperty());
        viewModel.shownExamples().addListener((ListChangeListener<ExampleCard>) change -> showExamples());
        showExamples();
        noGuidelineExamples.visibleProperty().bind(Bindings.isEmpty(viewModel.shownExamples()));
        noGuidelineExamples.managedProperty().bind(noGuidelineExamples.visibleProperty());
        examplePlaybackProblem.textProperty().bind(viewModel.playback().problemProperty());
        examplePlaybackProblem.visibleProperty().bind(viewModel.playback().problemProperty().isNotEmpty());
        examplePlaybackProblem.managedProperty().bind(examplePlaybackProblem.visibleProperty());
    }

    private void showStanding(GuidelinesViewModel.Standing standing) {
        standingBar.pseudoClassStateChanged(OLD, standing == GuidelinesViewModel.Standing.OLD);
        standingBar.pseudoClassStateChanged(PENDING, standing == GuidelinesViewModel.Standing.PENDING);
        standingIcon.setIconCode(switch (standing) {
            case OLD -> Feather.ALERT_TRIANGLE;
            case PENDING -> Feather.INBOX;
            default -> Feather.CHECK_CIRCLE;
        });
        // Pending examples have no text of their own: the examples take the whole pane.
        boolean text = standing != GuidelinesViewModel.Standing.PENDING;
        if (text && !guidelineContentSplit.getItems().contains(guidelineMarkdown)) {
            guidelineContentSplit.getItems().add(0, guidelineMarkdown);
            guidelineContentSplit.setDividerPositions(0.58);
        } else if (!text) {
            guidelineContentSplit.getItems().remove(guidelineMarkdown);
        }
    }

    private void showExamples() {
        guidelineExamplesFlow.getChildren().setAll(viewModel.shownExamples().stream().map(cards::card).toList());
    }

    private void bindMessage() {
        guidelinesMessageBar.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        guidelinesMessageBar.managedProperty().bind(guidelinesMessageBar.visibleProperty());
        guidelinesMessage.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((observable, was, error) -> showMessageKind(error));
        showMessageKind(viewModel.messageIsErrorProperty().get());
    }

    private void showMessageKind(boolean error) {
        guidelinesMessageBar.pseudoClassStateChanged(ERROR, error);
        guidelinesMessageIcon.setIconCode(error ? Feather.ALERT_CIRCLE : Feather.CHECK_CIRCLE);
    }

    private void showExampleDialog(boolean open) {
        if (open && exampleDialog == null) {
            exampleDialog = new ExampleDialog(window(), viewModel);
            exampleDialog.show();
        } else if (!open && exampleDialog != null) {
            ExampleDialog closing = exampleDialog;
            exampleDialog = null;
            closing.close();
        }
    }

    @FXML
    private void edit() {
        viewModel.startEditing();
    }

    @FXML
    private void addExample() {
        viewModel.openExampleForm();
    }

    @FXML
    private void dismissMessage() {
        viewModel.dismissMessage();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
