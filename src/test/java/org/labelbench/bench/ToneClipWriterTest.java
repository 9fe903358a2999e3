package org.labelbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audio benchmark's clips are what its figures say: one second of 16 kHz mono, seeded. */
class ToneClipWriterTest {
    @TempDir
    Path dir;

    @Test
    void aClipIsOneSecondOfSixteenKilohertzMonoAndTheSameSeedWritesTheSameFile() throws Exception {
        Path first = ToneClipWriter.write(dir.resolve("a.wav"), 2, 7);
        Path again = ToneClipWriter.write(dir.resolve("b.wav"), 2, 7);
        AudioFileFormat format = AudioSystem.getAudioFileFormat(first.toFile());
        assertThat(format.getFormat().getSampleRate()).isEqualTo(16_000f);
        assertThat(format.getFormat().getChannels()).isEqualTo(1);
        assertThat(format.getFrameLength()).isEqualTo(16_000);
        assertThat(java.nio.file.Files.readAllBytes(again)).isEqualTo(java.nio.file.Files.readAllBytes(first));
    }
}
