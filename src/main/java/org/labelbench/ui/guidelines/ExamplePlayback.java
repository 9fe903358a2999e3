package org.labelbench.ui.guidelines;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.preview.MediaFiles;
import org.labelbench.ui.preview.SingleAudioPlayer;

/** Plays one audio example at a time from its card, keyed by the example's id; a second Play stops the first. */
public final class ExamplePlayback {
    private final SingleAudioPlayer player;

    ExamplePlayback(MediaFiles media, UiExecutors executors) {
        this.player = new SingleAudioPlayer(media, executors);
    }

    /** Plays the card's audio, or stops it when it is the one playing. */
    public void toggle(ExampleCard card) {
        if (player.isPlaying(card.id())) {
            player.stop();
        } else if (card.item() == null) {
            player.refuse("Item " + card.key() + " is not in the project any more");
        } else {
            player.play(card.id(), card.item());
        }
    }

    /** Called now and then while playing (every frame): notices the end of the audio. */
    public void tick() {
        player.tick();
    }

    public void stop() {
        player.stop();
    }

    /** The id of the example playing now, or null. */
    public ReadOnlyObjectProperty<Long> playingProperty() {
        return player.playingProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return player.problemProperty();
    }
}
