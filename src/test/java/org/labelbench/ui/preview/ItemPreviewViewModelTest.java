package org.labelbench.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.media.AudioPlayback;
import org.labelbench.media.FakeOutput;
import org.labelbench.media.PcmAudio;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRow;
import org.labelbench.testing.HeldExecutor;
import org.labelbench.testing.TestMedia;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.audio.AudioTransport;
import org.labelbench.ui.audio.MadePlaybacks;

/** The preview's audio: decoded off the FX thread, played through the transport, stopped by the next item. */
class ItemPreviewViewModelTest {
    @TempDir
    Path dir;

    private final HeldExecutor media = new HeldExecutor();
    private MadePlaybacks made;
    private ItemPreviewViewModel preview;

    private ItemPreviewViewModel preview(Function<PcmAudio, AudioPlayback> output) {
        made = new MadePlaybacks(output);
        preview = new ItemPreviewViewModel(new MediaFiles(dir), new UiExecutors(Runnable::run, media, Runnable::run),
                new AudioTransport(media, Runnable::run, made));
        return preview;
    }

    @AfterEach
    void close() {
        if (preview != null) {
            preview.dispose();
        }
    }

    @Test
    void playsFromTheButtonStopsAndTheNextItemStopsIt() throws Exception {
        preview(FakeOutput::line);
        TestMedia.wav(dir.resolve("a.wav"), 8000, 2, 440);
        TestMedia.wav(dir.resolve("b.wav"), 8000, 2, 330);

        preview.show(row(1, "a.wav"));
        assertThat(preview.contentProperty().get()).isInstanceOf(PreviewContent.Sound.class);
        assertThat(preview.hasAudio()).isTrue();
        assertThat(preview.playingProperty().get()).as("the preview waits for Play").isFalse();
        preview.seek(0.5);
        assertThat(preview.playheadProperty().get()).isEqualTo(0.5);

        preview.togglePlayback();
        assertThat(preview.playingProperty().get()).isTrue();
        assertThat(made.get(0).positionSeconds()).isGreaterThanOrEqualTo(1.0);
        preview.show(row(1, "a.wav")); // the same item read again: it goes on playing
        assertThat(made.get(0).isPlaying()).isTrue();

        preview.show(row(2, "b.wav"));
        assertThat(made.get(0).isPlaying()).isFalse();
        assertThat(preview.playingProperty().get()).isFalse();
        assertThat(preview.playheadProperty().get()).isZero();
        assertThat(preview.playbackProblemProperty().get()).isEmpty();
    }

    @Test
    void saysThereIsNoOutputDevice() throws Exception {
        preview(FakeOutput::none);
        TestMedia.wav(dir.resolve("a.wav"), 8000, 1, 440);
        preview.show(row(1, "a.wav"));

        preview.togglePlayback();

        assertThat(preview.playingProperty().get()).isFalse();
        assertThat(preview.playbackProblemProperty().get()).isEqualTo(ItemPreviewViewModel.NO_AUDIO_DEVICE);
    }

    @Test
    void audioDecodedForAnItemNoLongerSelectedIsDropped() throws Exception {
        preview(FakeOutput::line);
        TestMedia.wav(dir.resolve("a.wav"), 8000, 1, 440);
        media.hold();
        preview.show(row(1, "a.wav"));
        preview.show(row(2, "gone.wav"));
        media.release();

        assertThat(preview.contentProperty().get()).isInstanceOfSatisfying(PreviewContent.Unavailable.class,
                unavailable -> assertThat(unavailable.message()).isEqualTo("File not found: " + dir.resolve("gone.wav")));
        assertThat(preview.hasAudio()).isFalse();
        assertThat(preview.titleProperty().get()).isEqualTo("gone.wav");
    }

    private static ItemRow row(long id, String path) {
        Item item = new Item(id, path, "audio", "wav", path, "f".repeat(64), 100L, null, null, 1000L, 8000, 1, 16, 1L);
        return new ItemRow(item, Map.of(), List.of());
    }
}
