package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WaveformTest {

    @Test
    void takesTheMinAndMaxOfEachSlice() {
        PcmAudio audio = mono(0f, 0.5f, -0.5f, 1f, -1f, 0.25f, 0.75f, -0.75f);

        Waveform waveform = Waveform.of(audio, 4);

        assertThat(waveform.buckets()).isEqualTo(4);
        assertThat(waveform.min()).containsExactly(0f, -0.5f, -1f, -0.75f);
        assertThat(waveform.max()).containsExactly(0.5f, 1f, 0.25f, 0.75f);
    }

    @Test
    void splitsFramesThatDoNotDivideEvenly() {
        PcmAudio audio = mono(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        Waveform waveform = Waveform.of(audio, 3); // slices of 3, 3 and 4 frames

        assertThat(waveform.min()).containsExactly(1f, 4f, 7f);
        assertThat(waveform.max()).containsExactly(3f, 6f, 10f);
    }

    @Test
    void drawsTheMonoMixOfStereo() {
        PcmAudio stereo = new PcmAudio(8000, 2, new float[] {1f, 0f, -0.5f, -0.5f, 0.2f, 0.6f, 0f, 0f});

        Waveform waveform = Waveform.of(stereo, 2);

        assertThat(waveform.min()).containsExactly(-0.5f, 0f);
        assertThat(waveform.max()).containsExactly(0.5f, 0.4f);
    }

    @Test
    void repeatsFramesWhenThereAreMoreBucketsThanFrames() {
        Waveform waveform = Waveform.of(mono(-1f, 1f), 5);

        assertThat(waveform.min()).containsExactly(-1f, -1f, -1f, 1f, 1f);
        assertThat(waveform.max()).containsExactly(-1f, -1f, -1f, 1f, 1f);
    }

    @Test
    void drawsSilenceOfNoLengthAsAFlatLine() {
        Waveform waveform = Waveform.of(mono(), 3);

        assertThat(waveform.min()).containsExactly(0f, 0f, 0f);
        assertThat(waveform.max()).containsExactly(0f, 0f, 0f);
    }

    @Test
    void needsAtLeastOneBucket() {
        assertThatThrownBy(() -> Waveform.of(mono(1f), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Waveform.of(mono(1f), -3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PcmAudio mono(float... samples) {
        return new PcmAudio(8000, 1, samples);
    }
}
