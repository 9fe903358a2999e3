package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.labelbench.media.WavBuilder.IEEE_FLOAT;
import static org.labelbench.media.WavBuilder.PCM;
import static org.labelbench.media.WavBuilder.sine;
import static org.labelbench.media.WavBuilder.wav;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

/** Samples decoded from every WAV encoding the probe accepts, to within the encoding's step. */
class WavDecoderTest {
    private static final int RATE = 8000;

    @TempDir
    Path dir;

    @Test
    void decodesA16BitSineWrittenByJavaSound() throws Exception {
        int frames = RATE / 2;
        ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        double[] expected = sine(frames, 1, RATE, 440, 0.8);
        for (double sample : expected) {
            pcm.putShort((short) WavBuilder.quantise(sample, 16));
        }
        Path file = dir.resolve("sine.wav");
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }

        PcmAudio audio = WavDecoder.decode(file);

        assertThat(audio.sampleRate()).isEqualTo(RATE);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.frames()).isEqualTo(frames);
        assertThat(audio.durationMs()).isEqualTo(500);
        assertSamples(audio, expected, 1 / 32768.0);
    }

    @ParameterizedTest(name = "{0}-bit, float {1}")
    @CsvSource({"8, false, 0.0079", "16, false, 0.0000306", "24, false, 0.00000012", "32, false, 0.00000006",
            "32, true, 0.00000006", "64, true, 0.00000006"})
    void decodesEachEncodingToWithinItsStep(int bits, boolean floating, double tolerance) throws Exception {
        double[] expected = sine(1000, 1, RATE, 330, 0.9);
        Path file = Files.write(dir.resolve("sine.wav"),
                wav(RATE, 1, bits).formatTag(floating ? IEEE_FLOAT : PCM).samples(expected).build());

        PcmAudio audio = WavDecoder.decode(file);

        assertThat(audio.frames()).isEqualTo(1000);
        assertSamples(audio, expected, tolerance);
    }

    @Test
    void decodesExtensibleFiles() throws Exception {
        double[] expected = sine(500, 2, RATE, 200, 0.5);

        PcmAudio pcm = decode(wav(RATE, 2, 24).extensible(PCM).samples(expected).build());
        PcmAudio floats = decode(wav(RATE, 2, 32).extensible(IEEE_FLOAT).samples(expected).build());

        assertSamples(pcm, expected, 1 / 8388608.0);
        assertSamples(floats, expected, 1e-7);
    }

    @Test
    void keepsChannelsInterleavedInTheirOrder() throws Exception {
        PcmAudio audio = decode(wav(RATE, 2, 16).samples(0.5, -0.25, 0.5, -0.25, 0.5, -0.25).build());

        assertThat(audio.channels()).isEqualTo(2);
        assertThat(audio.frames()).isEqualTo(3);
        assertThat(audio.samples()).containsExactly(0.5f, -0.25f, 0.5f, -0.25f, 0.5f, -0.25f);
    }

    @Test
    void mapsTheExtremesOfEachIntegerEncoding() throws Exception {
        byte[] u8 = {0, (byte) 128, (byte) 255};
        byte[] s16 = WavBuilder.le(2, -32768, 2, 0, 2, 32767);
        byte[] s24 = WavBuilder.le(3, -8388608, 3, -1, 3, 8388607);
        byte[] s32 = WavBuilder.le(4, Integer.MIN_VALUE, 4, 0, 4, Integer.MAX_VALUE);

        assertThat(decode(wav(RATE, 1, 8).data(u8).build()).samples()).containsExactly(-1f, 0f, 127 / 128f);
        assertThat(decode(wav(RATE, 1, 16).data(s16).build()).samples()).containsExactly(-1f, 0f, 32767 / 32768f);
        assertThat(decode(wav(RATE, 1, 24).data(s24).build()).samples())
                .containsExactly(-1f, -1 / 8388608f, 8388607 / 8388608f);
        assertThat(decode(wav(RATE, 1, 32).data(s32).build()).samples()).containsExactly(-1f, 0f, 1f);
    }

    @Test
    void decodesLongFilesAcrossReadBoundaries() throws Exception {
        double[] expected = sine(70_001, 3, 44_100, 1000, 0.7); // 3-byte samples, 9-byte frames
        Path file = Files.write(dir.resolve("long.wav"), wav(44_100, 3, 24).samples(expected).build());

        assertSamples(WavDecoder.decode(file), expected, 1 / 8388608.0);
    }

    @Test
    void decodesTheSameFromMemoryAsFromTheFile() throws Exception {
        byte[] content = wav(RATE, 1, 16).samples(sine(300, 1, RATE, 100, 0.3)).build();
        Path file = Files.write(dir.resolve("same.wav"), content);

        assertThat(WavDecoder.decode(ByteSource.of(content)).samples())
                .containsExactly(WavDecoder.decode(file).samples());
    }

    @Test
    void decodesAnEmptyDataChunkToSilenceOfNoLength() throws Exception {
        PcmAudio audio = decode(wav(RATE, 2, 16).build());

        assertThat(audio.frames()).isZero();
        assertThat(audio.durationMs()).isZero();
    }

    @Test
    void refusesATruncatedFile() throws Exception {
        byte[] content = wav(RATE, 1, 16).samples(sine(1000, 1, RATE, 100, 0.3)).build();
        Path file = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(content, 1044));

        assertThatThrownBy(() -> WavDecoder.decode(file)).isInstanceOf(MediaException.class)
                .hasMessage("truncated WAV: data chunk declares 2000 bytes, file has 1000");
    }

    @Test
    void refusesWhatIsNotAWav() throws Exception {
        Path file = Files.write(dir.resolve("image.wav"), TestImages.encode("png", 2, 2));

        assertThatThrownBy(() -> WavDecoder.decode(file)).isInstanceOf(MediaException.class)
                .hasMessage("not a WAV file");
    }

    @Test
    void refusesWhatTheProbeRefuses() {
        byte[] mp3 = wav(44_100, 2, 0).formatTag(0x55).blockAlign(1).data(new byte[10]).build();

        assertThatThrownBy(() -> decode(mp3)).hasMessage("unsupported WAV encoding: format tag 0x55 (MP3)");
    }

    private static PcmAudio decode(byte[] content) throws Exception {
        return WavDecoder.decode(ByteSource.of(content));
    }

    private static void assertSamples(PcmAudio audio, double[] expected, double tolerance) {
        assertThat(audio.samples()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) audio.samples()[i]).as("sample %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }
}
