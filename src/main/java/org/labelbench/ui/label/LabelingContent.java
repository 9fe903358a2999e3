package org.labelbench.ui.label;

import javafx.scene.image.Image;
import org.labelbench.media.PcmAudio;
import org.labelbench.media.Waveform;

/** What the labeling screen's centre shows. */
public sealed interface LabelingContent {

    /** The item's media is still being read (it was not prefetched). */
    record Loading() implements LabelingContent {
    }

    /** A decoded image; {@code pixelated}: a small image enlarged without smoothing. */
    record Picture(Image image, boolean pixelated) implements LabelingContent {
    }

    /**
     * Decoded audio: its envelope, its spectrogram as an image (low frequencies at the bottom;
     * null when it could not be computed), and the samples for playback.
     */
    record Sound(PcmAudio audio, Waveform waveform, Image spectrogram, double seconds) implements LabelingContent {
    }

    /** A missing or unreadable file, with the reason in one line; the item can still be labeled or skipped. */
    record Unavailable(String message) implements LabelingContent {
    }

    /** The queue has nothing more for this labeler. */
    record Finished(String message) implements LabelingContent {
    }
}
