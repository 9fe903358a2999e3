package org.labelbench.assist;

import java.util.Locale;

/**
 * Decides a trained audio model's input: the labeled clips' median sample rate and median length
 * (rounded up to a tenth of a second, at most 10 s), 64 mel bands, and one mean and standard
 * deviation of the log-mel values over up to 500 training clips.
 */
final class AudioInputChoice {
    static final int MEL_BANDS = 64;
    private static final int STATISTICS_SAMPLE = 500;

    private AudioInputChoice() {
    }

    static AudioInput choose(LabeledItems items, int[] train) {
        int rate = items.sampleRate() == null ? 16_000 : items.sampleRate();
        double seconds = items.durationMs() == null ? 1.0
                : Math.min(10.0, Math.max(0.1, Math.ceil(items.durationMs() / 100.0) / 10.0));
        LogMelFeatures raw = new LogMelFeatures(new AudioInput(rate, seconds, MEL_BANDS), false);
        double sum = 0;
        double squares = 0;
        long count = 0;
        int sampled = Math.min(STATISTICS_SAMPLE, train.length);
        for (int s = 0; s < sampled; s++) {
            for (float v : raw.raw(items.files()[train[(int) ((long) s * train.length / sampled)]])) {
                sum += v;
                squares += (double) v * v;
                count++;
            }
        }
        double mean = sum / count;
        double std = Math.max(1e-3, Math.sqrt(Math.max(0, squares / count - mean * mean)));
        return new AudioInput(rate, seconds, MEL_BANDS, round(mean), round(std));
    }

    private static float round(double value) {
        return Float.parseFloat(String.format(Locale.ROOT, "%.4f", value));
    }
}
