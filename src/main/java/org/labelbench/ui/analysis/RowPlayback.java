package org.labelbench.ui.analysis;

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
import org.labelbench.ui.preview.ItemPreviewViewModel;
import org.labelbench.ui.preview.MediaFiles;

/**
 * Plays the audio of one spreadsheet row at a time: the file is decoded and the output line
 * opened on the media thread; playing another row (the arrow keys move and play) stops the first.
 */
public final class RowPlayback {
    private final MediaFiles media;
    private final UiExecutors executors;
    private final ReadOnlyObjectWrapper<Long> playing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private AudioPlayback current;
    /** Bumped on every play and stop: a decode that finishes late for an older request is dropped. */
    private long token;

    RowPlayback(MediaFiles media, UiExecutors executors) {
        this.media = media;
        this.executors = executors;
    }

    /** Plays the item's audio from the start (again, if it is the one playing). */
    public void play(Item item) {
        stop();
        if (item == null || !item.isAudio()) {
            return;
        }
        long request = ++token;
        playing.set(item.id());
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

    /** Plays the item, or stops it when it is the one playing (the row's play button). */
    public void toggle(Item item) {
        if (item != null && playing.get() != null && playing.get() == item.id()) {
            stop();
        } else {
            play(item);
        }
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

    /** The id of the item playing now, or null. */
    public ReadOnlyObjectProperty<Long> playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Why the last row could not be played ("No audio output device", "File not found: …"), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
