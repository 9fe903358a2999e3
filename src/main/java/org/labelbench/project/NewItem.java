package org.labelbench.project;

import java.util.Map;

/** An item about to be inserted by an import. */
public record NewItem(String key, String media, String format, String path, String sha256, long bytes,
        Integer width, Integer height, Long durationMs, Integer sampleRate, Integer channels, Integer bitsPerSample,
        long importBatch, Map<String, String> attributes) {
}
