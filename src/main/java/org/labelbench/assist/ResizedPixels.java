package org.labelbench.assist;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pictures decoded and resized to one input size, 0–255 CHW, kept up to a memory budget. They
 * depend on the size and channel count alone, not on the normalisation or the augmentation, so
 * one training shares them: the sample its mean and standard deviation are measured on, the
 * augmented training reads and the plain dev reads decode each picture once between them.
 */
final class ResizedPixels {
    /** Resized pixels kept between epochs: 256 MB holds 340,000 28×28 greyscale pictures. */
    static final long CACHE_BYTES = 256L << 20;

    private final int width;
    private final int height;
    private final int channels;
    private final ConcurrentHashMap<Path, byte[]> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();
    private final AtomicLong decodes = new AtomicLong();

    ResizedPixels(int width, int height, int channels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
    }

    /** Whether these are pictures at {@code input}'s size and channel count. */
    boolean fits(ImageInput input) {
        return input.width() == width && input.height() == height && input.channels() == channels;
    }

    byte[] of(Path file) {
        byte[] cached = kept.get(file);
        if (cached != null) {
            return cached;
        }
        decodes.incrementAndGet();
        byte[] pixels = ImagePixels.read(file, width, height, channels);
        if (keptBytes.addAndGet(pixels.length) <= CACHE_BYTES) {
            kept.put(file, pixels);
        }
        return pixels;
    }

    /** How many pictures were decoded so far: once each while they fit the budget. */
    long decodes() {
        return decodes.get();
    }
}
