package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AudioInputTest {

    @Test
    void aWaveformIsTheMonoMixAtTheRateCutOrPadded() {
        float[] stereo = {0.2f, 0.4f, -0.2f, 0f, 1f, 1f};
        PcmAudio audio = new PcmAudio(16000, 2, stereo);
        assertThat(AudioInput.waveform(audio, 16000, 5 / 16000.0)).containsExactly(0.3f, -0.1f, 1f, 0f, 0f);
        assertThat(AudioInput.waveform(audio, 16000, 2 / 16000.0)).containsExactly(0.3f, -0.1f);

        float[] mono = {0.5f, 0.25f};
        PcmAudio one = new PcmAudio(16000, 1, mono);
        float[] same = AudioInput.waveform(one, 16000, 2 / 16000.0);
        assertThat(same).containsExactly(0.5f, 0.25f).isNotSameAs(mono); // never the decoder's own array
        assertThat(AudioInput.fit(mono, 0)).isEmpty();
        assertThat(mono).containsExactly(0.5f, 0.25f);
    }

    @Test
    void resamplesAClipAtAnotherRate() {
        float[] cd = LogMelSpectrogramTest.tone(440, 0.5, 44100 * 2, 44100);
        float[] at16k = AudioInput.waveform(new PcmAudio(44100, 1, cd), 16000, 1.5);
        assertThat(at16k).hasSize(24000).containsExactly(AudioInput.fit(Resampler.resample(cd, 44100, 16000), 24000));
        assertThat(AudioInput.samples(2.5, 22050)).isEqualTo(55125);
        assertThatThrownBy(() -> AudioInput.samples(0, 16000)).hasMessageContaining("positive");
        assertThatThrownBy(() -> AudioInput.samples(Double.NaN, 16000)).hasMessageContaining("positive");
    }
}
