package org.labelbench.ui.disagreements;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.agreement.Disagreement;
import org.labelbench.agreement.DisagreementOpinion;
import org.labelbench.project.LabelClass;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.dialogs.Dialogs;
import org.labelbench.ui.items.FilterChoice;
import org.labelbench.ui.label.LabelPrompts;
import org.labelbench.ui.label.ZoomableImageView;
import org.labelbench.ui.preview.ItemPreviewViewModel;
import org.labelbench.ui.preview.PreviewContent;
import org.labelbench.ui.preview.WaveformCanvas;

/**
 * Binds the disagreement browser and turns keys into adjudications. Keys are caught by a filter
 * on the scene while this page is showing, so they work wherever the focus is (except in a text
 * field or an open drop-down): a class key sets the gold and moves on, Up/Down move, Space plays,
 * Ctrl+E adds a guideline example.
 */
public final class DisagreementsController {
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    private static final PseudoClass RESOLVED = PseudoClass.getPseudoClass("resolved");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final DisagreementsViewModel viewModel;
    private final ItemPreviewViewModel media;
    private final LabelPrompts labelPrompts;
    private final DisagreementDialogs dialogs;
    private final Dialogs errors;
    private final EventHandler<KeyEvent> keys = this::onKey;
    /** Moves the playhead once per frame while audio plays; stopped otherwise. */
    private final AnimationTimer playheadTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            media.tick();
        }
    };

    @FXML
    private BorderPane root;
    @FXML
    private Label disagreementCountLabel;
    @FXML
    private ComboBox<FilterChoice> disagreementClassFilter;
    @FXML
    private CheckBox showResolvedCheck;
    @FXML
    private CheckBox includeSuggestionsCheck;
    @FXML
    private Label adjudicatorLabel;
    @FXML
    private Hyperlink switchAdjudicatorLink;
    @FXML
    private ListView<DisagreementSlot> disagreementList;
    @FXML
    private Label disagreementKeyLabel;
    @FXML
    private Label disagreementSummaryLabel;
    @FXML
    private Label disagreementAttributesLabel;
    @FXML
    private StackPane disagreementMediaPane;
    @FXML
    private ZoomableImageView disagreementImage;
    @FXML
    private VBox disagreementAudioBox;
    @FXML
    private WaveformCanvas disagreementWaveform;
    @FXML
    private Button disagreementPlayButton;
    @FXML
    private Label disagreementPlaybackProblem;
    @FXML
    private Label disagreementMediaMessage;
    @FXML
    private TableView<DisagreementOpinion> opinionTable;
    @FXML
    private TableColumn<DisagreementOpinion, String> annotatorColumn;
    @FXML
    private TableColumn<DisagreementOpinion, String> labelColumn;
    @FXML
    private TableColumn<DisagreementOpinion, String> unsureColumn;
    @FXML
    private TableColumn<DisagreementOpinion, String> timeColumn;
    @FXML
    private TableColumn<DisagreementOpinion, String> guidelineColumn;
    @FXML
    private TableColumn<DisagreementOpinion, String> noteColumn;
    @FXML
    private HBox goldRow;
    @FXML
    private Label goldLabel;
    @FXML
    private FlowPane goldButtons;
    @FXML
    private Button addGuidelineExampleButton;
    @FXML
    private Label disagreementMessage;

    public DisagreementsController(DisagreementsViewModel viewModel, LabelPrompts labelPrompts,
            DisagreementDialogs dialogs, Dialogs errors) {
        this.viewModel = viewModel;
        this.media = viewModel.media();
        this.labelPrompts = labelPrompts;
        this.dialogs = dialogs;
        this.errors = errors;
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindList();
        bindDetail();
        bindMedia();
        viewModel.setOnError(message -> errors.showError(window(), "Not adjudicated", message));
        root.sceneProperty().addListener((observable, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
        root.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                viewModel.reload(); // labels may have changed on another page
                disagreementList.requestFocus();
            } else {
                viewModel.left();
            }
        });
    }

    private void bindHeader() {
        disagreementCountLabel.textProperty().bind(viewModel.countTextProperty());
        disagreementClassFilter.setItems(viewModel.classFilterChoices());
        disagreementClassFilter.valueProperty().bindBidirectional(viewModel.classFilterProperty());
        showResolvedCheck.selectedProperty().bindBidirectional(viewModel.showResolvedProperty());
        includeSuggestionsCheck.selectedProperty().bindBidirectional(viewModel.includeSuggestionsProperty());
        adjudicatorLabel.textProperty().bind(viewModel.adjudicatorTextProperty());
    }

    private void bindList() {
        disagreementList.setItems(viewModel.items());
        disagreementList.setCellFactory(list -> new DisagreementCell());
        disagreementList.setFixedCellSize(52);
        Label empty = new Label();
        empty.textProperty().bind(viewModel.placeholderProperty());
        empty.setWrapText(true);
        empty.getStyleClass().add("text-muted");
        empty.setPadding(new javafx.geometry.Insets(16));
        disagreementList.setPlaceholder(empty);
        disagreementList.getSelectionModel().selectedIndexProperty().addListener((observable, was, now) -> {
            if (now.intValue() >= 0) {
                viewModel.select(now.intValue());
            }
        });
        viewModel.selectedIndexProperty().addListener((observable, was, now) -> showSelection(now.intValue()));
    }

    /** Follows the view model's selection (it moves on after each gold), scrolling only when the row is out of sight. */
    private void showSelection(int index) {
        if (index < 0) {
            disagreementList.getSelectionModel().clearSelection();
            return;
        }
        if (disagreementList.getSelectionModel().getSelectedIndex() != index) {
            disagreementList.getSelectionModel().select(index);
        }
        if (disagreementList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            var first = flow.getFirstVisibleCell();
            var last = flow.getLastVisibleCell();
            if (first == null || last == null || index <= first.getIndex() || index >= last.getIndex()) {
                flow.scrollTo(index);
            }
        } else {
            disagreementList.scrollTo(index);
        }
    }

    private void bindDetail() {
        disagreementKeyLabel.textProperty().bind(viewModel.selectedProperty().map(Disagreement::key).orElse(""));
        disagreementSummaryLabel.textProperty().bind(viewModel.summaryProperty());
        disagreementAttributesLabel.textProperty().bind(viewModel.attributesProperty());
        goldLabel.textProperty().bind(viewModel.verdictTextProperty());
        viewModel.goldClassProperty().addListener((observable, was, now) -> showGold(now));
        showGold(viewModel.goldClassProperty().get());

        opinionTable.setItems(viewModel.opinions());
        opinionTable.setPlaceholder(new Label(""));
        annotatorColumn.setCellValueFactory(cell -> text(cell.getValue().annotator()));
        labelColumn.setCellValueFactory(cell -> text(cell.getValue().label()));
        labelColumn.setCellFactory(column -> new ClassCell());
        unsureColumn.setCellValueFactory(cell -> text(cell.getValue().unsure() ? "unsure" : ""));
        unsureColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                getStyleClass().remove("unsure");
                if (!empty && value != null && !value.isEmpty()) {
                    getStyleClass().add("unsure");
                }
            }
        });
        // Imported labels carry no time on item; say so rather than leave a blank.
        timeColumn.setCellValueFactory(cell -> text(cell.getValue().durationMs() != null
                ? DisplayFormats.duration(cell.getValue().durationMs())
                : "human".equals(cell.getValue().origin()) ? "—" : cell.getValue().origin()));
        guidelineColumn.setCellValueFactory(cell -> text(cell.getValue().guidelineVersion() == null ? "—"
                : "v" + cell.getValue().guidelineVersion()));
        opinionTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(DisagreementOpinion opinion, boolean empty) {
                super.updateItem(opinion, empty);
                // when and how the label was made: a tooltip, so the table keeps to what adjudication needs
                setTooltip(empty || opinion == null ? null : new Tooltip((opinion.submitted() == null ? "Labeled"
                        : "Labeled " + WHEN.format(opinion.submitted())) + " (" + opinion.origin() + ")"));
            }
        });
        noteColumn.setCellValueFactory(cell -> text(cell.getValue().note() == null ? "" : cell.getValue().note()));

        viewModel.classes().addListener((ListChangeListener<LabelClass>) change -> showClassButtons());
        showClassButtons();
        addGuidelineExampleButton.disableProperty().bind(viewModel.selectedProperty().isNull()
                .or(viewModel.busyProperty()));
        disagreementMessage.textProperty().bind(viewModel.messageProperty());
    }

    private void bindMedia() {
        disagreementMediaPane.setMinSize(0, 0);
        disagreementWaveform.playheadProperty().bind(media.playheadProperty());
        disagreementWaveform.setOnSeek(media::seek);
        disagreementPlaybackProblem.textProperty().bind(media.playbackProblemProperty());
        media.playingProperty().addListener((observable, was, playing) -> {
            disagreementPlayButton.setText(playing ? "Stop" : "Play");
            disagreementPlayButton.setGraphic(new FontIcon(playing ? Feather.SQUARE : Feather.PLAY));
            if (playing) {
                playheadTimer.start();
            } else {
                playheadTimer.stop();
            }
        });
        media.contentProperty().addListener((observable, was, content) -> showContent(content));
        showContent(media.contentProperty().get());
    }

    private void showContent(PreviewContent content) {
        disagreementImage.imageProperty().set(null);
        disagreementImage.setVisible(false);
        disagreementAudioBox.setVisible(false);
        disagreementMediaMessage.setVisible(false);
        disagreementWaveform.waveformProperty().set(null);
        if (content instanceof PreviewContent.Picture picture) {
            disagreementImage.setPixelated(picture.pixelated());
            disagreementImage.imageProperty().set(picture.image());
            disagreementImage.setVisible(true);
            if (picture.image().getProgress() < 1) {
                // The preview loads images in the background; the view can fit one only once its size is known.
                picture.image().progressProperty().addListener((observable, was, progress) -> {
                    if (progress.doubleValue() >= 1) {
                        disagreementImage.requestLayout();
                    }
                });
            }
        } else if (content instanceof PreviewContent.Sound sound) {
            disagreementWaveform.waveformProperty().set(sound.waveform());
            disagreementAudioBox.setVisible(true);
        } else if (content instanceof PreviewContent.Unavailable unavailable) {
            mediaMessage(unavailable.message());
        } else if (content instanceof PreviewContent.Loading) {
            mediaMessage("Loading…");
        } else {
            mediaMessage("Select a contested item to see it, with each annotator's label.");
        }
    }

    private void mediaMessage(String text) {
        disagreementMediaMessage.setText(text);
        disagreementMediaMessage.setVisible(true);
    }

    // ---------------------------------------------------------------- class buttons

    private void showClassButtons() {
        goldButtons.getChildren().clear();
        for (LabelClass labelClass : viewModel.classes()) {
            goldButtons.getChildren().add(classButton(labelClass));
        }
        showGold(viewModel.goldClassProperty().get());
    }

    private Button classButton(LabelClass labelClass) {
        String hotkey = labelClass.hotkey() == null ? "" : labelClass.hotkey();
        Label key = new Label(hotkey.toUpperCase(Locale.ROOT));
        key.getStyleClass().add("class-hotkey");
        key.setVisible(!hotkey.isEmpty());
        key.setManaged(!hotkey.isEmpty());
        HBox graphic = new HBox(6, key, swatch(labelClass.color(), "class-color"));
        graphic.setAlignment(Pos.CENTER_LEFT);
        Button button = new Button(labelClass.name(), graphic);
        button.getStyleClass().add("gold-button");
        button.setUserData(labelClass);
        button.setFocusTraversable(false);
        button.setMnemonicParsing(false);
        button.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        button.setOnAction(event -> adjudicate(labelClass));
        button.setTooltip(new Tooltip("Gold label: " + labelClass.name()
                + (hotkey.isEmpty() ? "" : " (key " + hotkey + ")")));
        return button;
    }

    private void showGold(String gold) {
        goldRow.pseudoClassStateChanged(RESOLVED, gold != null);
        for (Node node : goldButtons.getChildren()) {
            LabelClass labelClass = (LabelClass) node.getUserData();
            node.pseudoClassStateChanged(CHOSEN, labelClass.name().equals(gold));
        }
    }

    static Region swatch(String color, String styleClass) {
        Region swatch = new Region();
        swatch.getStyleClass().add(styleClass);
        if (color != null && color.matches("#[0-9a-fA-F]{3,8}")) {
            swatch.setStyle("-fx-background-color: " + color + ";");
        }
        return swatch;
    }

    /** A label cell with its class's colour beside it. */
    private final class ClassCell extends TableCell<DisagreementOpinion, String> {
        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            if (empty || name == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(name);
            String color = viewModel.classes().stream().filter(c -> c.name().equals(name)).map(LabelClass::color)
                    .findFirst().orElse(null);
            setGraphic(swatch(color, "class-swatch-small"));
        }
    }

    // ---------------------------------------------------------------- keys and actions

    private void onKey(KeyEvent event) {
        if (!isShowing(root) || event.getTarget() instanceof TextInputControl) {
            return;
        }
        KeyCode code = event.getCode();
        if (event.isShortcutDown()) {
            boolean handled = true;
            switch (code) {
                case E -> addExample();
                case EQUALS, PLUS, ADD -> disagreementImage.zoomIn();
                case MINUS, SUBTRACT -> disagreementImage.zoomOut();
                case DIGIT0, NUMPAD0 -> disagreementImage.fit();
                default -> handled = false;
            }
            if (handled) {
                event.consume();
            }
            return;
        }
        if (event.isAltDown() || event.isMetaDown() || event.isShiftDown()) {
            return;
        }
        boolean inDropDown = event.getTarget() instanceof ComboBoxBase<?>;
        if ((code == KeyCode.UP || code == KeyCode.DOWN) && !inDropDown) {
            viewModel.move(code == KeyCode.UP ? -1 : 1);
            event.consume();
        } else if (code == KeyCode.SPACE && !inDropDown && media.hasAudio()) {
            media.togglePlayback();
            event.consume();
        } else if (hotkey(code)) {
            event.consume();
        }
    }

    /** A class hotkey (1-9, 0, then letters); false when the key is no class's. */
    private boolean hotkey(KeyCode code) {
        String key;
        if (code.isDigitKey()) {
            String name = code.getName();
            key = name.substring(name.length() - 1);
        } else if (code.isLetterKey()) {
            key = code.getName().toLowerCase(Locale.ROOT);
        } else {
            return false;
        }
        Optional<LabelClass> labelClass = viewModel.classWithHotkey(key);
        labelClass.ifPresent(this::adjudicate);
        return labelClass.isPresent();
    }

    /** Sets the gold, after asking who adjudicates the first time (as the Label page asks who labels). */
    private void adjudicate(LabelClass labelClass) {
        if (!viewModel.acceptsDecisions() || !signedIn()) {
            return;
        }
        viewModel.adjudicate(labelClass);
    }

    @FXML
    private void addExample() {
        Disagreement shown = viewModel.selectedProperty().get();
        if (shown == null || !viewModel.acceptsDecisions() || !signedIn()) {
            return;
        }
        dialogs.example(window(), shown.key(), viewModel.classes(), viewModel.goldClassProperty().get())
                .ifPresent(request -> viewModel.addExample(request.labelClass(), request.note()));
    }

    @FXML
    private void switchAdjudicator() {
        labelPrompts.labeler(window(), viewModel.adjudicatorProperty().get()).ifPresent(viewModel::setAdjudicator);
    }

    @FXML
    private void togglePlayback() {
        media.togglePlayback();
    }

    private boolean signedIn() {
        if (viewModel.adjudicatorProperty().get() == null) {
            labelPrompts.labeler(window(), null).ifPresent(viewModel::setAdjudicator);
        }
        return viewModel.adjudicatorProperty().get() != null;
    }

    private static ReadOnlyStringWrapper text(String value) {
        return new ReadOnlyStringWrapper(value);
    }

    /** True while the node and all its parents are visible in a scene. */
    private static boolean isShowing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
