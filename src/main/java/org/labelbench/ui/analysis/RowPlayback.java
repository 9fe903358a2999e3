package org.labelbench.ui.analysis;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.labelbench.project.Item;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.preview.MediaFiles;
import org.labelbench.ui.preview.SingleAudioPlayer;

/**
 * Plays the audio of one spreadsheet row at a time, keyed by item id; playing another row (the
 * arrow keys move and play) stops the first. Rows of images play nothing.
 */
public final class RowPlayback {
    private final SingleAudioPlayer player;

    RowPlayback(MediaFiles media, UiExecutors executors) {
        this.player = new SingleAudioPlayer(media, executors);
    }

    /** Plays the item's audio from the start (again, if it is the one playing). */
    public void play(Item item) {
        player.stop();
        if (item != null && item.isAudio()) {
            player.play(item.id(), item);
        }
    }

    /** Plays the item, or stops it when it is the one playing (the row's play button). */
    public void toggle(Item item) {
        if (item != null && player.isPlaying(item.id())) {
            player.stop();
        } else {
            play(item);
        }
    }

    /** Called now and then while playing (every frame): notices the end of the audio. */
    public void tick() {
        player.tick();
    }

    public void stop() {
        player.stop();
    }

    /** The id of the item playing now, or null. */
    public ReadOnlyObjectProperty<Long> playingProperty() {
        return player.playingProperty();
    }

    /** Why the last row could not be played ("No audio output device", "File not found: …"), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return player.problemProperty();
    }
}
