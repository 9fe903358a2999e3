package org.labelbench.ui.preview;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.labelbench.media.Waveform;

/**
 * A waveform's envelope with a playhead line. The envelope's buckets are folded to one min/max
 * per pixel column, so any width stays sharp.
 */
public final class WaveformCanvas extends TimelineCanvas {
    private static final Color WAVE = Color.web("#4e79a7");
    private static final Color PLAYHEAD = Color.web("#e15759");
    private static final Color AXIS = Color.web("#8c959f", 0.6);

    private final ObjectProperty<Waveform> waveform = new SimpleObjectProperty<>();

    public WaveformCanvas() {
        super("waveform", 160, PLAYHEAD);
        waveform.addListener(this::redraw);
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        Waveform wave = waveform.get();
        if (wave == null) {
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
    }

    public ObjectProperty<Waveform> waveformProperty() {
        return waveform;
    }
}
