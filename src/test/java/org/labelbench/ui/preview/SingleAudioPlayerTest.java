package org.labelbench.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.media.AudioPlayback;
import org.labelbench.media.FakeOutput;
import org.labelbench.media.PcmAudio;
import org.labelbench.project.Item;
import org.labelbench.testing.HeldExecutor;
import org.labelbench.testing.TestMedia;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.audio.AudioTransport;
import org.labelbench.ui.audio.MadePlaybacks;

/** One entry at a time, decoded then played through the transport, on a fake line or with no output. */
class SingleAudioPlayerTest {
    @TempDir
    Path dir;

    private final HeldExecutor media = new HeldExecutor();
    private MadePlaybacks made;
    private SingleAudioPlayer player;

    private SingleAudioPlayer player(Function<PcmAudio, AudioPlayback> output) {
        made = new MadePlaybacks(output);
        UiExecutors executors = new UiExecutors(Runnable::run, media, Runnable::run);
        player = new SingleAudioPlayer(new MediaFiles(dir), executors, new AudioTransport(media, Runnable::run, made));
        return player;
    }

    @AfterEach
    void stop() {
        if (player != null) {
            player.stop();
        }
    }

    @Test
    void playsOneEntryAtATimeUntilItEnds() throws Exception {
        player(FakeOutput::line);
        TestMedia.wav(dir.resolve("a.wav"), 8000, 0.2, 440);
        TestMedia.wav(dir.resolve("b.wav"), 8000, 2, 330);

        player.play(2, item(2, "b.wav"));
        assertThat(player.isPlaying(2)).isTrue();
        player.play(1, item(1, "a.wav"));
        assertThat(made.get(0).isPlaying()).as("the first entry stopped").isFalse();
        assertThat(player.playingProperty().get()).isEqualTo(1L);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (player.playingProperty().get() != null && System.nanoTime() < deadline) {
            Thread.sleep(5);
            player.tick();
        }

        assertThat(player.playingProperty().get()).as("played out").isNull();
        assertThat(player.problemProperty().get()).isEmpty();
    }

    @Test
    void saysWhyAnEntryCannotBePlayed() throws Exception {
        player(FakeOutput::none);
        player.play(1, item(1, "gone.wav"));
        assertThat(player.playingProperty().get()).isNull();
        assertThat(player.problemProperty().get()).isEqualTo("File not found: " + dir.resolve("gone.wav"));

        java.nio.file.Files.writeString(dir.resolve("text.wav"), "not a wav");
        player.play(1, item(1, "text.wav"));
        assertThat(player.problemProperty().get()).startsWith("Cannot show text.wav: ");

        TestMedia.wav(dir.resolve("a.wav"), 8000, 0.2, 440);
        player.play(1, item(1, "a.wav"));
        assertThat(player.playingProperty().get()).isNull();
        assertThat(player.problemProperty().get()).isEqualTo(ItemPreviewViewModel.NO_AUDIO_DEVICE);
        player.play(1, item(1, "a.wav")); // said again on the next try, not only the first
        assertThat(player.problemProperty().get()).isEqualTo(ItemPreviewViewModel.NO_AUDIO_DEVICE);

        player.refuse("Item x is not in the project any more");
        assertThat(player.problemProperty().get()).isEqualTo("Item x is not in the project any more");
    }

    @Test
    void aStopWhileDecodingDropsTheEntry() throws Exception {
        player(FakeOutput::line);
        TestMedia.wav(dir.resolve("a.wav"), 8000, 1, 440);
        media.hold();

        player.play(1, item(1, "a.wav"));
        assertThat(player.isPlaying(1)).as("counts as playing while it decodes").isTrue();
        player.stop();
        media.release();

        assertThat(player.playingProperty().get()).isNull();
        assertThat(made.isEmpty()).as("nothing was played").isTrue();
    }

    private static Item item(long id, String path) {
        return new Item(id, path, "audio", "wav", path, "f".repeat(64), 100L, null, null, 1000L, 8000, 1, 16, 1L);
    }
}
