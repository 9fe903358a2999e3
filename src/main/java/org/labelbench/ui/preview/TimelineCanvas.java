package org.labelbench.ui.preview;

import java.util.function.DoubleConsumer;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A canvas that fills its region and shows a clip along time (a waveform, a spectrogram) with a
 * playhead line over it. A click reports where (0..1) through {@link #setOnSeek}. Subclasses
 * paint the clip; this class sizes, redraws and draws the playhead.
 */
public abstract class TimelineCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final DoubleProperty playhead = new SimpleDoubleProperty();
    private final Color playheadColor;
    private DoubleConsumer onSeek = fraction -> { };

    protected TimelineCanvas(String styleClass, double prefHeight, Color playheadColor) {
        this.playheadColor = playheadColor;
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(400, prefHeight);
        playhead.addListener(this::redraw);
        setOnMouseClicked(event -> {
            if (getWidth() > 0) {
                onSeek.accept(event.getX() / getWidth());
            }
        });
    }

    /** Paints the clip on a cleared canvas of at least 1×1 pixels; the playhead is drawn after. */
    protected abstract void paint(GraphicsContext g, double width, double height);

    /** Redraws everything; subclasses call it when what they paint changes. */
    protected final void redraw(Observable changed) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        if (width < 1 || height < 1) {
            return;
        }
        paint(g, width, height);
        double at = Math.max(0, Math.min(1, playhead.get())) * width;
        g.setStroke(playheadColor);
        g.setLineWidth(2);
        g.strokeLine(at, 0, at, height);
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw(null);
        }
    }

    /** From 0 (start) to 1 (end). */
    public DoubleProperty playheadProperty() {
        return playhead;
    }

    public void setOnSeek(DoubleConsumer onSeek) {
        this.onSeek = onSeek;
    }
}
