package org.labelbench.media;

import java.util.Objects;
import java.util.Random;

/**
 * Augmentation of mono waveforms for training: time shift, noise mixed in at a signal-to-noise
 * ratio, gain. Every method is a pure function: it returns a new array and leaves its input as it
 * was; the random ones draw only from the {@link Random} passed in, so a seeded one repeats.
 * Nothing is clipped to [-1, 1]: the log-mel front end takes any finite value.
 *
 * <p>The SNR is of mean powers, {@code 10 log10(P_signal / P_noise)} dB, over the whole clip. A
 * silent clip (power 0) has no SNR: it is returned unchanged, as is a clip mixed with a silent noise
 * clip. Time shift is circular: what leaves one end comes back at the other, so no sound is lost
 * (a clip padded to a fixed length moves its padding instead).
 *
 * <p>An instance holds a recipe, {@link #apply}: shift up to {@code maxShiftSeconds} either way,
 * noise with probability {@code noiseProbability} at an SNR drawn uniformly from
 * {@code [minSnrDb, maxSnrDb]}, and a gain drawn uniformly from {@code [minGainDb, maxGainDb]}.
 */
public record AudioAugmentation(int sampleRate, double maxShiftSeconds, double noiseProbability,
        double minSnrDb, double maxSnrDb, double minGainDb, double maxGainDb) {

    public AudioAugmentation {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (!(maxShiftSeconds >= 0) || Double.isInfinite(maxShiftSeconds)) {
            throw new IllegalArgumentException("maximum shift must be finite and at least 0: " + maxShiftSeconds);
        }
        if (!(noiseProbability >= 0 && noiseProbability <= 1)) {
            throw new IllegalArgumentException("noise probability must be from 0 to 1: " + noiseProbability);
        }
        checkRange("SNR", minSnrDb, maxSnrDb);
        checkRange("gain", minGainDb, maxGainDb);
    }

    /**
     * The recipe the audio CNN trains with: shift up to 0.1 s, white noise half the time at 10-30 dB
     * SNR, gain of -6 to +6 dB.
     */
    public static AudioAugmentation defaults(int sampleRate) {
        return new AudioAugmentation(sampleRate, 0.1, 0.5, 10, 30, -6, 6);
    }

    /** No change at all: no shift, no noise, 0 dB gain. */
    public static AudioAugmentation none(int sampleRate) {
        return new AudioAugmentation(sampleRate, 0, 0, 0, 0, 0, 0);
    }

    /**
     * The recipe applied to {@code mono}, with white noise: a shift, then maybe noise, then the
     * gain, drawing from {@code random} in that order (always the same number of draws, so one
     * seed gives one sequence of augmented clips whatever the clips).
     */
    public float[] apply(float[] mono, Random random) {
        return apply(mono, null, random);
    }

    /** As {@link #apply(float[], Random)}, but the noise is {@code noise} (another clip) when it is not null. */
    public float[] apply(float[] mono, float[] noise, Random random) {
        Objects.requireNonNull(mono, "mono");
        Objects.requireNonNull(random, "random");
        int maxShift = (int) Math.round(maxShiftSeconds * sampleRate);
        int shift = maxShift == 0 ? 0 : random.nextInt(2 * maxShift + 1) - maxShift;
        boolean noisy = random.nextDouble() < noiseProbability;
        double snr = uniform(random, minSnrDb, maxSnrDb);
        double gain = uniform(random, minGainDb, maxGainDb);
        long noiseSeed = random.nextLong();
        float[] out = shift(mono, shift);
        if (noisy) {
            out = noise == null
                    ? addWhiteNoise(out, snr, new Random(noiseSeed))
                    : mixNoise(out, noise, snr, noise.length == 0 ? 0 : Math.floorMod(noiseSeed, noise.length));
        }
        return gain == 0 ? out : gain(out, gain);
    }

    /**
     * {@code mono} moved later by {@code samples} (earlier when negative), circularly: sample
     * {@code i} of the result is sample {@code i - samples} of the input, modulo its length.
     */
    public static float[] shift(float[] mono, int samples) {
        int n = mono.length;
        float[] out = new float[n];
        if (n == 0) {
            return out;
        }
        int s = Math.floorMod(samples, n);
        System.arraycopy(mono, 0, out, s, n - s);
        System.arraycopy(mono, n - s, out, 0, s);
        return out;
    }

    /** A circular {@link #shift} by a whole number of samples drawn uniformly from {@code [-maxShift, maxShift]}. */
    public static float[] randomShift(float[] mono, int maxShift, Random random) {
        if (maxShift < 0) {
            throw new IllegalArgumentException("maximum shift must be at least 0: " + maxShift);
        }
        return shift(mono, random.nextInt(2 * maxShift + 1) - maxShift);
    }

    /** {@code mono} scaled by {@code db} decibels: by {@code 10^(db / 20)}. */
    public static float[] gain(float[] mono, double db) {
        if (!Double.isFinite(db)) {
            throw new IllegalArgumentException("gain must be finite: " + db);
        }
        double factor = Math.pow(10, db / 20);
        float[] out = new float[mono.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (mono[i] * factor);
        }
        return out;
    }

    /**
     * {@code mono} plus Gaussian white noise at {@code snrDb}: noise of power {@code P_signal / 10^(snrDb / 10)},
     * scaled so that the noise actually drawn has exactly that power.
     */
    public static float[] addWhiteNoise(float[] mono, double snrDb, Random random) {
        checkSnr(snrDb);
        float[] noise = new float[mono.length];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        return mixNoise(mono, noise, snrDb, 0);
    }

    /**
     * {@code mono} plus {@code noise} scaled to {@code snrDb}. The noise is read from sample
     * {@code noiseOffset} on, wrapping round to its start, so a short noise clip loops under a long
     * one. The noise's power is measured over the samples actually mixed in.
     *
     * @throws IllegalArgumentException when the noise is empty while mono is not, or snrDb is not finite
     */
    public static float[] mixNoise(float[] mono, float[] noise, double snrDb, int noiseOffset) {
        checkSnr(snrDb);
        int n = mono.length;
        float[] out = mono.clone();
        if (n == 0) {
            return out;
        }
        if (noise.length == 0) {
            throw new IllegalArgumentException("an empty noise clip for a clip of " + n + " samples");
        }
        int start = Math.floorMod(noiseOffset, noise.length);
        double signalPower = 0;
        double noisePower = 0;
        for (int i = 0, j = start; i < n; i++, j = j + 1 == noise.length ? 0 : j + 1) {
            signalPower += (double) mono[i] * mono[i];
            noisePower += (double) noise[j] * noise[j];
        }
        if (signalPower == 0 || noisePower == 0 || !Double.isFinite(signalPower) || !Double.isFinite(noisePower)) {
            return out;
        }
        double scale = Math.sqrt(signalPower / (noisePower * Math.pow(10, snrDb / 10)));
        for (int i = 0, j = start; i < n; i++, j = j + 1 == noise.length ? 0 : j + 1) {
            out[i] = (float) (mono[i] + scale * noise[j]);
        }
        return out;
    }

    /** A noise clip mixed in at an SNR drawn uniformly from {@code [minSnrDb, maxSnrDb]}, from a random offset. */
    public static float[] randomNoise(float[] mono, float[] noise, double minSnrDb, double maxSnrDb, Random random) {
        checkRange("SNR", minSnrDb, maxSnrDb);
        double snr = uniform(random, minSnrDb, maxSnrDb);
        int offset = noise.length == 0 ? 0 : random.nextInt(noise.length);
        return mixNoise(mono, noise, snr, offset);
    }

    /** White noise at an SNR drawn uniformly from {@code [minSnrDb, maxSnrDb]}. */
    public static float[] randomWhiteNoise(float[] mono, double minSnrDb, double maxSnrDb, Random random) {
        checkRange("SNR", minSnrDb, maxSnrDb);
        return addWhiteNoise(mono, uniform(random, minSnrDb, maxSnrDb), random);
    }

    /** A gain drawn uniformly from {@code [minDb, maxDb]}. */
    public static float[] randomGain(float[] mono, double minDb, double maxDb, Random random) {
        checkRange("gain", minDb, maxDb);
        return gain(mono, uniform(random, minDb, maxDb));
    }

    /** The SNR in dB of {@code noisy} against {@code clean} ({@code noisy - clean} taken as the noise). */
    public static double snrDb(float[] clean, float[] noisy) {
        if (clean.length != noisy.length) {
            throw new IllegalArgumentException("clips of " + clean.length + " and " + noisy.length + " samples");
        }
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < clean.length; i++) {
            double d = (double) noisy[i] - clean[i];
            signal += (double) clean[i] * clean[i];
            noise += d * d;
        }
        return 10 * Math.log10(signal / noise);
    }

    private static double uniform(Random random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    private static void checkSnr(double snrDb) {
        if (!Double.isFinite(snrDb)) {
            throw new IllegalArgumentException("SNR must be finite: " + snrDb + " dB");
        }
    }

    private static void checkRange(String what, double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException(what + " range must be finite with min <= max: " + min + " to " + max + " dB");
        }
    }
}
