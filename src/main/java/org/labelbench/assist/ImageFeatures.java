package org.labelbench.assist;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A picture as a model input: decoded and resized once (kept, up to a memory budget, as bytes at
 * the input size, so later epochs skip the decode), then augmented when training and normalised.
 */
public final class ImageFeatures implements ItemFeatures {
    /** Resized pixels kept between epochs: 256 MB holds 340,000 28×28 greyscale pictures. */
    static final long CACHE_BYTES = 256L << 20;

    private final ImageInput input;
    private final ImageAugmentation augmentation;
    private final ConcurrentHashMap<Path, byte[]> resized = new ConcurrentHashMap<>();
    private final AtomicLong cachedBytes = new AtomicLong();

    public ImageFeatures(ImageInput input, ImageAugmentation augmentation) {
        this.input = input;
        this.augmentation = augmentation;
    }

    public ImageInput input() {
        return input;
    }

    @Override
    public long[] shape() {
        return new long[] {input.channels(), input.height(), input.width()};
    }

    @Override
    public float[] read(Path file, SplittableRandom random) {
        byte[] pixels = pixels(file);
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xff) / 255f;
        }
        if (random != null && augmentation.any()) {
            augmentation.apply(values, new float[values.length], input.width(), input.height(), input.channels(),
                    random);
        }
        normalise(values);
        return values;
    }

    /** The picture at the input size, 0–255, CHW: what the mean and standard deviation are measured on. */
    byte[] pixels(Path file) {
        byte[] cached = resized.get(file);
        if (cached != null) {
            return cached;
        }
        byte[] pixels = ImagePixels.read(file, input.width(), input.height(), input.channels());
        if (cachedBytes.addAndGet(pixels.length) <= CACHE_BYTES) {
            resized.put(file, pixels);
        }
        return pixels;
    }

    private void normalise(float[] values) {
        int plane = input.width() * input.height();
        for (int c = 0; c < input.channels(); c++) {
            float mean = input.mean()[c];
            float scale = 1f / input.std()[c];
            for (int i = c * plane, end = i + plane; i < end; i++) {
                values[i] = (values[i] - mean) * scale;
            }
        }
    }
}
