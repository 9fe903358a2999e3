package org.labelbench.media;

import java.util.Arrays;

/**
 * A magnitude spectrogram of the mono mix for drawing: a short-time Fourier transform with a
 * Hann window, in decibels relative to the loudest bin of the whole clip (0 dB), clamped below
 * at {@link #FLOOR_DB}. Column {@code c} is the frame of {@link #frameSize()} samples starting at
 * sample {@code c * hop()}; frames running past the end, and a clip shorter than one frame, are
 * padded with zeros, so every clip has at least one column and the columns cover all of it.
 * Silence gives the floor; NaN and infinite samples count as silence.
 *
 * <p>To bound the image of a long clip, {@link #of} widens the hop until there are at most
 * {@code maxColumns} columns; frames then sample the clip at that hop rather than cover every
 * sample, which is what a picture a screen wide needs.
 */
public final class Spectrogram {
    /** The quietest value, in dB below the loudest bin; anything quieter, silence included, reads this. */
    public static final float FLOOR_DB = -90f;
    /** {@link #FLOOR_DB} as a power ratio. */
    private static final double FLOOR_POWER = Math.pow(10, FLOOR_DB / 10.0);

    private final int sampleRate;
    private final int frameSize;
    private final int hop;
    private final int columns;
    private final int bins;
    /** dB, row-major by column: the bins of column 0, then of column 1, ... */
    private final float[] db;

    private Spectrogram(int sampleRate, int frameSize, int hop, int columns, float[] db) {
        this.sampleRate = sampleRate;
        this.frameSize = frameSize;
        this.hop = hop;
        this.columns = columns;
        this.bins = frameSize / 2 + 1;
        this.db = db;
    }

    /**
     * The spectrogram of {@code audio}'s mono mix with frames of {@code frameSize} samples every
     * {@code hop} samples, or every wider hop that keeps it within {@code maxColumns} columns
     * (with a cap of one column, that column is the first frame).
     *
     * @param frameSize a power of two of at least 2, such as 512; gives {@code frameSize / 2 + 1} bins
     * @throws IllegalArgumentException when frameSize is not such, or hop or maxColumns is not positive
     */
    public static Spectrogram of(PcmAudio audio, int frameSize, int hop, int maxColumns) {
        if (frameSize < 2 || Integer.bitCount(frameSize) != 1) {
            throw new IllegalArgumentException("frame size must be a power of two of at least 2: " + frameSize);
        }
        if (hop <= 0 || maxColumns <= 0) {
            throw new IllegalArgumentException("hop and maxColumns must be positive: " + hop + ", " + maxColumns);
        }
        float[] mono = audio.mono();
        int n = mono.length;
        if (columnsFor(n, frameSize, hop) > maxColumns) {
            hop = maxColumns == 1 ? Math.max(hop, n) : ceilDiv(n - frameSize, maxColumns - 1);
        }
        int columns = Math.min(maxColumns, columnsFor(n, frameSize, hop)); // one column: the first frame
        int bins = frameSize / 2 + 1;

        double[] window = hann(frameSize);
        double[] re = new double[frameSize];
        double[] im = new double[frameSize];
        Fft fft = Fft.ofSize(frameSize);
        float[] power = new float[Math.multiplyExact(columns, bins)];
        double loudest = 0;
        // The frames are real, so one complex transform takes two: column c as the real part and
        // column c + 1 as the imaginary part, pulled apart by conjugate symmetry.
        for (int column = 0; column < columns; column += 2) {
            frame(mono, (long) column * hop, window, re);
            if (column + 1 < columns) {
                frame(mono, (long) (column + 1) * hop, window, im);
            } else {
                Arrays.fill(im, 0);
            }
            fft.forward(re, im);
            int first = column * bins;
            int second = first + bins;
            boolean both = column + 1 < columns;
            for (int bin = 0; bin < bins; bin++) {
                int mirror = (frameSize - bin) & (frameSize - 1);
                double sumRe = re[bin] + re[mirror];
                double diffRe = re[bin] - re[mirror];
                double sumIm = im[bin] + im[mirror];
                double diffIm = im[bin] - im[mirror];
                double p = 0.25 * (sumRe * sumRe + diffIm * diffIm);
                power[first + bin] = (float) p;
                loudest = Math.max(loudest, (float) p);
                if (both) {
                    double q = 0.25 * (sumIm * sumIm + diffRe * diffRe);
                    power[second + bin] = (float) q;
                    loudest = Math.max(loudest, (float) q);
                }
            }
        }
        toDecibels(power, loudest);
        return new Spectrogram(audio.sampleRate(), frameSize, hop, columns, power);
    }

    /** The windowed frame from {@code start}, zero past the end; NaN and infinite samples count as silence. */
    private static void frame(float[] mono, long start, double[] window, double[] out) {
        int available = (int) Math.max(0, Math.min(out.length, mono.length - start));
        for (int i = 0; i < available; i++) {
            float sample = mono[(int) start + i];
            out[i] = Float.isFinite(sample) ? sample * window[i] : 0;
        }
        Arrays.fill(out, available, out.length, 0);
    }

    /** Frames of {@code frameSize} every {@code hop} until one reaches the end; at least one. */
    private static int columnsFor(int samples, int frameSize, int hop) {
        return samples <= frameSize ? 1 : 1 + ceilDiv(samples - frameSize, hop);
    }

    private static int ceilDiv(int a, int b) {
        return (int) ((a + (long) b - 1) / b);
    }

    /** The periodic Hann window, the usual one for spectral analysis. */
    private static double[] hann(int size) {
        double[] window = new double[size];
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
        }
        return window;
    }

    /** Power to dB relative to {@code loudest}, in place; the floor for all when loudest is 0. */
    private static void toDecibels(float[] values, double loudest) {
        double threshold = loudest * FLOOR_POWER;
        for (int i = 0; i < values.length; i++) {
            double p = values[i];
            values[i] = p > threshold && loudest > 0
                    ? Math.max(FLOOR_DB, (float) (10 * Math.log10(p / loudest)))
                    : FLOOR_DB;
        }
    }

    public int columns() {
        return columns;
    }

    /** Frequency bins from 0 Hz to the Nyquist frequency: {@code frameSize / 2 + 1}. */
    public int bins() {
        return bins;
    }

    /** The level of a bin in a column, from {@link #FLOOR_DB} to 0 dB. */
    public float db(int column, int bin) {
        return db[index(column, bin)];
    }

    /** {@link #db} scaled for painting: 0 at the floor, 1 at the loudest bin. */
    public double normalized(int column, int bin) {
        return (db[index(column, bin)] - FLOOR_DB) / -FLOOR_DB;
    }

    private int index(int column, int bin) {
        if (column < 0 || column >= columns || bin < 0 || bin >= bins) {
            throw new IndexOutOfBoundsException("column " + column + ", bin " + bin + " of "
                    + columns + " x " + bins);
        }
        return column * bins + bin;
    }

    /** The time between the starts of consecutive columns: the hop in seconds. */
    public double secondsPerColumn() {
        return hop / (double) sampleRate;
    }

    /** The width of a bin: bin {@code b} is centred on {@code b * hzPerBin()}. */
    public double hzPerBin() {
        return sampleRate / (double) frameSize;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int frameSize() {
        return frameSize;
    }

    /** Samples between the starts of consecutive columns, after widening for maxColumns. */
    public int hop() {
        return hop;
    }

    @Override
    public String toString() {
        return "Spectrogram[" + columns + " columns x " + bins + " bins, hop " + hop + " at " + sampleRate + " Hz]";
    }
}
