package org.labelbench.ui.preview;

import java.util.function.DoubleConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.labelbench.media.Waveform;

/**
 * A waveform's envelope drawn on a canvas that fills the region, with a playhead line. The
 * envelope's buckets are folded to one min/max per pixel column, so any width stays sharp.
 * A click reports where (0..1) through {@link #setOnSeek}.
 */
public final class WaveformCanvas extends Region {
    private static final Color WAVE = Color.web("#4e79a7");
    private static final Color PLAYHEAD = Color.web("#e15759");
    private static final Color AXIS = Color.web("#8c959f", 0.6);

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Waveform> waveform = new SimpleObjectProperty<>();
    private final DoubleProperty playhead = new SimpleDoubleProperty();
    private DoubleConsumer onSeek = fraction -> { };

    public WaveformCanvas() {
        getStyleClass().add("waveform");
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(400, 160);
        waveform.addListener(observable -> draw());
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
        Waveform wave = waveform.get();
        if (wave == null || width < 1 || height < 1) {
            return;
        }
        double middle = height / 2;
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.strokeLine(0, middle, width, middle);
        g.setStroke(WAVE);
        int columns = (int) Math.floor(width);
        int buckets = wave.buckets();
        for (int x = 0; x < columns && buckets > 0; x++) {
            int from = (int) ((long) x * buckets / columns);
            int to = Math.max(from + 1, (int) ((long) (x + 1) * buckets / columns));
            float lo = 0;
            float hi = 0;
            for (int b = from; b < Math.min(to, buckets); b++) {
                lo = Math.min(lo, wave.min()[b]);
                hi = Math.max(hi, wave.max()[b]);
            }
            g.strokeLine(x + 0.5, middle - hi * middle * 0.95, x + 0.5, middle - lo * middle * 0.95);
        }
        double at = Math.max(0, Math.min(1, playhead.get())) * width;
        g.setStroke(PLAYHEAD);
        g.setLineWidth(2);
        g.strokeLine(at, 0, at, height);
    }

    public ObjectProperty<Waveform> waveformProperty() {
        return waveform;
    }

    /** From 0 (start) to 1 (end). */
    public DoubleProperty playheadProperty() {
        return playhead;
    }

    public void setOnSeek(DoubleConsumer onSeek) {
        this.onSeek = onSeek;
    }
}
