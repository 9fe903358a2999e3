package org.labelbench.project;

/**
 * One media item. {@code path} is relative to the project's folder (forward slashes) unless the
 * media lives where no relative path reaches (another drive), then it is absolute.
 */
public record Item(long id, String key, String media, String format, String path, String sha256, long bytes,
        Integer width, Integer height, Long durationMs, Integer sampleRate, Integer channels, Integer bitsPerSample,
        long importBatch) {

    public boolean isAudio() {
        return "audio".equals(media);
    }
}
