package org.labelbench.ui.label;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.labelbench.ui.preview.TimelineCanvas;

/** A spectrogram image (made off the FX thread) stretched over the region, with the playhead. */
public final class SpectrogramView extends TimelineCanvas {
    private static final Color PLAYHEAD = Color.web("#ffffff", 0.9);
    private static final Color EMPTY = Color.web("#000004");

    private final ObjectProperty<Image> spectrogram = new SimpleObjectProperty<>();

    public SpectrogramView() {
        super("spectrogram", 180, PLAYHEAD);
        spectrogram.addListener(this::redraw);
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        g.setFill(EMPTY);
        g.fillRect(0, 0, width, height);
        Image image = spectrogram.get();
        if (image != null) {
            g.setImageSmoothing(true);
            g.drawImage(image, 0, 0, width, height);
        }
    }

    public ObjectProperty<Image> spectrogramProperty() {
        return spectrogram;
    }
}
