package org.labelbench.assist;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** The waveform itself as the input, for a loaded audio model that computes its own features: [1, samples]. */
final class WaveformFeatures implements AudioModelInput {
    private final AudioInput input;

    WaveformFeatures(AudioInput input) {
        this.input = input;
    }

    @Override
    public AudioInput input() {
        return input;
    }

    @Override
    public long[] shape() {
        return new long[] {1, input.samples()};
    }

    @Override
    public float[] read(Path file, SplittableRandom random) {
        return ClipSamples.read(file, input);
    }
}
