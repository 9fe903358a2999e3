package org.labelbench.media;

import java.util.Objects;

/**
 * Decoded audio: interleaved samples (frame by frame, one sample per channel), normalised so
 * that full scale is [-1, 1]. Float WAVs may hold values beyond full scale; they are kept as is.
 * The array is shared, not copied: treat it as read-only.
 */
public record PcmAudio(int sampleRate, int channels, float[] samples) {

    public PcmAudio {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException(channels + " channels at " + sampleRate + " Hz");
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not fill frames of " + channels);
        }
    }

    public int frames() {
        return samples.length / channels;
    }

    public long durationMs() {
        return Math.round(frames() * 1000.0 / sampleRate);
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** The average of the channels, one value per frame (the samples themselves when mono). */
    public float[] mono() {
        if (channels == 1) {
            return samples;
        }
        float[] mono = new float[frames()];
        for (int frame = 0; frame < mono.length; frame++) {
            float sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += samples[frame * channels + channel];
            }
            mono[frame] = sum / channels;
        }
        return mono;
    }

    @Override
    public String toString() {
        return "PcmAudio[" + sampleRate + " Hz, " + channels + " channels, " + frames() + " frames]";
    }
}
