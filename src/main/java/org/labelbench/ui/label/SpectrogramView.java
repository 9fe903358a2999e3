package org.labelbench.ui.label;

import java.util.function.DoubleConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A spectrogram image (made off the FX thread) stretched over the region, with the playhead.
 * A click reports where (0..1) through {@link #setOnSeek}, as the waveform does.
 */
public final class SpectrogramView extends Region {
    private static final Color PLAYHEAD = Color.web("#ffffff", 0.9);
    private static final Color EMPTY = Color.web("#000004");

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Image> spectrogram = new SimpleObjectProperty<>();
    private final DoubleProperty playhead = new SimpleDoubleProperty();
    private DoubleConsumer onSeek = fraction -> { };

    public SpectrogramView() {
        getStyleClass().add("spectrogram");
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(400, 180);
        spectrogram.addListener(observable -> draw());
        playhead.addListener(observable -> draw());
        setOnMouseClicked(event -> {
            if (getWidth() > 0) {
                onSeek.accept(event.getX() / getWidth());
            }
        });
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        Image image = spectrogram.get();
        if (width < 1 || height < 1) {
            return;
        }
        g.setFill(EMPTY);
        g.fillRect(0, 0, width, height);
        if (image != null) {
            g.setImageSmoothing(true);
            g.drawImage(image, 0, 0, width, height);
        }
        double at = Math.max(0, Math.min(1, playhead.get())) * width;
        g.setStroke(PLAYHEAD);
        g.setLineWidth(2);
        g.strokeLine(at, 0, at, height);
    }

    public ObjectProperty<Image> spectrogramProperty() {
        return spectrogram;
    }

    public DoubleProperty playheadProperty() {
        return playhead;
    }

    public void setOnSeek(DoubleConsumer onSeek) {
        this.onSeek = onSeek;
    }
}
