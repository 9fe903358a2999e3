package org.labelbench.ui.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelbench.media.AudioPlayback;
import org.labelbench.media.MediaException;
import org.labelbench.media.WavDecoder;
import org.labelbench.project.Item;
import org.labelbench.ui.UiExecutors;

/**
 * Plays one item's audio at a time, for lists with a play button per entry (guideline example
 * cards, error-spreadsheet rows): the file is decoded and the output line opened on the media
 * thread; playing another entry stops the first. Entries are told apart by a key of the caller's
 * (an example's id, an item's id). FX thread only, apart from the decoding.
 */
public final class SingleAudioPlayer {
    private final MediaFiles media;
    private final UiExecutors executors;
    private final ReadOnlyObjectWrapper<Long> playing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private AudioPlayback current;
    /** Bumped on every play and stop: a decode that finishes late for an older request is dropped. */
    private long token;

    public SingleAudioPlayer(MediaFiles media, UiExecutors executors) {
        this.media = media;
        this.executors = executors;
    }

    /** Plays {@code item}'s audio from the start as entry {@code key} (again, if it is the one playing). */
    public void play(long key, Item item) {
        stop();
        long request = ++token;
        playing.set(key);
        problem.set("");
        Path file = media.file(item);
        executors.media().execute(() -> {
            String failure = null;
            AudioPlayback player = null;
            if (!Files.isRegularFile(file)) {
                failure = media.notFound(item);
            } else {
                try {
                    player = new AudioPlayback(WavDecoder.decode(file));
                    player.play(0);
                } catch (MediaException e) {
                    failure = e.getMessage() != null && e.getMessage().startsWith("no audio output device")
                            ? ItemPreviewViewModel.NO_AUDIO_DEVICE : media.problem(item, e);
                } catch (IOException | RuntimeException e) {
                    failure = media.problem(item, e);
                }
            }
            AudioPlayback started = failure == null ? player : null;
            if (started == null && player != null) {
                player.close();
            }
            String reason = failure;
            executors.fx().execute(() -> {
                if (request != token) {
                    if (started != null) {
                        started.close();
                    }
                    return;
                }
                if (started == null) {
                    playing.set(null);
                    problem.set(reason);
                } else {
                    current = started;
                }
            });
        });
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
        if (current != null && !current.isPlaying()) {
            current.close();
            current = null;
            playing.set(null);
        }
    }

    public void stop() {
        token++;
        playing.set(null);
        if (current != null) {
            current.close();
            current = null;
        }
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
