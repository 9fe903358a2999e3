package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PcmAudioTest {

    @Test
    void measuresFramesAndDuration() {
        PcmAudio audio = new PcmAudio(8000, 2, new float[2 * 12_345]);

        assertThat(audio.frames()).isEqualTo(12_345);
        assertThat(audio.durationMs()).isEqualTo(1543);
        assertThat(audio.durationSeconds()).isEqualTo(12_345 / 8000.0);
    }

    @Test
    void mixesChannelsToMonoByAveraging() {
        PcmAudio audio = new PcmAudio(8000, 3, new float[] {0.3f, 0.6f, 0.9f, -1f, 0f, 1f});

        assertThat(audio.mono()).containsExactly(new float[] {0.6f, 0f}, within(1e-6f));
    }

    @Test
    void monoOfMonoIsItself() {
        float[] samples = {0.1f, 0.2f};

        assertThat(new PcmAudio(8000, 1, samples).mono()).isSameAs(samples);
    }

    @Test
    void refusesImpossibleShapes() {
        assertThatThrownBy(() -> new PcmAudio(0, 1, new float[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PcmAudio(8000, 0, new float[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PcmAudio(8000, 2, new float[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
