package org.labelbench.ui.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.labelbench.media.MediaException;
import org.labelbench.media.PcmAudio;
import org.labelbench.media.WavDecoder;
import org.labelbench.media.Waveform;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRow;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.audio.AudioTransport;

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

    private final MediaFiles media;
    private final UiExecutors executors;
    private final ReadOnlyObjectWrapper<PreviewContent> content =
            new ReadOnlyObjectWrapper<>(new PreviewContent.Empty());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ObservableList<DetailSection> details = FXCollections.observableArrayList();
    private final ObservableList<DetailSection> detailsView = FXCollections.unmodifiableObservableList(details);
    private final AudioTransport audio;
    private final ReadOnlyStringWrapper playbackProblem = new ReadOnlyStringWrapper("");
    /** Each item shown makes the answers for earlier ones stale. */
    private final BackgroundCall.Latest showing = new BackgroundCall.Latest();

    private ItemRow shown;

    public ItemPreviewViewModel(MediaFiles media, UiExecutors executors) {
        this(media, executors, new AudioTransport(executors.media(), executors.fx()));
    }

    /** Playing through {@code audio}: tests give it a line that needs no sound card. */
    ItemPreviewViewModel(MediaFiles media, UiExecutors executors, AudioTransport audio) {
        this.media = media;
        this.executors = executors;
        this.audio = audio;
        playbackProblem.bind(Bindings.when(audio.problemProperty().isEmpty()).then("").otherwise(NO_AUDIO_DEVICE));
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
        audio.load(null);
        BackgroundCall.Latest.Token token = showing.next();
        content.set(new PreviewContent.Loading());
        Item item = row.item();
        BackgroundCall.of(() -> load(item))
                .onSuccess(loaded -> {
                    audio.load(loaded.audio()); // before the content: a listener may play it at once
                    content.set(loaded.content() != null ? loaded.content() : picture(item, token));
                })
                .onFailure(error -> content.set(new PreviewContent.Unavailable(media.problem(item, error))))
                .unlessStale(token)
                .runOn(executors.media(), executors.fx());
    }

    /** What the media thread found: a reason, or the decoded audio; null content for an image (made on the FX thread). */
    private record Loaded(PreviewContent content, PcmAudio audio) {
    }

    private Loaded load(Item item) {
        Path file = media.file(item);
        if (!Files.isRegularFile(file)) {
            return new Loaded(new PreviewContent.Unavailable(media.notFound(item)), null);
        }
        if (!item.isAudio()) {
            return new Loaded(null, null); // the Image is made on the FX thread, where it reports its progress
        }
        try {
            PcmAudio decoded = WavDecoder.decode(file);
            return new Loaded(new PreviewContent.Sound(Waveform.of(decoded, WAVEFORM_BUCKETS), decoded.durationSeconds()),
                    decoded);
        } catch (MediaException | IOException | RuntimeException e) {
            return new Loaded(new PreviewContent.Unavailable(media.problem(item, e)), null);
        }
    }

    /** The selected row is known but its page is still being read. */
    public void showLoading() {
        reset(new PreviewContent.Loading());
    }

    private void reset(PreviewContent state) {
        audio.load(null);
        showing.dropAll();
        shown = null;
        title.set("");
        details.clear();
        content.set(state);
    }

    private PreviewContent picture(Item item, BackgroundCall.Latest.Token token) {
        Image image = PictureDecoding.decode(media.url(item), item.width(), item.height(), MAX_DECODED_SIDE,
                MAX_DECODED_SIDE, true);
        boolean small = PictureDecoding.isSmall(item.width(), item.height());
        image.errorProperty().addListener((observable, was, failed) -> {
            if (failed && token.isLatest()) {
                content.set(new PreviewContent.Unavailable(media.problem(item, image.getException())));
            }
        });
        return new PreviewContent.Picture(image, small);
    }

    /** Play from the playhead, or stop; for the Play button and the space bar. */
    public void togglePlayback() {
        audio.toggle();
    }

    /** Moves the playhead to {@code fraction} of the audio (a click on the waveform). */
    public void seek(double fraction) {
        audio.seek(fraction);
    }

    public void stopPlayback() {
        audio.stop();
    }

    /** Called every frame while playing: moves the playhead, and notices the end of the audio. */
    public void tick() {
        audio.tick();
    }

    /** Stops playback for good: the project is closing. */
    public void dispose() {
        reset(new PreviewContent.Empty());
    }

    public boolean hasAudio() {
        return audio.hasAudio();
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
        return audio.playingProperty();
    }

    /** Where playback is, from 0 (start) to 1 (end). */
    public ReadOnlyDoubleProperty playheadProperty() {
        return audio.playheadProperty();
    }

    /** {@link #NO_AUDIO_DEVICE} once a play found no output line (until one plays), else empty. */
    public ReadOnlyStringProperty playbackProblemProperty() {
        return playbackProblem.getReadOnlyProperty();
    }
}
