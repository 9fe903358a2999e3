package org.labelbench.media;

/** Decoded audio: interleaved samples normalised to [-1, 1]. */
public record PcmAudio(int sampleRate, int channels, float[] samples) {

    public int frames() {
        return samples.length / channels;
    }

    public long durationMs() {
        return Math.round(frames() * 1000.0 / sampleRate);
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** The average of the channels, one value per frame. */
    public float[] mono() {
        if (channels == 1) {
            return samples;
        }
        float[] mono = new float[frames()];
        for (int f = 0; f < mono.length; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += samples[f * channels + c];
            }
            mono[f] = sum / channels;
        }
        return mono;
    }
}
