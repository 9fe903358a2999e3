package org.labelbench.media;

/**
 * What a file's headers say about it. {@code format} is lower-case: png, jpeg, gif, bmp, webp or
 * wav. Image fields (width, height) or audio fields (duration, sample rate, channels, bits per
 * sample) are null for the other kind.
 */
public record MediaInfo(MediaKind kind, String format, Integer width, Integer height, Long durationMs,
        Integer sampleRate, Integer channels, Integer bitsPerSample) {

    public static MediaInfo image(String format, int width, int height) {
        return new MediaInfo(MediaKind.IMAGE, format, width, height, null, null, null, null);
    }

    public static MediaInfo audio(String format, long durationMs, int sampleRate, int channels, int bitsPerSample) {
        return new MediaInfo(MediaKind.AUDIO, format, null, null, durationMs, sampleRate, channels, bitsPerSample);
    }
}
