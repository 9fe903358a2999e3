package org.labelbench.ui.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.labelbench.media.AudioPlayback;
import org.labelbench.media.MediaException;
import org.labelbench.media.PcmAudio;
import org.labelbench.media.WavDecoder;
import org.labelbench.media.Waveform;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRow;
import org.labelbench.ui.UiExecutors;

/**
 * The preview of the selected item: its media (image, or waveform and playback for audio) and
 * its facts. Files are checked and audio decoded off the FX thread; an answer for an item that
 * is no longer selected is dropped.
 */
public final class ItemPreviewViewModel {
    /** Message shown in place of playback when Java Sound has no output line. */
    public static final String NO_AUDIO_DEVICE = "No audio output device";
    /** Enough columns for a sharp waveform at any preview width; the canvas folds them to pixels. */
    private static final int WAVEFORM_BUCKETS = 2048;
    /** Larger images are decoded at this bound: the preview never shows more pixels than that. */
    private static final int MAX_DECODED_SIDE = 2048;
    /** Smaller images (MNIST's 28×28) are shown with visible pixels rather than blurred. */
    private static final int PIXELATED_BELOW = 256;
    /** The side small images are enlarged to (by a whole factor) before display. */
    private static final int PIXELATED_SIDE = 1024;

    private final MediaFiles media;
    private final UiExecutors executors;
    private final ReadOnlyObjectWrapper<PreviewContent> content =
            new ReadOnlyObjectWrapper<>(new PreviewContent.Empty());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ObservableList<DetailSection> details = FXCollections.observableArrayList();
    private final ObservableList<DetailSection> detailsView = FXCollections.unmodifiableObservableList(details);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper playhead = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper playbackProblem = new ReadOnlyStringWrapper("");

    private ItemRow shown;
    /** Bumped on every new item; background answers carrying an older value are dropped. */
    private long showing;
    private PcmAudio audio;
    private AudioPlayback playback;

    public ItemPreviewViewModel(MediaFiles media, UiExecutors executors) {
        this.media = media;
        this.executors = executors;
    }

    /** Shows {@code row}, or nothing when null. The same item again only refreshes its facts. */
    public void show(ItemRow row) {
        if (row == null) {
            reset(new PreviewContent.Empty());
            return;
        }
        boolean sameItem = shown != null && shown.item().id() == row.item().id();
        shown = row;
        title.set(row.item().key());
        details.setAll(ItemDetails.of(row, media));
        if (sameItem && !(content.get() instanceof PreviewContent.Loading)) {
            return; // a page re-read delivered the same item: keep its media (and any playback) as they are
        }
        stopAndForgetAudio();
        long token = ++showing;
        content.set(new PreviewContent.Loading());
        Item item = row.item();
        Path file = media.file(item);
        executors.media().execute(() -> {
            PreviewContent loaded;
            PcmAudio decoded = null;
            if (!Files.isRegularFile(file)) {
                loaded = new PreviewContent.Unavailable(media.notFound(item));
            } else if (!item.isAudio()) {
                loaded = null; // the Image is made on the FX thread, where it reports its progress
            } else {
                try {
                    decoded = WavDecoder.decode(file);
                    loaded = new PreviewContent.Sound(Waveform.of(decoded, WAVEFORM_BUCKETS), decoded.durationSeconds());
                } catch (MediaException | IOException | RuntimeException e) {
                    loaded = new PreviewContent.Unavailable(media.problem(item, e));
                }
            }
            PreviewContent result = loaded;
            PcmAudio pcm = decoded;
            executors.fx().execute(() -> {
                if (token == showing) {
                    audio = pcm;
                    content.set(result != null ? result : picture(item));
                }
            });
        });
    }

    /** The selected row is known but its page is still being read. */
    public void showLoading() {
        reset(new PreviewContent.Loading());
    }

    private void reset(PreviewContent state) {
        stopAndForgetAudio();
        showing++;
        shown = null;
        title.set("");
        details.clear();
        content.set(state);
    }

    private PreviewContent picture(Item item) {
        Integer width = item.width();
        Integer height = item.height();
        boolean known = width != null && height != null && width > 0 && height > 0;
        boolean small = known && Math.max(width, height) < PIXELATED_BELOW;
        Image image;
        if (small) {
            // Enlarged by a whole factor without smoothing while decoding, so each pixel stays a
            // sharp square on every rendering pipeline (MNIST-sized images are read pixel by pixel).
            int factor = Math.max(1, PIXELATED_SIDE / Math.max(width, height));
            image = new Image(media.url(item), width * factor, height * factor, true, false, true);
        } else if (known && Math.max(width, height) > MAX_DECODED_SIDE) {
            image = new Image(media.url(item), MAX_DECODED_SIDE, MAX_DECODED_SIDE, true, true, true);
        } else {
            image = new Image(media.url(item), true);
        }
        long token = showing;
        image.errorProperty().addListener((observable, was, failed) -> {
            if (failed && token == showing) {
                content.set(new PreviewContent.Unavailable(media.problem(item, image.getException())));
            }
        });
        return new PreviewContent.Picture(image, small);
    }

    /** Play from the playhead, or stop; for the Play button and the space bar. */
    public void togglePlayback() {
        if (playing.get()) {
            stopPlayback();
        } else {
            startPlayback();
        }
    }

    /** Moves the playhead to {@code fraction} of the audio (a click on the waveform). */
    public void seek(double fraction) {
        if (audio == null) {
            return;
        }
        playhead.set(Math.max(0, Math.min(1, fraction)));
        if (playing.get()) {
            stopPlayback();
            startPlayback();
        }
    }

    private void startPlayback() {
        PcmAudio pcm = audio;
        if (pcm == null) {
            return;
        }
        double from = playhead.get() >= 0.999 ? 0 : playhead.get() * pcm.durationSeconds();
        long token = showing;
        AudioPlayback existing = playback;
        playing.set(true);
        playbackProblem.set("");
        executors.media().execute(() -> {
            AudioPlayback player = existing != null ? existing : new AudioPlayback(pcm);
            try {
                player.play(from); // opening the output line can take a moment: never on the FX thread
                executors.fx().execute(() -> {
                    if (token == showing && playing.get()) {
                        playback = player;
                    } else {
                        player.close();
                    }
                });
            } catch (MediaException e) {
                player.close();
                executors.fx().execute(() -> {
                    if (token == showing) {
                        playing.set(false);
                        playbackProblem.set(NO_AUDIO_DEVICE);
                    }
                });
            }
        });
    }

    public void stopPlayback() {
        playing.set(false);
        if (playback != null) {
            playback.stop();
        }
    }

    /** Called every frame while playing: moves the playhead, and notices the end of the audio. */
    public void tick() {
        AudioPlayback player = playback;
        if (!playing.get() || player == null || audio == null) {
            return;
        }
        if (!player.isPlaying()) {
            playing.set(false);
            playhead.set(1);
            return;
        }
        playhead.set(player.positionSeconds() / audio.durationSeconds());
    }

    private void stopAndForgetAudio() {
        stopPlayback();
        if (playback != null) {
            playback.close();
            playback = null;
        }
        audio = null;
        playhead.set(0);
        playbackProblem.set("");
    }

    /** Stops playback for good: the project is closing. */
    public void dispose() {
        reset(new PreviewContent.Empty());
    }

    public boolean hasAudio() {
        return audio != null;
    }

    public ReadOnlyObjectProperty<PreviewContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<DetailSection> details() {
        return detailsView;
    }

    /** The facts as plain pairs, in order (for tests and copying). */
    public List<Detail> allDetails() {
        return details.stream().flatMap(section -> section.details().stream()).toList();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Where playback is, from 0 (start) to 1 (end). */
    public ReadOnlyDoubleProperty playheadProperty() {
        return playhead.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty playbackProblemProperty() {
        return playbackProblem.getReadOnlyProperty();
    }
}
