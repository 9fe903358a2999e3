package org.labelbench.ui.label;

import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.labeling.GuidelineExample;
import org.labelbench.labeling.QueueTask;
import org.labelbench.ui.audio.AudioTransport;
import org.labelbench.ui.markdown.MarkdownView;
import org.labelbench.ui.preview.WaveformCanvas;

/**
 * The labeling screen: binds the item, header, class buttons, guideline and status to the view
 * model, and turns keys into decisions. Keys are caught by a filter on the scene while this
 * screen is showing, so they work wherever the focus is. In the transcript field a digit that is
 * a class's hotkey still chooses that class (a mis-press is corrected by the right key, never
 * typed); a backslash before a digit, or the number pad, types the digit. Letters always type,
 * and a letter typed outside the field on an item that takes a transcript starts it.
 */
public final class LabelingController {
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass SUGGESTED = PseudoClass.getPseudoClass("suggested");
    /** The suggestion line of an item the run did not predict. */
    private static final PseudoClass NONE = PseudoClass.getPseudoClass("none");
    /** Keys offered under the jump field as one types. */
    private static final int JUMP_COMPLETIONS = 8;
    /** Left and Right move the playhead by this much. */
    private static final double SEEK_SECONDS = 1.0;

    private final LabelScreenViewModel screen;
    private final LabelingViewModel viewModel;
    private final LabelPrompts prompts;
    private final EventHandler<KeyEvent> keys = this::onKey;
    private boolean swallowTyped;
    /** A backslash was typed in the transcript: the next digit is text, not a class key. */
    private boolean literalNext;
    /**
     * A key press handled here also sends a KEY_TYPED; when the press moved the focus into the
     * transcript field, that character would land in it. It is swallowed.
     */
    private final EventHandler<KeyEvent> typed = event -> {
        if (this.swallowTyped) {
            this.swallowTyped = false;
            event.consume();
        } else if (event.getTarget() == this.transcriptField) {
            literalCharacter(event);
        }
    };

    /** Moves the playhead once per frame while audio plays; stopped otherwise. */
    private final AnimationTimer playheadTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            viewModel.audio().tick();
        }
    };

    @FXML
    private BorderPane root;
    @FXML
    private Button backToQueuesButton;
    @FXML
    private Label queueNameLabel;
    @FXML
    private Label positionLabel;
    @FXML
    private Label guidelineVersionLabel;
    @FXML
    private ToggleButton guidelineToggle;
    @FXML
    private Label labelingLabelerLabel;
    @FXML
    private Hyperlink labelingSwitchLabelerLink;
    @FXML
    private Label itemKeyLabel;
    @FXML
    private Label unsureBadge;
    @FXML
    private Label noteBadge;
    @FXML
    private Label ownLabelLabel;
    @FXML
    private Label othersLabel;
    @FXML
    private Label attributesLabel;
    @FXML
    private StackPane labelingMediaPane;
    @FXML
    private ZoomableImageView itemImage;
    @FXML
    private VBox labelingAudioBox;
    @FXML
    private SpectrogramView labelingSpectrogram;
    @FXML
    private WaveformCanvas labelingWaveform;
    @FXML
    private Label rateLabel;
    @FXML
    private VBox labelingPlaceholder;
    @FXML
    private FontIcon placeholderIcon;
    @FXML
    private Label placeholderLabel;
    @FXML
    private VBox guidelinePane;
    @FXML
    private MarkdownView guidelineView;
    @FXML
    private Label examplesTitle;
    @FXML
    private javafx.scene.control.ScrollPane examplesScroll;
    @FXML
    private VBox examplesBox;
    @FXML
    private HBox transcriptRow;
    @FXML
    private TextField transcriptField;
    @FXML
    private HBox suggestionRow;
    @FXML
    private Label suggestionLabel;
    @FXML
    private Label suggestionKeyLabel;
    @FXML
    private FlowPane classButtons;
    @FXML
    private Label labelingMessageLabel;
    @FXML
    private Label audioProblemLabel;
    @FXML
    private Label retrainingLabel;
    @FXML
    private Label keysHintLabel;

    public LabelingController(LabelScreenViewModel screen, LabelPrompts prompts) {
        this.screen = screen;
        this.viewModel = screen.labeling();
        this.prompts = prompts;
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindMedia();
        bindFooter();
        bindGuideline();
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
                root.requestFocus();
            }
        });
    }

    private void bindHeader() {
        LabelingHeader header = viewModel.header();
        queueNameLabel.textProperty().bind(header.queueNameProperty());
        positionLabel.textProperty().bind(header.positionProperty());
        guidelineVersionLabel.textProperty().bind(viewModel.guideline().versionProperty());
        labelingLabelerLabel.textProperty().bind(screen.labelerTextProperty());
        itemKeyLabel.textProperty().bind(header.itemKeyProperty());
        ownLabelLabel.textProperty().bind(header.ownLabelProperty());
        othersLabel.textProperty().bind(header.othersLabelsProperty());
        showIfNotEmpty(othersLabel);
        showIfNotEmpty(ownLabelLabel);
        attributesLabel.textProperty().bind(header.attributesProperty());
        // The attributes yield first when the line is crowded; the whole text stays in the tooltip.
        Tooltip attributesTip = new Tooltip();
        attributesTip.textProperty().bind(header.attributesProperty());
        attributesLabel.setTooltip(attributesTip);
        // The badge keeps its place while hidden, so pressing Ctrl+U moves nothing on the header.
        unsureBadge.visibleProperty().bind(viewModel.unsureProperty());
        noteBadge.visibleProperty().bind(viewModel.noteProperty().isNotEmpty());
        noteBadge.managedProperty().bind(noteBadge.visibleProperty());
        Tooltip noteTip = new Tooltip();
        noteTip.textProperty().bind(viewModel.noteProperty());
        noteBadge.setTooltip(noteTip);
    }

    private void bindMedia() {
        labelingMediaPane.setMinSize(0, 0);
        labelingMediaPane.widthProperty().addListener(observable -> reportViewSize());
        labelingMediaPane.heightProperty().addListener(observable -> reportViewSize());
        AudioTransport audio = viewModel.audio();
        labelingWaveform.playheadProperty().bind(audio.playheadProperty());
        labelingSpectrogram.playheadProperty().bind(audio.playheadProperty());
        labelingWaveform.setOnSeek(audio::seekAndPlay); // a click plays from there
        labelingSpectrogram.setOnSeek(audio::seekAndPlay);
        rateLabel.textProperty().bind(audio.rateProperty().map(rate -> AudioTransport.rateText(rate.doubleValue())));
        audio.playingProperty().addListener((observable, was, playing) -> {
            if (playing) {
                playheadTimer.start();
            } else {
                playheadTimer.stop();
            }
        });
        viewModel.contentProperty().addListener((observable, was, content) -> showContent(content));
        showContent(viewModel.contentProperty().get());
    }

    private void reportViewSize() {
        double scale = root.getScene() == null || root.getScene().getWindow() == null ? 1
                : Math.max(1, root.getScene().getWindow().getOutputScaleX());
        if (labelingMediaPane.getWidth() > 0 && labelingMediaPane.getHeight() > 0) {
            viewModel.viewSize(Math.ceil(labelingMediaPane.getWidth() * scale),
                    Math.ceil(labelingMediaPane.getHeight() * scale));
        }
    }

    private void bindFooter() {
        transcriptRow.visibleProperty().bind(viewModel.transcriptShownProperty());
        transcriptRow.managedProperty().bind(transcriptRow.visibleProperty());
        transcriptField.textProperty().bindBidirectional(viewModel.transcriptProperty());
        labelingMessageLabel.textProperty().bind(viewModel.status().messageProperty());
        viewModel.status().isErrorProperty().addListener((observable, was, isError) ->
                labelingMessageLabel.pseudoClassStateChanged(ERROR, isError));
        audioProblemLabel.textProperty().bind(viewModel.audioProblemProperty());
        Tooltip audioProblemTip = new Tooltip();
        audioProblemTip.textProperty().bind(viewModel.audio().problemProperty()); // Java Sound's own words
        audioProblemLabel.setTooltip(audioProblemTip);
        retrainingLabel.textProperty().bind(viewModel.retrainingProperty());
        retrainingLabel.visibleProperty().bind(viewModel.retrainingProperty().isNotEmpty());
        retrainingLabel.managedProperty().bind(retrainingLabel.visibleProperty());
        viewModel.retrainingFailedProperty().addListener((observable, was, isError) ->
                retrainingLabel.pseudoClassStateChanged(ERROR, isError));
        suggestionRow.visibleProperty().bind(viewModel.suggestionProperty().isNotEmpty());
        suggestionRow.managedProperty().bind(suggestionRow.visibleProperty());
        suggestionLabel.textProperty().bind(viewModel.suggestionProperty());
        suggestionKeyLabel.visibleProperty().bind(viewModel.hasSuggestionProperty());
        viewModel.hasSuggestionProperty().addListener((observable, was, has) ->
                suggestionLabel.pseudoClassStateChanged(NONE, !has));
        suggestionLabel.pseudoClassStateChanged(NONE, !viewModel.hasSuggestionProperty().get());
        viewModel.suggestionsRunProperty().addListener(observable -> showKeysHint());
        viewModel.classes().addListener((ListChangeListener<ClassChoice>) change -> showClassButtons());
        viewModel.multiLabelProperty().addListener(observable -> showKeysHint());
        viewModel.transcriptShownProperty().addListener(observable -> showKeysHint());
        viewModel.taskProperty().addListener((observable, was, now) -> {
            literalNext = false;
            if (transcriptField.isFocused()) {
                root.requestFocus(); // a new item: class keys work again
            }
        });
        showClassButtons();
        showKeysHint();
    }

    private void bindGuideline() {
        ShownGuideline guideline = viewModel.guideline();
        guidelineToggle.selectedProperty().bindBidirectional(guideline.shownProperty());
        guidelinePane.visibleProperty().bind(guideline.shownProperty());
        guidelinePane.managedProperty().bind(guidelinePane.visibleProperty());
        guidelineView.setBaseDirectory(viewModel.guideline().directory());
        guidelineView.setMarkdown(guideline.markdownProperty().get());
        guideline.markdownProperty().addListener((observable, was, now) -> guidelineView.setMarkdown(now));
        guideline.examples().addListener((ListChangeListener<GuidelineExample>) change -> showExamples());
        showExamples();
    }

    // ---------------------------------------------------------------- keys

    private void onKey(KeyEvent event) {
        swallowTyped = false;
        if (!isShowing(root) || !viewModel.openProperty().get()) {
            return;
        }
        handleKey(event);
        swallowTyped = event.isConsumed();
    }

    private void handleKey(KeyEvent event) {
        KeyCode code = event.getCode();
        boolean shortcut = event.isShortcutDown();
        boolean typing = event.getTarget() instanceof TextInputControl;
        if (event.getTarget() == transcriptField && transcriptKey(event)) {
            event.consume();
            return;
        }
        if (typing) {
            if (code == KeyCode.ESCAPE) {
                event.consume();
                root.requestFocus();
            } else if (shortcut && (code == KeyCode.SPACE || code == KeyCode.U || code == KeyCode.N
                    || code == KeyCode.J)) {
                event.consume();
                shortcutKey(code);
            }
            return; // everything else is typing
        }
        if (shortcut) {
            if (shortcutKey(code)) {
                event.consume();
            }
            return;
        }
        if (event.isAltDown() || event.isMetaDown()) {
            return;
        }
        boolean handled = true;
        switch (code) {
            case ESCAPE -> screen.backToQueues();
            case F1 -> viewModel.guideline().shownProperty().set(!viewModel.guideline().shownProperty().get());
            case BACK_SPACE -> viewModel.back();
            case END -> viewModel.resume();
            case ENTER -> viewModel.submitChosen();
            case TAB -> viewModel.acceptSuggestion(); // consumed either way: no focus traversal on this screen
            case SPACE -> viewModel.audio().replay();
            case LEFT -> viewModel.audio().seekBy(-SEEK_SECONDS);
            case RIGHT -> viewModel.audio().seekBy(SEEK_SECONDS);
            case OPEN_BRACKET -> viewModel.slower();
            case CLOSE_BRACKET -> viewModel.faster();
            default -> {
                handled = !event.isShiftDown() && hotkey(code);
                if (!handled && code.isLetterKey() && viewModel.transcriptShownProperty().get()) {
                    // Not a class key: the letter starts the transcript (its KEY_TYPED lands in the field).
                    transcriptField.requestFocus();
                    transcriptField.end();
                }
            }
        }
        if (handled) {
            event.consume();
        }
    }

    /**
     * A key pressed in the transcript field that is not typing: Enter submits (without a class it
     * says why, and the field keeps the focus), Escape leaves the field, Tab accepts the
     * suggestion in a queue that shows them, and a digit that is a class's hotkey chooses that
     * class. True when it was handled here.
     */
    private boolean transcriptKey(KeyEvent event) {
        KeyCode code = event.getCode();
        if (code == KeyCode.ENTER) {
            literalNext = false;
            viewModel.submitChosen();
            return true;
        }
        if (code == KeyCode.ESCAPE) {
            literalNext = false;
            root.requestFocus();
            return true;
        }
        if (code == KeyCode.TAB && !viewModel.suggestionsRunProperty().get().isEmpty()) {
            literalNext = false;
            viewModel.acceptSuggestion(); // with the transcript typed so far
            return true;
        }
        if (code == KeyCode.BACK_SPACE && literalNext) {
            literalNext = false; // takes back the backslash, which was not shown
            return true;
        }
        boolean plain = !event.isShortcutDown() && !event.isAltDown() && !event.isMetaDown() && !event.isShiftDown();
        if (!plain || !code.isDigitKey() || code.isKeypadKey()) {
            return false; // the number pad types its digits
        }
        if (literalNext) {
            literalNext = false;
            return false;
        }
        return viewModel.chooseHotkey(String.valueOf(LabelDialogs.digit(code)));
    }

    /** A backslash in the transcript holds back; it is typed when the next character is not a digit. */
    private void literalCharacter(KeyEvent event) {
        String character = event.getCharacter();
        if (literalNext) {
            literalNext = false;
            if (!character.isEmpty() && !Character.isDigit(character.charAt(0)) && !"\\".equals(character)) {
                transcriptField.insertText(transcriptField.getCaretPosition(), "\\");
            }
        } else if ("\\".equals(character)) {
            literalNext = true;
            event.consume();
        }
    }

    /** Ctrl (Cmd on macOS) combinations; true when one was handled. */
    private boolean shortcutKey(KeyCode code) {
        switch (code) {
            case SPACE -> prompts.skipReason(window()).ifPresent(viewModel::skip);
            case U -> viewModel.toggleUnsure();
            case N -> {
                if (viewModel.taskProperty().get() != null) {
                    prompts.note(window(), viewModel.noteProperty().get()).ifPresent(viewModel::setNote);
                }
            }
            case J -> prompts.itemKey(window(), typed -> viewModel.completeKey(typed, JUMP_COMPLETIONS))
                    .ifPresent(viewModel::jumpTo);
            case Z -> viewModel.back();
            case RIGHT -> viewModel.resume();
            case T -> {
                if (viewModel.transcriptShownProperty().get()) {
                    transcriptField.requestFocus();
                    transcriptField.end();
                }
            }
            case EQUALS, PLUS, ADD -> itemImage.zoomIn();
            case MINUS, SUBTRACT -> itemImage.zoomOut();
            case DIGIT0, NUMPAD0 -> itemImage.fit();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A class hotkey (1-9, 0, then letters); false when the key is no class's. */
    private boolean hotkey(KeyCode code) {
        String key;
        int digit = LabelDialogs.digit(code);
        if (digit >= 0) {
            key = String.valueOf(digit);
        } else if (code.isLetterKey()) {
            key = code.getName().toLowerCase(java.util.Locale.ROOT);
        } else {
            return false;
        }
        boolean known = viewModel.pressHotkey(key);
        focusTranscriptIfChosen();
        return known;
    }

    /** With a transcript field, a class chosen without a transcript leaves the labeler typing it. */
    private void focusTranscriptIfChosen() {
        if (viewModel.transcriptShownProperty().get() && !viewModel.busyProperty().get()
                && viewModel.classes().stream().anyMatch(ClassChoice::isChosen)
                && viewModel.transcriptProperty().get().isBlank()) {
            transcriptField.requestFocus();
        }
    }

    @FXML
    private void backToQueues() {
        screen.backToQueues();
    }

    @FXML
    private void switchLabeler() {
        prompts.labeler(window(), screen.labelerProperty().get()).ifPresent(screen::setLabeler);
    }

    // ---------------------------------------------------------------- showing

    private void showContent(LabelingContent content) {
        itemImage.imageProperty().set(null);
        itemImage.setVisible(false);
        labelingAudioBox.setVisible(false);
        labelingPlaceholder.setVisible(false);
        labelingWaveform.waveformProperty().set(null);
        labelingSpectrogram.spectrogramProperty().set(null);
        if (content instanceof LabelingContent.Picture picture) {
            itemImage.setPixelated(picture.pixelated());
            itemImage.imageProperty().set(picture.image());
            itemImage.setVisible(true);
        } else if (content instanceof LabelingContent.Sound sound) {
            labelingWaveform.waveformProperty().set(sound.waveform());
            labelingSpectrogram.spectrogramProperty().set(sound.spectrogram());
            labelingSpectrogram.setVisible(sound.spectrogram() != null);
            labelingSpectrogram.setManaged(sound.spectrogram() != null);
            labelingAudioBox.setVisible(true);
        } else if (content instanceof LabelingContent.Unavailable unavailable) {
            showPlaceholder(Feather.ALERT_TRIANGLE, unavailable.message());
        } else if (content instanceof LabelingContent.Finished finished) {
            showPlaceholder(Feather.CHECK_CIRCLE, finished.message());
        } else {
            showPlaceholder(Feather.LOADER, "Loading…");
        }
        QueueTask task = viewModel.taskProperty().get();
        if (task != null && !(content instanceof LabelingContent.Loading)) {
            long itemId = task.item().id();
            afterNextPulse(() -> viewModel.contentRendered(itemId));
        }
    }

    private void showPlaceholder(Feather icon, String text) {
        placeholderIcon.setIconCode(icon);
        placeholderLabel.setText(text);
        labelingPlaceholder.setVisible(true);
    }

    /** Runs {@code action} once the next pulse has laid out the scene (what was set is then on screen). */
    private void afterNextPulse(Runnable action) {
        Scene scene = root.getScene();
        if (scene == null) {
            action.run();
            return;
        }
        boolean[] ran = new boolean[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!ran[0]) {
                ran[0] = true;
                action.run();
                Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private void showClassButtons() {
        classButtons.getChildren().clear();
        for (ClassChoice choice : viewModel.classes()) {
            classButtons.getChildren().add(classButton(choice));
        }
    }

    private Button classButton(ClassChoice choice) {
        Label hotkey = new Label(choice.hotkey().toUpperCase(java.util.Locale.ROOT));
        hotkey.getStyleClass().add("class-hotkey");
        Region swatch = new Region();
        swatch.getStyleClass().add("class-color");
        if (choice.color() != null && choice.color().matches("#[0-9a-fA-F]{3,8}")) {
            swatch.setStyle("-fx-background-color: " + choice.color() + ";");
        }
        HBox graphic = new HBox(6, hotkey, swatch);
        graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Button button = new Button(choice.name(), graphic);
        button.getStyleClass().add("class-button");
        button.setUserData(choice);
        button.setFocusTraversable(false);
        button.setMnemonicParsing(false);
        button.setOnAction(event -> {
            viewModel.pressClass(choice.labelClass());
            focusTranscriptIfChosen();
        });
        button.pseudoClassStateChanged(CHOSEN, choice.isChosen());
        button.pseudoClassStateChanged(SUGGESTED, choice.isSuggested());
        choice.suggestedProperty().addListener((observable, was, now) -> button.pseudoClassStateChanged(SUGGESTED, now));
        choice.chosenProperty().addListener((observable, was, now) -> button.pseudoClassStateChanged(CHOSEN, now));
        button.setTooltip(new Tooltip(choice.hotkey().isEmpty() ? choice.name()
                : choice.name() + " (key " + choice.hotkey() + ")"));
        return button;
    }

    private void showKeysHint() {
        String classKeys = viewModel.multiLabelProperty().get() ? "keys toggle classes · Enter submits"
                : viewModel.transcriptShownProperty().get()
                        ? "digit key chooses class, also in the transcript · \\ then a digit (or the number pad)"
                        + " types the digit · Enter submits"
                : "class key labels";
        String accept = viewModel.suggestionsRunProperty().get().isEmpty() ? "" : " · Tab accepts suggestion";
        keysHintLabel.setText(classKeys + accept + " · Backspace back · Ctrl+Space skip · Ctrl+U unsure · Ctrl+N note"
                + " · Ctrl+J jump · End latest · F1 guideline · Esc queues");
    }

    private void showExamples() {
        examplesBox.getChildren().clear();
        for (GuidelineExample example : viewModel.guideline().examples()) {
            examplesBox.getChildren().add(exampleRow(example));
        }
        boolean any = !viewModel.guideline().examples().isEmpty();
        examplesTitle.setVisible(any);
        examplesTitle.setManaged(any);
        examplesScroll.setVisible(any);
        examplesScroll.setManaged(any);
    }

    private Node exampleRow(GuidelineExample example) {
        StackPane thumbnail = new StackPane();
        thumbnail.getStyleClass().add("thumbnail");
        thumbnail.setMinSize(72, 72);
        thumbnail.setPrefSize(72, 72);
        thumbnail.setMaxSize(72, 72);
        if ("audio".equals(example.media())) {
            thumbnail.getChildren().add(new FontIcon(Feather.VOLUME_2));
        } else {
            Path file = viewModel.guideline().directory().resolve(example.path()).normalize();
            Image image = new Image(file.toUri().toString(), 72, 72, true, true, true);
            ImageView view = new ImageView(image);
            FontIcon broken = new FontIcon(Feather.ALERT_TRIANGLE);
            broken.visibleProperty().bind(image.errorProperty());
            thumbnail.getChildren().addAll(view, broken);
        }
        Label label = new Label(example.label() == null ? "skip" : example.label());
        label.getStyleClass().add("example-class");
        Label note = new Label(example.note());
        note.setWrapText(true);
        Label key = new Label(example.itemKey());
        key.getStyleClass().addAll("text-muted", "text-small");
        VBox text = new VBox(2, label, note, key);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, thumbnail, text);
        row.getStyleClass().add("guideline-example");
        return row;
    }

    private static void showIfNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** True while the node and all its parents are visible in a scene. */
    static boolean isShowing(Node node) {
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

    ZoomableImageView itemImage() {
        return itemImage;
    }

    Parent root() {
        return root;
    }
}
