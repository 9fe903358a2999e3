package org.labelbench.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An iterative radix-2 complex fast Fourier transform of one power-of-two size, in place on
 * separate real and imaginary arrays. The twiddle factors and the bit-reversal order are
 * computed once per size; an instance holds no mutable state, so one may be shared by threads.
 *
 * <p>Hand-written rather than taken from JTransforms: the spectrogram needs only a forward
 * transform of a few hundred points, about sixty lines here, while JTransforms would add three
 * jars to the application: its own and its two dependencies, JLargeArrays and commons-math3.
 */
public final class Fft {
    private static final Map<Integer, Fft> BY_SIZE = new ConcurrentHashMap<>();

    private final int size;
    /** cos(2 pi k / size) and -sin(2 pi k / size) for k below size / 2. */
    private final double[] cos;
    private final double[] sin;
    /** For each index, its bit-reversed index. */
    private final int[] reversed;

    /** @throws IllegalArgumentException unless {@code size} is a power of two (1 included) */
    public Fft(int size) {
        if (size <= 0 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two: " + size);
        }
        this.size = size;
        int half = size / 2;
        cos = new double[half];
        sin = new double[half];
        for (int k = 0; k < half; k++) {
            double angle = 2 * Math.PI * k / size;
            cos[k] = Math.cos(angle);
            sin[k] = -Math.sin(angle);
        }
        reversed = new int[size];
        int bits = Integer.numberOfTrailingZeros(size);
        for (int i = 0; i < size; i++) {
            reversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
    }

    /** A shared transform of {@code size}, made once. */
    public static Fft ofSize(int size) {
        Fft fft = BY_SIZE.get(size);
        return fft != null ? fft : BY_SIZE.computeIfAbsent(size, Fft::new);
    }

    public int size() {
        return size;
    }

    /**
     * Replaces {@code re + i im} by its discrete Fourier transform,
     * {@code X[k] = sum x[n] e^(-2 pi i k n / size)}, unscaled.
     *
     * @throws IllegalArgumentException when an array's length is not {@link #size()}
     */
    public void forward(double[] re, double[] im) {
        if (re.length != size || im.length != size) {
            throw new IllegalArgumentException("arrays of " + re.length + " and " + im.length
                    + " for an FFT of " + size);
        }
        for (int i = 0; i < size; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        if (size < 4) {
            if (size == 2) {
                double t = re[1];
                re[1] = re[0] - t;
                re[0] += t;
                t = im[1];
                im[1] = im[0] - t;
                im[0] += t;
            }
            return;
        }
        // The first two stages as one radix-4 pass: their twiddles are 1 and -i, so no multiplications.
        for (int s = 0; s < size; s += 4) {
            double r0 = re[s] + re[s + 1];
            double i0 = im[s] + im[s + 1];
            double r1 = re[s] - re[s + 1];
            double i1 = im[s] - im[s + 1];
            double r2 = re[s + 2] + re[s + 3];
            double i2 = im[s + 2] + im[s + 3];
            double r3 = re[s + 2] - re[s + 3];
            double i3 = im[s + 2] - im[s + 3];
            re[s] = r0 + r2;
            im[s] = i0 + i2;
            re[s + 2] = r0 - r2;
            im[s + 2] = i0 - i2;
            re[s + 1] = r1 + i3; // (r3 + i i3) times -i is i3 - i r3
            im[s + 1] = i1 - r3;
            re[s + 3] = r1 - i3;
            im[s + 3] = i1 + r3;
        }
        // Then radix 2, one twiddle at a time across all the butterflies that use it.
        for (int length = 8; length <= size; length <<= 1) {
            int half = length >>> 1;
            int step = size / length;
            for (int k = 0, w = 0; k < half; k++, w += step) {
                double wr = cos[w];
                double wi = sin[w];
                for (int a = k; a < size; a += length) {
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
