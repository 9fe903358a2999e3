package org.labelbench.ui.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelbench.media.MediaException;
import org.labelbench.media.PcmAudio;
import org.labelbench.media.WavDecoder;
import org.labelbench.project.Item;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.audio.AudioTransport;

/**
 * Plays one item's audio at a time, for lists with a play button per entry (guideline example
 * cards, error-spreadsheet rows): the file is decoded on the media thread, then played by an
 * {@link AudioTransport}; playing another entry stops the first. Entries are told apart by a key
 * of the caller's (an example's id, an item's id). FX thread only, apart from the decoding.
 */
public final class SingleAudioPlayer {
    private final MediaFiles media;
    private final UiExecutors executors;
    private final AudioTransport transport;
    private final ReadOnlyObjectWrapper<Long> playing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** Each play and stop makes a decode still running for an earlier request stale. */
    private final BackgroundCall.Latest requests = new BackgroundCall.Latest();
    /** True while the entry asked for is being decoded: it counts as playing, and the transport is idle. */
    private boolean decoding;

    public SingleAudioPlayer(MediaFiles media, UiExecutors executors) {
        this(media, executors, new AudioTransport(executors.media(), executors.fx()));
    }

    /** Playing through {@code transport}: tests give it a line that needs no sound card. */
    SingleAudioPlayer(MediaFiles media, UiExecutors executors, AudioTransport transport) {
        this.media = media;
        this.executors = executors;
        this.transport = transport;
        transport.playingProperty().addListener((observable, was, now) -> {
            if (!now && !decoding) { // played out, or no output
                playing.set(null);
                String reason = transport.problemProperty().get();
                if (!reason.isEmpty()) {
                    problem.set(reason.startsWith("no audio output device") ? ItemPreviewViewModel.NO_AUDIO_DEVICE
                            : reason);
                }
            }
        });
    }

    /** Plays {@code item}'s audio from the start as entry {@code key} (again, if it is the one playing). */
    public void play(long key, Item item) {
        stop();
        playing.set(key);
        problem.set("");
        decoding = true;
        BackgroundCall.of(() -> decode(item))
                .onSuccess(audio -> {
                    decoding = false;
                    transport.load(audio);
                    transport.play(0);
                })
                .onFailure(error -> {
                    decoding = false;
                    playing.set(null);
                    problem.set(media.problem(item, error));
                })
                .unlessStale(requests.next())
                .runOn(executors.media(), executors.fx());
    }

    private PcmAudio decode(Item item) {
        Path file = media.file(item);
        try {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString()); // said as "File not found: …"
            }
            return WavDecoder.decode(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MediaException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * A play button's press: plays entry {@code key}, or stops it when it is the one playing;
     * with no {@code item} (it left the project) nothing plays and {@code whenGone} says why.
     */
    public void toggle(long key, Item item, String whenGone) {
        if (isPlaying(key)) {
            stop();
        } else if (item == null) {
            refuse(whenGone);
        } else {
            play(key, item);
        }
    }

    /** Whether entry {@code key} is the one playing. */
    public boolean isPlaying(long key) {
        return playing.get() != null && playing.get() == key;
    }

    /** Stops whatever plays and says why nothing can be played. */
    public void refuse(String reason) {
        stop();
        problem.set(reason);
    }

    /** Called now and then while playing (every frame): notices the end of the audio. */
    public void tick() {
        transport.tick();
    }

    public void stop() {
        requests.dropAll();
        decoding = false;
        playing.set(null);
        transport.load(null);
    }

    /** The key of the entry playing now, or null. */
    public ReadOnlyObjectProperty<Long> playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Why the last entry could not be played ("No audio output device", "File not found: …"), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
