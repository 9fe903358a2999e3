package org.labelbench.ui.label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import org.labelbench.media.MediaException;
import org.labelbench.media.PcmAudio;
import org.labelbench.media.WavDecoder;
import org.labelbench.media.Waveform;
import org.labelbench.project.Item;
import org.labelbench.ui.preview.MediaFiles;
import org.labelbench.ui.preview.PictureDecoding;

/**
 * Turns an item into what the labeling screen shows, on the calling (background) thread: an
 * image decoded at the size it will be shown, or audio decoded with its waveform and
 * spectrogram. A missing or broken file becomes {@link LabelingContent.Unavailable}; nothing
 * is thrown, so one bad item never stops a session.
 */
final class ItemMediaDecoder {
    /** Enough columns for a sharp waveform at any width; the canvas folds them to pixels. */
    static final int WAVEFORM_BUCKETS = 2048;

    private final MediaFiles media;

    ItemMediaDecoder(MediaFiles media) {
        this.media = media;
    }

    /**
     * Decodes {@code item}; images larger than {@code maxWidth}×{@code maxHeight} (the view, in
     * device pixels) are decoded down to it, since the screen shows no more pixels than that.
     */
    LabelingContent decode(Item item, double maxWidth, double maxHeight) {
        Path file = media.file(item);
        if (!Files.isRegularFile(file)) {
            return new LabelingContent.Unavailable(media.notFound(item));
        }
        try {
            return item.isAudio() ? sound(file) : picture(item, maxWidth, maxHeight);
        } catch (MediaException | IOException | RuntimeException | OutOfMemoryError e) {
            return new LabelingContent.Unavailable(media.problem(item, e));
        }
    }

    private LabelingContent picture(Item item, double maxWidth, double maxHeight) {
        Image image = PictureDecoding.decode(media.url(item), item.width(), item.height(), maxWidth, maxHeight, false);
        if (image.isError()) {
            return new LabelingContent.Unavailable(media.problem(item, image.getException()));
        }
        return new LabelingContent.Picture(image, PictureDecoding.isSmall(item.width(), item.height()));
    }

    private static LabelingContent sound(Path file) throws MediaException, IOException {
        PcmAudio audio = WavDecoder.decode(file);
        return new LabelingContent.Sound(audio, Waveform.of(audio, WAVEFORM_BUCKETS), SpectrogramImage.of(audio),
                audio.durationSeconds());
    }
}
