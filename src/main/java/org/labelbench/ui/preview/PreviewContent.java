package org.labelbench.ui.preview;

import javafx.scene.image.Image;
import org.labelbench.media.Waveform;

/** What the preview's media area shows. */
public sealed interface PreviewContent {

    /** Nothing selected. */
    record Empty() implements PreviewContent {
    }

    /** The item's row or its media is still being read. */
    record Loading() implements PreviewContent {
    }

    /** An image (loading in the background); {@code pixelated}: small, so shown without smoothing. */
    record Picture(Image image, boolean pixelated) implements PreviewContent {
    }

    /** Decoded audio, drawn as a waveform. */
    record Sound(Waveform waveform, double seconds) implements PreviewContent {
    }

    /** A missing or undecodable file, with the reason in one line. */
    record Unavailable(String message) implements PreviewContent {
    }
}
