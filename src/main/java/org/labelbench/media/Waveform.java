package org.labelbench.media;

/** The envelope of a signal for drawing: the min and max of each of {@code buckets} slices. */
public record Waveform(float[] min, float[] max) {

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
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * mono.length / buckets);
            int to = Math.max(from + 1, (int) ((long) (b + 1) * mono.length / buckets));
            float lo = Float.MAX_VALUE;
            float hi = -Float.MAX_VALUE;
            for (int i = from; i < Math.min(to, mono.length); i++) {
                lo = Math.min(lo, mono[i]);
                hi = Math.max(hi, mono[i]);
            }
            min[b] = lo;
            max[b] = hi;
        }
        return new Waveform(min, max);
    }

    public int buckets() {
        return min.length;
    }
}
