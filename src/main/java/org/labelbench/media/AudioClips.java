package org.labelbench.media;

import java.util.Arrays;

/**
 * A decoded clip made into what an audio model takes: the mono mix at the model's sample rate
 * ({@link Resampler} when the clip is at another), cut to its first {@code seconds} or padded with
 * silence at the end. A waveform model (a TorchScript one loaded with {@code --sample-rate R
 * --clip-seconds S}) takes {@link #waveform} as it is; the CNN takes its {@link LogMelSpectrogram}.
 */
public final class AudioClips {
    private AudioClips() {
    }

    /** The mono mix of {@code audio} at {@code sampleRate}: the mix itself when the rates agree, else resampled. */
    public static float[] mono(PcmAudio audio, int sampleRate) {
        float[] mono = audio.mono();
        return audio.sampleRate() == sampleRate ? mono : Resampler.resample(mono, audio.sampleRate(), sampleRate);
    }

    /** Samples in {@code seconds} at {@code sampleRate}, rounded. */
    public static int samples(double seconds, int sampleRate) {
        if (!(seconds > 0) || seconds * sampleRate > Integer.MAX_VALUE || sampleRate <= 0) {
            throw new IllegalArgumentException("clip length must be positive and finite: " + seconds + " s at "
                    + sampleRate + " Hz");
        }
        return (int) Math.round(seconds * sampleRate);
    }

    /** {@code mono} cut to its first {@code samples} or padded with zeros at the end to that length; always a new array. */
    public static float[] fit(float[] mono, int samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("negative sample count: " + samples);
        }
        return Arrays.copyOf(mono, samples);
    }

    /** The mono mix at {@code sampleRate}, cut or padded to {@code seconds}: a model's fixed-length waveform. */
    public static float[] waveform(PcmAudio audio, int sampleRate, double seconds) {
        int samples = samples(seconds, sampleRate);
        float[] mono = mono(audio, sampleRate);
        return mono.length == samples && mono != audio.samples() ? mono : fit(mono, samples);
    }
}
