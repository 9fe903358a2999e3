package org.labelbench.media;

import java.util.Arrays;
import java.util.Objects;

/**
 * The log-mel spectrogram of a mono waveform, the input of the audio CNN: {@code [mels][frames]}
 * values {@code ln(mel energy + 1e-6)}. The definition, the same as
 * {@code log(librosa.feature.melspectrogram(y, sr, n_fft, hop_length, win_length, window='hann',
 * center=True, pad_mode='reflect', power=2.0) + 1e-6)} and as {@code torch.stft(..., center=True,
 * pad_mode='reflect', window=torch.hann_window(win_length))} through the same filterbank:
 * <ol>
 * <li>The clip, as {@code L} samples (see {@link #computeFixed}: padded with zeros or cut to a
 * fixed length first), is padded by {@code nFft / 2} samples on each side by reflection without
 * repeating the edge (numpy's {@code 'reflect'}: {@code x[-1] = x[1]}), so frame {@code t} is
 * centred on sample {@code t * hop}; there are {@code 1 + L / hop} frames (integer division).
 * <li>Each frame of {@code nFft} samples is multiplied by a periodic Hann window of {@code winLength}
 * samples, {@code 0.5 - 0.5 cos(2 pi n / winLength)}, centred in the frame and zero outside.
 * <li>Power spectrum {@code |X_k|^2} of the unscaled DFT, bins {@code k = 0 .. nFft / 2}.
 * <li>Mel energies through {@link MelFilterbank} (Slaney scale and area normalisation by default).
 * <li>{@code ln(energy + 1e-6)}: silence reads {@link #FLOOR}, about -13.8.
 * </ol>
 * Samples that are NaN or infinite count as silence. An empty clip gives one frame of the floor.
 *
 * <p>Immutable and thread-safe: a call allocates three arrays of {@code nFft} doubles for its
 * scratch and nothing per frame; two real frames share one complex FFT.
 */
public final class LogMelSpectrogram {
    /** Added to the mel energy before the logarithm. */
    public static final double LOG_OFFSET = 1e-6;
    /** The value of silence: {@code ln(1e-6)}. */
    public static final float FLOOR = (float) Math.log(LOG_OFFSET);

    /**
     * The parameters. {@code nFft} must be a power of two (the FFT is radix 2) of at least 2; the
     * window of {@code winLength <= nFft} samples is centred in it, which is how a 25 ms window at
     * 16 kHz (400 samples) goes into a 512-point transform.
     */
    public record Params(int sampleRate, int nFft, int winLength, int hop, int mels, double fmin, double fmax,
            MelFilterbank.Scale scale, MelFilterbank.Norm norm) {

        public Params {
            Objects.requireNonNull(scale, "scale");
            Objects.requireNonNull(norm, "norm");
            if (sampleRate <= 0) {
                throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
            }
            if (nFft < 2 || Integer.bitCount(nFft) != 1) {
                throw new IllegalArgumentException("n_fft must be a power of two of at least 2: " + nFft);
            }
            if (winLength <= 0 || winLength > nFft) {
                throw new IllegalArgumentException("window length must be from 1 to n_fft " + nFft + ": " + winLength);
            }
            if (hop <= 0 || mels <= 0) {
                throw new IllegalArgumentException("hop and mel count must be positive: " + hop + ", " + mels);
            }
        }

        /**
         * The defaults at {@code sampleRate}: a 25 ms window every 10 ms, in the smallest power-of-two
         * FFT that holds it, 64 Slaney mels from 0 Hz to the Nyquist frequency. At 16 kHz: window 400,
         * hop 160, n_fft 512 (257 bins of 31.25 Hz), 64 mels over 0-8000 Hz.
         */
        public static Params defaults(int sampleRate) {
            if (sampleRate < 40) {
                throw new IllegalArgumentException("sample rate too low for a 25 ms window: " + sampleRate);
            }
            int win = (int) Math.round(0.025 * sampleRate);
            int hop = (int) Math.round(0.010 * sampleRate);
            int nFft = Integer.highestOneBit(win) == win ? win : Integer.highestOneBit(win) << 1;
            return new Params(sampleRate, nFft, win, hop, 64, 0, sampleRate / 2.0,
                    MelFilterbank.Scale.SLANEY, MelFilterbank.Norm.SLANEY);
        }

        public Params withMels(int mels) {
            return new Params(sampleRate, nFft, winLength, hop, mels, fmin, fmax, scale, norm);
        }

        public Params withRange(double fmin, double fmax) {
            return new Params(sampleRate, nFft, winLength, hop, mels, fmin, fmax, scale, norm);
        }

        public Params withFrames(int nFft, int winLength, int hop) {
            return new Params(sampleRate, nFft, winLength, hop, mels, fmin, fmax, scale, norm);
        }

        public Params withScale(MelFilterbank.Scale scale, MelFilterbank.Norm norm) {
            return new Params(sampleRate, nFft, winLength, hop, mels, fmin, fmax, scale, norm);
        }
    }

    private final Params params;
    private final MelFilterbank filterbank;
    private final Fft fft;
    /** The Hann window, {@code winLength} long, that starts at {@link #windowOffset} in the frame. */
    private final double[] window;
    private final int windowOffset;

    public LogMelSpectrogram(Params params) {
        this.params = Objects.requireNonNull(params, "params");
        this.filterbank = MelFilterbank.of(params.sampleRate(), params.nFft(), params.mels(), params.fmin(),
                params.fmax(), params.scale(), params.norm());
        this.fft = Fft.ofSize(params.nFft());
        int win = params.winLength();
        window = new double[win];
        for (int i = 0; i < win; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / win);
        }
        windowOffset = (params.nFft() - win) / 2;
    }

    /** With {@link Params#defaults}. */
    public static LogMelSpectrogram defaults(int sampleRate) {
        return new LogMelSpectrogram(Params.defaults(sampleRate));
    }

    public Params params() {
        return params;
    }

    public MelFilterbank filterbank() {
        return filterbank;
    }

    public int mels() {
        return params.mels();
    }

    /** Frames for a clip of {@code samples} samples: {@code 1 + samples / hop}. */
    public int frames(int samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("negative sample count: " + samples);
        }
        return 1 + samples / params.hop();
    }

    /** Samples in a clip of {@code seconds} at this sample rate, rounded: what {@link #computeFixed} pads or cuts to. */
    public int samplesFor(double seconds) {
        return AudioClips.samples(seconds, params.sampleRate());
    }

    /** Frames of every clip cut or padded to {@code seconds}. */
    public int framesFor(double seconds) {
        return frames(samplesFor(seconds));
    }

    /** The spectrogram of the whole clip, {@code [mels][1 + mono.length / hop]}. */
    public float[][] compute(float[] mono) {
        return unflatten(computeFlat(mono, mono.length), frames(mono.length));
    }

    /**
     * The spectrogram of the clip cut to its first {@code seconds}, or padded with silence at the
     * end to that length, so that every clip gives {@link #framesFor}{@code (seconds)} frames.
     */
    public float[][] computeFixed(float[] mono, double seconds) {
        return compute(mono, samplesFor(seconds));
    }

    /** The spectrogram of {@code mono} taken as {@code samples} samples: cut, or padded with zeros at the end. */
    public float[][] compute(float[] mono, int samples) {
        return unflatten(computeFlat(mono, samples), frames(samples));
    }

    /** The spectrogram of {@link #monoAtRate}{@code (audio)}. */
    public float[][] compute(PcmAudio audio) {
        return compute(monoAtRate(audio));
    }

    /** {@link #computeFixed} of {@link #monoAtRate}{@code (audio)}. */
    public float[][] computeFixed(PcmAudio audio, double seconds) {
        return computeFixed(monoAtRate(audio), seconds);
    }

    /** The mono mix of {@code audio} at this front end's rate: resampled by {@link Resampler} when it is at another. */
    public float[] monoAtRate(PcmAudio audio) {
        return AudioClips.mono(audio, params.sampleRate());
    }

    /**
     * The spectrogram of {@code mono} taken as {@code samples} samples (cut, or padded with zeros),
     * flat and mel-major: value {@code (m, t)} at {@code m * frames + t}, as a {@code [mels, frames]}
     * tensor wants it.
     */
    public float[] computeFlat(float[] mono, int samples) {
        float[] out = new float[Math.multiplyExact(params.mels(), frames(samples))];
        computeInto(mono, samples, out, 0);
        return out;
    }

    /**
     * Writes the spectrogram of {@code mono} taken as {@code samples} samples into {@code out} from
     * {@code offset}, mel-major ({@code out[offset + m * frames + t]}), for filling a batch without
     * copies.
     *
     * @throws IllegalArgumentException when out has fewer than {@code mels * frames(samples)} places from offset
     */
    public void computeInto(float[] mono, int samples, float[] out, int offset) {
        int frames = frames(samples);
        int mels = params.mels();
        if (offset < 0 || (long) offset + (long) mels * frames > out.length) {
            throw new IllegalArgumentException(mels + " x " + frames + " values do not fit in " + out.length
                    + " from " + offset);
        }
        int nFft = params.nFft();
        int bins = nFft / 2 + 1;
        int hop = params.hop();
        double[] re = new double[nFft];
        double[] im = new double[nFft];
        double[] power = new double[2 * bins];
        // Two real frames per complex transform: frame t as the real part, t + 1 as the imaginary
        // part, pulled apart by conjugate symmetry.
        for (int t = 0; t < frames; t += 2) {
            boolean both = t + 1 < frames;
            frame(mono, samples, t * hop - nFft / 2, re);
            if (both) {
                frame(mono, samples, (t + 1) * hop - nFft / 2, im);
            } else {
                Arrays.fill(im, 0);
            }
            fft.forward(re, im);
            for (int k = 0; k < bins; k++) {
                int mirror = (nFft - k) & (nFft - 1);
                double sumRe = re[k] + re[mirror];
                double diffRe = re[k] - re[mirror];
                double sumIm = im[k] + im[mirror];
                double diffIm = im[k] - im[mirror];
                power[k] = 0.25 * (sumRe * sumRe + diffIm * diffIm);
                power[bins + k] = 0.25 * (sumIm * sumIm + diffRe * diffRe);
            }
            filterbank.apply(power, 0, out, offset + t, frames);
            if (both) {
                filterbank.apply(power, bins, out, offset + t + 1, frames);
            }
        }
        int end = offset + mels * frames;
        for (int i = offset; i < end; i++) {
            out[i] = (float) Math.log(out[i] + LOG_OFFSET);
        }
    }

    /**
     * The windowed frame whose first sample is clip sample {@code start} (negative before the clip),
     * zero outside the window; the clip is {@code mono} read as {@code length} samples, reflected
     * at both ends.
     */
    private void frame(float[] mono, int length, int start, double[] out) {
        Arrays.fill(out, 0, windowOffset, 0);
        Arrays.fill(out, windowOffset + window.length, out.length, 0);
        int first = start + windowOffset;
        int last = first + window.length; // exclusive
        if (first >= 0 && last <= Math.min(length, mono.length)) {
            for (int i = 0; i < window.length; i++) {
                float s = mono[first + i];
                out[windowOffset + i] = Float.isFinite(s) ? s * window[i] : 0;
            }
            return;
        }
        for (int i = 0; i < window.length; i++) {
            int p = reflect(first + i, length);
            float s = p >= 0 && p < mono.length ? mono[p] : 0;
            out[windowOffset + i] = Float.isFinite(s) ? s * window[i] : 0;
        }
    }

    /**
     * The sample that position {@code p} of the reflect-padded clip of {@code length} reads, as numpy's
     * {@code np.pad(mode='reflect')}: periodic with period {@code 2 (length - 1)}; -1 for an empty clip.
     */
    static int reflect(int p, int length) {
        if (p >= 0 && p < length) {
            return p;
        }
        if (length <= 1) {
            return length - 1;
        }
        int period = 2 * (length - 1);
        int q = Math.floorMod(p, period);
        return q < length ? q : period - q;
    }

    private float[][] unflatten(float[] flat, int frames) {
        float[][] rows = new float[params.mels()][];
        for (int m = 0; m < rows.length; m++) {
            rows[m] = Arrays.copyOfRange(flat, m * frames, (m + 1) * frames);
        }
        return rows;
    }

    @Override
    public String toString() {
        return "LogMelSpectrogram[" + params + "]";
    }
}
