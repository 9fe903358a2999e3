package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelbench.media.WavBuilder.IEEE_FLOAT;
import static org.labelbench.media.WavBuilder.PCM;
import static org.labelbench.media.WavBuilder.wav;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Audio parameters of WAV files from their headers, and the reasons broken ones are refused. */
class WavProbeTest {
    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}-bit, float {1}, {2} channels")
    @CsvSource({"8, false, 1", "16, false, 1", "24, false, 1", "32, false, 1", "32, true, 1", "64, true, 1",
            "16, false, 2", "24, false, 2", "32, true, 6"})
    void readsEveryEncodingWeDecode(int bits, boolean floating, int channels) throws Exception {
        byte[] file = wav(8000, channels, bits).formatTag(floating ? IEEE_FLOAT : PCM)
                .data(new byte[8000 * channels * bits / 8]).build();

        assertThat(probe.probe(write("one-second.wav", file)))
                .isEqualTo(MediaInfo.audio("wav", 1000, 8000, channels, bits));
    }

    @Test
    void readsExtensibleFiles() throws Exception {
        byte[] pcm = wav(48_000, 2, 24).extensible(PCM).data(new byte[48_000 * 6 / 4]).build();
        byte[] floats = wav(96_000, 4, 32).extensible(IEEE_FLOAT).data(new byte[96_000 * 16 * 2]).build();

        assertThat(probe.probe(write("pcm.wav", pcm))).isEqualTo(MediaInfo.audio("wav", 250, 48_000, 2, 24));
        assertThat(probe.probe(write("float.wav", floats))).isEqualTo(MediaInfo.audio("wav", 2000, 96_000, 4, 32));
    }

    @Test
    void readsFilesWrittenByJavaSound() throws Exception {
        int frames = 22_050 * 3 / 2;
        AudioFormat format = new AudioFormat(22_050, 16, 2, true, false);
        Path file = dir.resolve("java-sound.wav");
        byte[] silence = new byte[frames * 4];
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(silence), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }

        assertThat(probe.probe(file)).isEqualTo(MediaInfo.audio("wav", 1500, 22_050, 2, 16));
    }

    @Test
    void roundsTheDurationToTheNearestMillisecond() throws Exception {
        byte[] down = wav(8000, 1, 16).data(new byte[12_345 * 2]).build(); // 1543.125 ms
        byte[] up = wav(11_025, 1, 8).data(new byte[1000]).build(); // 90.703 ms

        assertThat(probe.probe("down.wav", ByteSource.of(down)).durationMs()).isEqualTo(1543);
        assertThat(probe.probe("up.wav", ByteSource.of(up)).durationMs()).isEqualTo(91);
    }

    @Test
    void skipsOtherChunksIncludingOddSizedOnes() throws Exception {
        byte[] file = wav(16_000, 1, 16).chunkBeforeFormat("LIST", new byte[7])
                .chunkBeforeFormat("JUNK", new byte[28]).data(new byte[16_000]).build();

        assertThat(probe.probe("chunks.wav", ByteSource.of(file)))
                .isEqualTo(MediaInfo.audio("wav", 500, 16_000, 1, 16));
    }

    @Test
    void readsStreamedFilesWhoseDataSizeWasNeverFilledIn() throws Exception {
        byte[] unknown = wav(8000, 1, 16).data(new byte[4000]).declaredDataBytes(0xffffffffL).build();
        byte[] zero = wav(8000, 1, 16).data(new byte[4000]).declaredDataBytes(0).build();

        assertThat(probe.probe("stream.wav", ByteSource.of(unknown)).durationMs()).isEqualTo(250);
        assertThat(probe.probe("crashed.wav", ByteSource.of(zero)).durationMs()).isEqualTo(250);
    }

    @Test
    void readsRf64() throws Exception {
        byte[] file = wav(44_100, 2, 16).rf64().data(new byte[44_100 * 4]).build();

        assertThat(probe.probe("big.wav", ByteSource.of(file))).isEqualTo(MediaInfo.audio("wav", 1000, 44_100, 2, 16));
    }

    @Test
    void readsOnlyTheHeadersOfALongRecording() throws Exception {
        CountingByteSource content = new CountingByteSource(ByteSource.of(wav(48_000, 2, 16)
                .data(new byte[48_000 * 4 * 20]).build()));

        assertThat(probe.probe("long.wav", content).durationMs()).isEqualTo(20_000);
        assertThat(content.bytesRead()).isLessThan(200);
    }

    @Test
    void dataChunkLongerThanTheFile() throws Exception {
        byte[] file = wav(16_000, 1, 16).data(new byte[12_000]).declaredDataBytes(32_000).build();

        assertRefused(file, "truncated WAV: data chunk declares 32000 bytes, file has 12000");
    }

    @Test
    void fileCutInTheMiddleOfItsSamples() throws Exception {
        byte[] file = wav(8000, 1, 16).data(new byte[16_000]).build();

        assertRefused(Arrays.copyOf(file, 44 + 6000), "truncated WAV: data chunk declares 16000 bytes, file has 6000");
    }

    @Test
    void fileCutBeforeItsDataChunk() throws Exception {
        byte[] file = wav(8000, 1, 16).data(new byte[100]).build();

        assertRefused(Arrays.copyOf(file, 40), "truncated WAV: ends before the data chunk");
        assertRefused(Arrays.copyOf(file, 30), "truncated WAV: format chunk cut off");
        assertRefused(Arrays.copyOf(file, 12), "not a valid WAV: no format chunk");
    }

    @Test
    void fileWithoutDataChunk() throws Exception {
        byte[] file = wav(8000, 1, 16).build();

        assertRefused(Arrays.copyOf(file, file.length - 8), "not a valid WAV: no data chunk");
    }

    @Test
    void dataBeforeFormat() throws Exception {
        assertRefused(wav(8000, 1, 16).dataBeforeFormat().data(new byte[10]).build(),
                "not a valid WAV: data chunk before the format chunk");
    }

    @Test
    void compressedEncodings() throws Exception {
        assertRefused(wav(44_100, 2, 0).formatTag(0x55).blockAlign(1).data(new byte[100]).build(),
                "unsupported WAV encoding: format tag 0x55 (MP3)");
        assertRefused(wav(8000, 1, 4).formatTag(0x11).blockAlign(256).build(),
                "unsupported WAV encoding: format tag 0x11 (IMA ADPCM)");
        assertRefused(wav(8000, 1, 8).formatTag(0x1234).build(), "unsupported WAV encoding: format tag 0x1234");
    }

    @Test
    void unusualSampleSizes() throws Exception {
        assertRefused(wav(8000, 1, 12).blockAlign(2).build(), "unsupported WAV encoding: 12-bit PCM");
        assertRefused(wav(8000, 1, 16).formatTag(IEEE_FLOAT).build(), "unsupported WAV encoding: 16-bit float");
    }

    @Test
    void extensibleWithAnUnknownSubFormat() throws Exception {
        assertRefused(wav(8000, 1, 16).extensibleWithForeignGuid().build(),
                "unsupported WAV encoding: extensible sub-format 02010001-0403-0605-0708-090a0b0c0d0e");
    }

    @Test
    void impossibleParameters() throws Exception {
        assertRefused(wav(8000, 0, 16).build(), "not a valid WAV: 0 channels");
        assertRefused(wav(0, 1, 16).build(), "not a valid WAV: sample rate 0 Hz");
        assertRefused(wav(8000, 1, 16).blockAlign(3).build(),
                "not a valid WAV: block align 3 does not match 1 channels of 16 bits");
    }

    private void assertRefused(byte[] file, String reason) throws IOException {
        Path path = write("broken.wav", file);

        assertThatThrownBy(() -> probe.probe(path)).isInstanceOf(MediaException.class).hasMessage(reason);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
