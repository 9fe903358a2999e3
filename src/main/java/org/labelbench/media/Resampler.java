package org.labelbench.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited resampling of a mono waveform from one sample rate to another, exactly as
 * {@code scipy.signal.resample_poly(x, up, down)} at its defaults (Kaiser window, beta 5.0, zeros
 * beyond the ends), so that a project's clips at 44.1 or 48 kHz meet a front end at 16 kHz.
 *
 * <p>With {@code up / down = toRate / fromRate} in lowest terms, the clip is upsampled by
 * {@code up} (zeros between samples), low-pass filtered and kept every {@code down}-th sample. The
 * filter is {@code firwin(2 L + 1, 1 / max(up, down), window=('kaiser', 5.0))} times {@code up},
 * {@code L = 10 max(up, down)}: a windowed sinc {@code h[i] = c sinc(c (i - L)) w[i]} with cutoff
 * {@code c = 1 / max(up, down)} of the Nyquist frequency, the symmetric Kaiser window
 * {@code w[i] = I0(5 sqrt(1 - (i / L - 1)^2)) / I0(5)}, scaled to sum 1 before the factor
 * {@code up}. Output sample {@code j} is {@code sum_n x[n] h[j down + L - n up]}: centred, no
 * delay, {@code ceil(n up / down)} samples. NaN and infinite samples count as silence.
 *
 * <p>The filter is kept as {@code up} polyphase branches, so each output sample costs about
 * {@code 20 max(up, down) / up} multiply-adds (44.1 to 16 kHz: 55; 48 to 16 kHz: 60). Instances
 * are immutable and shared, one per rate pair.
 */
public final class Resampler {
    private static final double BETA = 5.0;
    private static final Map<Long, Resampler> BY_RATES = new ConcurrentHashMap<>();

    private final int fromRate;
    private final int toRate;
    private final int up;
    private final int down;
    private final int halfLength;
    /** {@code phases[p][i] = h[p + i * up]}. */
    private final double[][] phases;

    private Resampler(int fromRate, int toRate) {
        this.fromRate = fromRate;
        this.toRate = toRate;
        int g = gcd(fromRate, toRate);
        up = toRate / g;
        down = fromRate / g;
        int maxRate = Math.max(up, down);
        halfLength = 10 * maxRate;
        double[] h = new double[2 * halfLength + 1];
        if (up != down) {
            double cutoff = 1.0 / maxRate;
            double i0Beta = besselI0(BETA);
            double sum = 0;
            for (int i = 0; i < h.length; i++) {
                double m = i - halfLength;
                double r = m / halfLength;
                double window = besselI0(BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
                h[i] = cutoff * sinc(cutoff * m) * window;
                sum += h[i];
            }
            for (int i = 0; i < h.length; i++) {
                h[i] = h[i] / sum * up;
            }
        }
        phases = new double[up][];
        for (int p = 0; p < up; p++) {
            int taps = p < h.length ? (h.length - 1 - p) / up + 1 : 0;
            phases[p] = new double[taps];
            for (int i = 0; i < taps; i++) {
                phases[p][i] = h[p + i * up];
            }
        }
    }

    /**
     * The resampler from {@code fromRate} to {@code toRate} Hz, made once per pair.
     *
     * @throws IllegalArgumentException unless both rates are positive and their reduced ratio is
     *     small enough to filter (numerator and denominator at most 100,000)
     */
    public static Resampler of(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " to " + toRate);
        }
        int g = gcd(fromRate, toRate);
        if (Math.max(fromRate / g, toRate / g) > 100_000) {
            throw new IllegalArgumentException("cannot resample " + fromRate + " Hz to " + toRate
                    + " Hz: the ratio " + toRate / g + "/" + fromRate / g + " needs too long a filter");
        }
        long key = ((long) fromRate << 32) | toRate;
        Resampler resampler = BY_RATES.get(key);
        return resampler != null ? resampler : BY_RATES.computeIfAbsent(key, k -> new Resampler(fromRate, toRate));
    }

    /** {@code mono} at {@code fromRate} resampled to {@code toRate}; a copy when the rates are equal. */
    public static float[] resample(float[] mono, int fromRate, int toRate) {
        return of(fromRate, toRate).apply(mono);
    }

    /** Samples out for {@code samples} in: {@code ceil(samples up / down)}. */
    public int outputLength(int samples) {
        long n = (long) samples * up;
        long out = n / down + (n % down == 0 ? 0 : 1);
        if (out > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(samples + " samples at " + fromRate + " Hz are too many at " + toRate + " Hz");
        }
        return (int) out;
    }

    /** The clip resampled; a copy when the rates are equal. */
    public float[] apply(float[] mono) {
        int n = mono.length;
        float[] out = new float[outputLength(n)];
        if (up == down) {
            for (int i = 0; i < n; i++) {
                out[i] = Float.isFinite(mono[i]) ? mono[i] : 0;
            }
            return out;
        }
        float[] clean = mono;
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(mono[i])) {
                clean = mono.clone();
                for (int k = i; k < n; k++) {
                    clean[k] = Float.isFinite(clean[k]) ? clean[k] : 0;
                }
                break;
            }
        }
        for (int j = 0; j < out.length; j++) {
            long centre = (long) j * down + halfLength; // index into the upsampled, delayed clip
            int last = (int) Math.min(n - 1, centre / up); // the newest input sample the filter reaches
            double[] phase = phases[(int) (centre - (centre / up) * up)];
            int skip = (int) (centre / up) - last; // taps for samples past the end
            double sum = 0;
            int end = Math.min(phase.length, skip + last + 1); // taps down to sample 0
            for (int i = skip, k = last; i < end; i++, k--) {
                sum += clean[k] * phase[i];
            }
            out[j] = (float) sum;
        }
        return out;
    }

    public int fromRate() {
        return fromRate;
    }

    public int toRate() {
        return toRate;
    }

    /** The reduced ratio's numerator: {@code toRate / gcd}. */
    public int up() {
        return up;
    }

    /** The reduced ratio's denominator: {@code fromRate / gcd}. */
    public int down() {
        return down;
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double q = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public String toString() {
        return "Resampler[" + fromRate + " Hz to " + toRate + " Hz, " + up + "/" + down + "]";
    }
}
