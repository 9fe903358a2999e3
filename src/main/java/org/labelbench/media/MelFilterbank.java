package org.labelbench.media;

import java.util.Arrays;
import java.util.Objects;

/**
 * A bank of triangular mel filters over the {@code nFft / 2 + 1} bins of a real FFT, generated in
 * code exactly as {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm)} builds it.
 *
 * <p>The formulas (see docs/audio-features.md):
 * <ul>
 * <li>Mel scale, {@link Scale#SLANEY} (librosa's default, {@code htk=False}, Slaney's Auditory
 * Toolbox): linear below 1 kHz, {@code m = f / (200/3)}, so 1 kHz is 15 mel; logarithmic above,
 * {@code m = 15 + ln(f / 1000) / (ln(6.4) / 27)}. {@link Scale#HTK}: {@code m = 2595 log10(1 + f / 700)}.
 * <li>Edges: {@code nMels + 2} frequencies {@code f_0 .. f_(nMels+1)} evenly spaced in mel from
 * {@code mel(fmin)} to {@code mel(fmax)}, mapped back to Hz. Filter {@code i} rises from 0 at
 * {@code f_i} to 1 at {@code f_(i+1)} and falls to 0 at {@code f_(i+2)}, evaluated at the bin
 * frequencies {@code k * sampleRate / nFft}: {@code w = max(0, min((f - f_i) / (f_(i+1) - f_i),
 * (f_(i+2) - f) / (f_(i+2) - f_(i+1))))}.
 * <li>{@link Norm#SLANEY} (librosa's default {@code norm='slaney'}): each filter is multiplied by
 * {@code 2 / (f_(i+2) - f_i)} (Hz), so every triangle has the same area and the bank gives roughly
 * constant energy per mel band. {@link Norm#NONE}: peaks of 1.
 * </ul>
 *
 * <p>Weights are held per filter from its first to its last nonzero bin, so {@link #apply} costs
 * about two multiply-adds per bin whatever the number of filters. Immutable and thread-safe.
 */
public final class MelFilterbank {
    /** Which mel scale places the filter edges. */
    public enum Scale { SLANEY, HTK }

    /** How the triangles are scaled. */
    public enum Norm { SLANEY, NONE }

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final int sampleRate;
    private final int nFft;
    private final int mels;
    private final int bins;
    private final double fmin;
    private final double fmax;
    private final Scale scale;
    private final Norm norm;
    /** The nMels + 2 edge frequencies in Hz. */
    private final double[] edgesHz;
    /** Per filter: its first nonzero bin, and its weights from there (empty when it covers no bin). */
    private final int[] first;
    private final double[][] weights;

    private MelFilterbank(int sampleRate, int nFft, int mels, double fmin, double fmax, Scale scale, Norm norm) {
        this.sampleRate = sampleRate;
        this.nFft = nFft;
        this.mels = mels;
        this.bins = nFft / 2 + 1;
        this.fmin = fmin;
        this.fmax = fmax;
        this.scale = scale;
        this.norm = norm;

        double low = hzToMel(fmin, scale);
        double high = hzToMel(fmax, scale);
        edgesHz = new double[mels + 2];
        for (int i = 0; i < edgesHz.length; i++) {
            // numpy's linspace: start + i * step, the last one exactly the stop
            double mel = i == edgesHz.length - 1 ? high : low + i * ((high - low) / (mels + 1));
            edgesHz[i] = melToHz(mel, scale);
        }
        first = new int[mels];
        weights = new double[mels][];
        double[] row = new double[bins];
        for (int m = 0; m < mels; m++) {
            double lower = edgesHz[m + 1] - edgesHz[m];
            double upper = edgesHz[m + 2] - edgesHz[m + 1];
            double enorm = norm == Norm.SLANEY ? 2.0 / (edgesHz[m + 2] - edgesHz[m]) : 1.0;
            int start = -1;
            int end = -1;
            for (int k = 0; k < bins; k++) {
                double hz = binHz(k);
                double w = Math.max(0, Math.min((hz - edgesHz[m]) / lower, (edgesHz[m + 2] - hz) / upper));
                row[k] = w * enorm;
                if (row[k] != 0) {
                    if (start < 0) {
                        start = k;
                    }
                    end = k;
                }
            }
            first[m] = Math.max(start, 0);
            weights[m] = start < 0 ? new double[0] : Arrays.copyOfRange(row, start, end + 1);
        }
    }

    /**
     * The bank of {@code mels} filters from {@code fmin} to {@code fmax} Hz for frames of {@code nFft}
     * samples at {@code sampleRate}.
     *
     * @throws IllegalArgumentException unless sampleRate, nFft and mels are positive and
     *     {@code 0 <= fmin < fmax <= sampleRate / 2}
     */
    public static MelFilterbank of(int sampleRate, int nFft, int mels, double fmin, double fmax, Scale scale, Norm norm) {
        if (sampleRate <= 0 || nFft <= 0 || mels <= 0) {
            throw new IllegalArgumentException("sample rate, FFT size and mel count must be positive: "
                    + sampleRate + ", " + nFft + ", " + mels);
        }
        if (!(fmin >= 0 && fmin < fmax && fmax <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("need 0 <= fmin < fmax <= " + sampleRate / 2.0 + " Hz: "
                    + fmin + ", " + fmax);
        }
        return new MelFilterbank(sampleRate, nFft, mels, fmin, fmax,
                Objects.requireNonNull(scale, "scale"), Objects.requireNonNull(norm, "norm"));
    }

    /** librosa's defaults: Slaney scale and Slaney area normalisation. */
    public static MelFilterbank slaney(int sampleRate, int nFft, int mels, double fmin, double fmax) {
        return of(sampleRate, nFft, mels, fmin, fmax, Scale.SLANEY, Norm.SLANEY);
    }

    /** Hz to mel on {@code scale}. */
    public static double hzToMel(double hz, Scale scale) {
        if (scale == Scale.HTK) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    /** Mel on {@code scale} to Hz, the inverse of {@link #hzToMel}. */
    public static double melToHz(double mel, Scale scale) {
        if (scale == Scale.HTK) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    /** The centre frequency of FFT bin {@code k}: {@code k * sampleRate / nFft}. */
    public double binHz(int k) {
        return k * (double) sampleRate / nFft;
    }

    /**
     * Mel energies of one power spectrum: {@code out[outOffset + m * outStride] = sum_k w[m][k] *
     * power[powerOffset + k]} for each filter {@code m}, in double, stored as float.
     */
    public void apply(double[] power, int powerOffset, float[] out, int outOffset, int outStride) {
        for (int m = 0; m < mels; m++) {
            double[] w = weights[m];
            int base = powerOffset + first[m];
            double sum = 0;
            for (int j = 0; j < w.length; j++) {
                sum += w[j] * power[base + j];
            }
            out[outOffset + m * outStride] = (float) sum;
        }
    }

    /** The weight of filter {@code mel} at bin {@code bin}; 0 outside its triangle. */
    public double weight(int mel, int bin) {
        if (mel < 0 || mel >= mels || bin < 0 || bin >= bins) {
            throw new IndexOutOfBoundsException("mel " + mel + ", bin " + bin + " of " + mels + " x " + bins);
        }
        int j = bin - first[mel];
        return j >= 0 && j < weights[mel].length ? weights[mel][j] : 0;
    }

    /** A dense copy, {@code [mels][bins]}, as librosa.filters.mel returns it. */
    public double[][] matrix() {
        double[][] dense = new double[mels][bins];
        for (int m = 0; m < mels; m++) {
            System.arraycopy(weights[m], 0, dense[m], first[m], weights[m].length);
        }
        return dense;
    }

    /** Filters that cover no bin at all (too many mels for the FFT size); librosa warns of these. */
    public int emptyFilters() {
        int empty = 0;
        for (double[] w : weights) {
            empty += w.length == 0 ? 1 : 0;
        }
        return empty;
    }

    /** The frequency where filter {@code mel} peaks: its middle edge, in Hz. */
    public double centerHz(int mel) {
        return edgesHz[mel + 1];
    }

    /** The {@code mels + 2} edge frequencies in Hz, a copy. */
    public double[] edgesHz() {
        return edgesHz.clone();
    }

    public int mels() {
        return mels;
    }

    /** The spectrum bins the filters read: {@code nFft / 2 + 1}. */
    public int bins() {
        return bins;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int nFft() {
        return nFft;
    }

    public double fmin() {
        return fmin;
    }

    public double fmax() {
        return fmax;
    }

    public Scale scale() {
        return scale;
    }

    public Norm norm() {
        return norm;
    }

    @Override
    public String toString() {
        return "MelFilterbank[" + mels + " mels, " + fmin + "-" + fmax + " Hz, " + scale + " scale, "
                + norm + " norm, n_fft " + nFft + " at " + sampleRate + " Hz]";
    }
}
