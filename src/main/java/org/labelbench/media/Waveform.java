package org.labelbench.media;

/**
 * The envelope of a signal for drawing: the min and max of the mono mix in each of
 * {@code buckets} equal slices of time. With more buckets than frames, each bucket takes the
 * frame it falls on, so frames repeat; silence (no frames) gives zeros.
 */
public record Waveform(float[] min, float[] max) {

    public Waveform {
        if (min.length != max.length) {
            throw new IllegalArgumentException(min.length + " minima but " + max.length + " maxima");
        }
    }

    public static Waveform of(PcmAudio audio, int buckets) {
        if (buckets <= 0) {
            throw new IllegalArgumentException("buckets must be positive: " + buckets);
        }
        float[] mono = audio.mono();
        float[] min = new float[buckets];
        float[] max = new float[buckets];
        if (mono.length == 0) {
            return new Waveform(min, max);
        }
        for (int bucket = 0; bucket < buckets; bucket++) {
            int from = (int) ((long) bucket * mono.length / buckets);
            int to = Math.max(from + 1, (int) ((long) (bucket + 1) * mono.length / buckets));
            float low = mono[from];
            float high = mono[from];
            for (int i = from + 1; i < to; i++) {
                low = Math.min(low, mono[i]);
                high = Math.max(high, mono[i]);
            }
            min[bucket] = low;
            max[bucket] = high;
        }
        return new Waveform(min, max);
    }

    public int buckets() {
        return min.length;
    }

    @Override
    public String toString() {
        return "Waveform[" + buckets() + " buckets]";
    }
}
