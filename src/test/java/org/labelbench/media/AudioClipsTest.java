package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioClipsTest {
    @TempDir
    Path dir;

    /**
     * The path the audio CNN takes, from a file: a 1.5 s stereo 16-bit WAV at 44.1 kHz of a 2 kHz
     * tone becomes, augmented or not, a 64 x 101 log-mel input whose loudest band holds 2 kHz.
     */
    @Test
    void aWavFileBecomesAFixedSizeLogMelInput() throws Exception {
        Path file = dir.resolve("tone.wav");
        Files.write(file, WavBuilder.wav(44100, 2, 16).samples(WavBuilder.sine(66150, 2, 44100, 2000, 0.5)).build());
        LogMelSpectrogram front = LogMelSpectrogram.defaults(16000);
        AudioAugmentation augment = AudioAugmentation.defaults(16000);
        float[] batch = new float[2 * 64 * 101];
        Random random = new Random(4);
        for (int item = 0; item < 2; item++) {
            float[] wave = AudioClips.waveform(WavDecoder.decode(file), 16000, 1.0);
            assertThat(wave).hasSize(16000);
            if (item == 1) {
                wave = augment.apply(wave, random);
            }
            front.computeInto(wave, wave.length, batch, item * 64 * 101);
        }
        double[] edges = front.filterbank().edgesHz();
        for (int item = 0; item < 2; item++) {
            int loudest = 0;
            for (int m = 0; m < 64; m++) {
                int at = item * 64 * 101 + m * 101 + 50;
                loudest = batch[at] > batch[item * 64 * 101 + loudest * 101 + 50] ? m : loudest;
            }
            assertThat(2000.0).as("item %d, band %d", item, loudest).isBetween(edges[loudest], edges[loudest + 2]);
        }
    }

    @Test
    void aWaveformIsTheMonoMixAtTheRateCutOrPadded() {
        float[] stereo = {0.2f, 0.4f, -0.2f, 0f, 1f, 1f};
        PcmAudio audio = new PcmAudio(16000, 2, stereo);
        assertThat(AudioClips.waveform(audio, 16000, 5 / 16000.0)).containsExactly(0.3f, -0.1f, 1f, 0f, 0f);
        assertThat(AudioClips.waveform(audio, 16000, 2 / 16000.0)).containsExactly(0.3f, -0.1f);

        float[] mono = {0.5f, 0.25f};
        PcmAudio one = new PcmAudio(16000, 1, mono);
        float[] same = AudioClips.waveform(one, 16000, 2 / 16000.0);
        assertThat(same).containsExactly(0.5f, 0.25f).isNotSameAs(mono); // never the decoder's own array
        assertThat(AudioClips.fit(mono, 0)).isEmpty();
        assertThat(mono).containsExactly(0.5f, 0.25f);
    }

    @Test
    void resamplesAClipAtAnotherRate() {
        float[] cd = LogMelSpectrogramTest.tone(440, 0.5, 44100 * 2, 44100);
        float[] at16k = AudioClips.waveform(new PcmAudio(44100, 1, cd), 16000, 1.5);
        assertThat(at16k).hasSize(24000).containsExactly(AudioClips.fit(Resampler.resample(cd, 44100, 16000), 24000));
        assertThat(AudioClips.samples(2.5, 22050)).isEqualTo(55125);
        assertThatThrownBy(() -> AudioClips.samples(0, 16000)).hasMessageContaining("positive");
        assertThatThrownBy(() -> AudioClips.samples(Double.NaN, 16000)).hasMessageContaining("positive");
    }
}
