package org.labelbench.assist;

import java.nio.file.Path;
import java.util.Random;
import java.util.SplittableRandom;
import org.labelbench.media.AudioAugmentation;
import org.labelbench.media.AudioClips;
import org.labelbench.media.LogMelSpectrogram;

/**
 * An audio item as a trained model's input: the clip at the model's rate and length, time-shifted,
 * mixed with noise and gained when training (media.AudioAugmentation's defaults), then its
 * log-mel spectrogram (media.LogMelSpectrogram's defaults: 25 ms windows every 10 ms), scaled by
 * the training clips' mean and standard deviation: [1, mels, frames].
 */
final class LogMelFeatures implements AudioModelInput {
    private final AudioInput input;
    private final LogMelSpectrogram front;
    private final AudioAugmentation augmentation;
    private final int samples;

    LogMelFeatures(AudioInput input, boolean augment) {
        this.input = input;
        this.front = new LogMelSpectrogram(LogMelSpectrogram.Params.defaults(input.sampleRate())
                .withMels(input.melBands()));
        this.augmentation = augment ? AudioAugmentation.defaults(input.sampleRate()) : null;
        this.samples = input.samples();
    }

    @Override
    public AudioInput input() {
        return input;
    }

    @Override
    public long[] shape() {
        return new long[] {1, front.mels(), front.frames(samples)};
    }

    @Override
    public float[] read(Path file, SplittableRandom random) {
        float[] wave = waveform(file);
        if (random != null && augmentation != null) {
            wave = augmentation.apply(wave, new Random(random.nextLong()));
        }
        float[] features = front.computeFlat(wave, samples);
        float scale = 1f / input.std();
        for (int i = 0; i < features.length; i++) {
            features[i] = (features[i] - input.mean()) * scale;
        }
        return features;
    }

    /** The log-mel values before scaling: what the mean and standard deviation are measured on. */
    float[] raw(Path file) {
        return front.computeFlat(waveform(file), samples);
    }

    private float[] waveform(Path file) {
        return AudioClips.waveform(WaveformFeatures.decode(file), input.sampleRate(), input.clipSeconds());
    }
}
