package org.labelbench.ui.preview;

import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the preview pane: media area (image, waveform or a message) and the item's facts. */
public final class ItemPreviewController {
    private final ItemPreviewViewModel viewModel;
    /** Moves the playhead once per frame while audio plays; stopped otherwise. */
    private final AnimationTimer playheadTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            viewModel.tick();
        }
    };

    @FXML
    private StackPane mediaPane;
    @FXML
    private ImageView imageView;
    @FXML
    private VBox audioBox;
    @FXML
    private WaveformCanvas waveform;
    @FXML
    private Button playButton;
    @FXML
    private Label playbackProblemLabel;
    @FXML
    private Label mediaMessage;
    @FXML
    private Label titleLabel;
    @FXML
    private GridPane detailsGrid;

    public ItemPreviewController(ItemPreviewViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        mediaPane.setMinSize(0, 0);
        imageView.fitWidthProperty().bind(mediaPane.widthProperty().subtract(24));
        imageView.fitHeightProperty().bind(mediaPane.heightProperty().subtract(24));
        titleLabel.textProperty().bind(viewModel.titleProperty());
        waveform.playheadProperty().bind(viewModel.playheadProperty());
        waveform.setOnSeek(viewModel::seek);
        playbackProblemLabel.textProperty().bind(viewModel.playbackProblemProperty());
        playbackProblemLabel.visibleProperty().bind(viewModel.playbackProblemProperty().isNotEmpty());
        viewModel.playingProperty().addListener((observable, was, playing) -> {
            playButton.setText(playing ? "Stop" : "Play");
            playButton.setGraphic(new FontIcon(playing ? Feather.SQUARE : Feather.PLAY));
            if (playing) {
                playheadTimer.start();
            } else {
                playheadTimer.stop();
            }
        });
        viewModel.contentProperty().addListener((observable, was, content) -> showContent(content));
        viewModel.details().addListener((ListChangeListener<DetailSection>) change -> showDetails());
        showContent(viewModel.contentProperty().get());
    }

    @FXML
    private void togglePlayback() {
        viewModel.togglePlayback();
    }

    private void showContent(PreviewContent content) {
        imageView.setImage(null);
        imageView.setVisible(false);
        audioBox.setVisible(false);
        mediaMessage.setVisible(false);
        waveform.waveformProperty().set(null);
        if (content instanceof PreviewContent.Picture picture) {
            imageView.setSmooth(!picture.pixelated());
            imageView.setImage(picture.image());
            imageView.setVisible(true);
        } else if (content instanceof PreviewContent.Sound sound) {
            waveform.waveformProperty().set(sound.waveform());
            audioBox.setVisible(true);
        } else if (content instanceof PreviewContent.Unavailable unavailable) {
            message(unavailable.message());
        } else if (content instanceof PreviewContent.Loading) {
            message("Loading…");
        } else {
            message("Select an item to preview it.");
        }
    }

    private void message(String text) {
        mediaMessage.setText(text);
        mediaMessage.setVisible(true);
    }

    private void showDetails() {
        detailsGrid.getChildren().clear();
        int row = 0;
        for (DetailSection section : viewModel.details()) {
            Label heading = new Label(section.title());
            heading.getStyleClass().add("detail-heading");
            detailsGrid.add(heading, 0, row++, 2, 1);
            for (Detail detail : section.details()) {
                Label name = new Label(detail.name());
                name.getStyleClass().add("detail-name");
                name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the value wraps; the name stays whole
                Label value = new Label(detail.value());
                value.getStyleClass().add("detail-value");
                value.setWrapText(true);
                detailsGrid.addRow(row++, name, value);
            }
        }
    }
}
