package org.labelbench.ui.items;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.media.AudioPlayback;
import org.labelbench.media.MediaException;
import org.labelbench.media.PcmAudio;
import org.labelbench.media.WavDecoder;
import org.labelbench.media.Waveform;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRow;

/** The right-hand pane: the selected image, or the audio's waveform with play and playhead, and its facts. */
final class ItemPreview extends VBox {
    private static final double WAVE_WIDTH = 360;
    private static final double WAVE_HEIGHT = 120;

    private final ItemsViewModel viewModel;
    private final StackPane media = new StackPane();
    private final GridPane facts = new GridPane();
    private final Label placeholder = new Label("Select an item to preview it.");
    private final Button play = new Button("Play");
    private final Canvas wave = new Canvas(WAVE_WIDTH, WAVE_HEIGHT);
    private final Canvas playhead = new Canvas(WAVE_WIDTH, WAVE_HEIGHT);
    private final Label audioMessage = new Label();
    private AudioPlayback playback;
    private PcmAudio audio;
    private final AnimationTimer playheadTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawPlayhead();
        }
    };

    ItemPreview(ItemsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("preview");
        setSpacing(12);
        setPadding(new Insets(12));
        setPrefWidth(400);
        setMinWidth(320);
        getStyleClass().add("preview");
        media.setMinHeight(WAVE_HEIGHT);
        media.setPrefHeight(320);
        facts.setHgap(10);
        facts.setVgap(4);
        facts.setId("previewFacts");
        placeholder.setId("previewPlaceholder");
        placeholder.setWrapText(true);
        play.setId("playButton");
        play.setGraphic(new FontIcon("fth-play"));
        play.setOnAction(e -> togglePlay());
        audioMessage.setId("audioMessage");
        audioMessage.setWrapText(true);
        media.getChildren().setAll(placeholder);
        getChildren().setAll(media, facts);
        viewModel.selectedProperty().addListener((obs, old, row) -> show(row));
    }

    private void show(ItemRow row) {
        stopPlayback();
        audio = null;
        facts.getChildren().clear();
        if (row == null) {
            media.getChildren().setAll(placeholder);
            return;
        }
        Item item = row.item();
        Path file = viewModel.mediaPath(item);
        addFact("Key", item.key());
        addFact("Path", item.path());
        addFact("Format", item.format() + " · " + ItemText.size(item.bytes()));
        addFact(item.isAudio() ? "Audio" : "Size", item.isAudio() ? ItemText.duration(item.durationMs()) + " · "
                + ItemText.shape(item) : ItemText.shape(item));
        addFact("SHA-256", item.sha256().substring(0, 16) + "…");
        for (Map.Entry<String, String> attribute : row.attributes().entrySet()) {
            addFact(attribute.getKey(), attribute.getValue());
        }
        addFact("Labels", row.labels().isEmpty() ? "none yet" : ItemText.labelsByAnnotator(row.labels()));
        // Existence is one stat call: cheap, and it gives the user the real reason at once.
        if (!Files.isRegularFile(file)) {
            media.getChildren().setAll(missing("File not found: " + file));
        } else if (item.isAudio()) {
            showAudio(item, file);
        } else {
            showImage(file);
        }
    }

    private void showImage(Path file) {
        Image image = new Image(file.toUri().toString(), 0, 0, true, true, true);
        ImageView view = new ImageView(image);
        view.setId("previewImage");
        view.setPreserveRatio(true);
        view.setSmooth(false); // tiny images (28x28) should stay crisp pixels, not blur
        view.fitWidthProperty().bind(widthProperty().subtract(24));
        view.setFitHeight(320);
        image.errorProperty().addListener((obs, old, failed) -> {
            if (failed) {
                media.getChildren().setAll(missing("Cannot decode " + file.getFileName()));
            }
        });
        media.getChildren().setAll(view);
    }

    private void showAudio(Item item, Path file) {
        VBox box = new VBox(8, new StackPane(wave, playhead), play, audioMessage);
        box.setId("audioPreview");
        media.getChildren().setAll(box);
        audioMessage.setText("Decoding…");
        clear(wave.getGraphicsContext2D());
        clear(playhead.getGraphicsContext2D());
        play.setDisable(true);
        viewModel.inBackground(() -> {
            try {
                PcmAudio decoded = WavDecoder.decode(file);
                return new Decoded(decoded, Waveform.of(decoded, (int) WAVE_WIDTH), null);
            } catch (MediaException | java.io.IOException e) {
                return new Decoded(null, null, e.getMessage());
            }
        }).thenAccept(decoded -> javafx.application.Platform.runLater(() -> {
            if (viewModel.selectedProperty().get() == null
                    || viewModel.selectedProperty().get().item().id() != item.id()) {
                return; // the user moved on
            }
            if (decoded.error() != null) {
                audioMessage.setText("Cannot decode: " + decoded.error());
                return;
            }
            audio = decoded.audio();
            drawWave(decoded.waveform());
            audioMessage.setText("Space plays or stops");
            play.setDisable(false);
        }));
    }

    private record Decoded(PcmAudio audio, Waveform waveform, String error) {
    }

    /** Space bar and the Play button: start from the beginning, or stop. */
    void togglePlay() {
        if (audio == null) {
            return;
        }
        if (playback != null && playback.isPlaying()) {
            stopPlayback();
            return;
        }
        stopPlayback();
        playback = new AudioPlayback(audio);
        try {
            playback.play(0);
            play.setText("Stop");
            play.setGraphic(new FontIcon("fth-square"));
            playheadTimer.start();
        } catch (MediaException e) {
            playback = null;
            audioMessage.setText("No audio output device (" + e.getMessage().replaceFirst("^no audio output device: ?",
                    "") + ")");
        }
    }

    private void stopPlayback() {
        playheadTimer.stop();
        if (playback != null) {
            playback.close();
            playback = null;
        }
        play.setText("Play");
        play.setGraphic(new FontIcon("fth-play"));
        clear(playhead.getGraphicsContext2D());
    }

    private void drawWave(Waveform waveform) {
        GraphicsContext g = wave.getGraphicsContext2D();
        clear(g);
        g.setStroke(Color.web("#4e79a7"));
        double middle = WAVE_HEIGHT / 2;
        for (int x = 0; x < waveform.buckets(); x++) {
            g.strokeLine(x + 0.5, middle - waveform.max()[x] * middle, x + 0.5, middle - waveform.min()[x] * middle);
        }
    }

    private void drawPlayhead() {
        GraphicsContext g = playhead.getGraphicsContext2D();
        clear(g);
        if (playback == null || audio == null) {
            return;
        }
        double x = playback.positionSeconds() / audio.durationSeconds() * WAVE_WIDTH;
        g.setStroke(Color.web("#e15759"));
        g.setLineWidth(2);
        g.strokeLine(x, 0, x, WAVE_HEIGHT);
        if (!playback.isPlaying()) {
            stopPlayback();
        }
    }

    private static void clear(GraphicsContext g) {
        g.clearRect(0, 0, g.getCanvas().getWidth(), g.getCanvas().getHeight());
    }

    private Label missing(String reason) {
        Label label = new Label(reason, new FontIcon("fth-alert-triangle"));
        label.setId("previewMissing");
        label.setWrapText(true);
        return label;
    }

    private void addFact(String name, String value) {
        int row = facts.getRowCount();
        Label key = new Label(name);
        key.getStyleClass().add("text-muted");
        Label text = new Label(value);
        text.setWrapText(true);
        facts.addRow(row, key, text);
    }

    void dispose() {
        stopPlayback();
    }
}
