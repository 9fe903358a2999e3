package org.labelbench.ui.guidelines;

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
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.preview.ItemPreviewViewModel;
import org.labelbench.ui.preview.MediaFiles;

/**
 * Plays one audio example at a time from its card: the file is decoded and the output line
 * opened on the media thread; a second Play stops the first.
 */
public final class ExamplePlayback {
    private final MediaFiles media;
    private final UiExecutors executors;
    private final ReadOnlyObjectWrapper<Long> playing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private AudioPlayback current;
    /** Bumped on every play and stop: a decode that finishes late for an older request is dropped. */
    private long token;

    ExamplePlayback(MediaFiles media, UiExecutors executors) {
        this.media = media;
        this.executors = executors;
    }

    /** Plays the card's audio, or stops it when it is the one playing. */
    public void toggle(ExampleCard card) {
        if (card.id() == (playing.get() == null ? -1 : playing.get())) {
            stop();
            return;
        }
        stop();
        if (card.item() == null) {
            problem.set("Item " + card.key() + " is not in the project any more");
            return;
        }
        long request = ++token;
        playing.set(card.id());
        problem.set("");
        Path file = media.file(card.item());
        executors.media().execute(() -> {
            String failure = null;
            AudioPlayback player = null;
            if (!Files.isRegularFile(file)) {
                failure = media.notFound(card.item());
            } else {
                try {
                    player = new AudioPlayback(WavDecoder.decode(file));
                    player.play(0);
                } catch (MediaException e) {
                    failure = e.getMessage() != null && e.getMessage().startsWith("no audio output device")
                            ? ItemPreviewViewModel.NO_AUDIO_DEVICE : media.problem(card.item(), e);
                } catch (IOException | RuntimeException e) {
                    failure = media.problem(card.item(), e);
                }
            }
            AudioPlayback started = failure == null ? player : null;
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

    /** The id of the example playing now, or null. */
    public ReadOnlyObjectProperty<Long> playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
