package org.labelbench.assist;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A picture as a model input: decoded and resized once (kept, up to a memory budget, as bytes at
 * the input size, so later epochs skip the decode), then augmented when training and normalised.
 */
public final class ImageFeatures implements ItemFeatures {
    private final ImageInput input;
    private final ImageAugmentation augmentation;
    private final ResizedPixels resized;

    public ImageFeatures(ImageInput input, ImageAugmentation augmentation) {
        this(input, augmentation, new ResizedPixels(input.width(), input.height(), input.channels()));
    }

    /** Reads through {@code resized}, which other features at the same size may share. */
    ImageFeatures(ImageInput input, ImageAugmentation augmentation, ResizedPixels resized) {
        if (!resized.fits(input)) {
            throw new IllegalArgumentException("pixels of another size than " + input.describe());
        }
        this.input = input;
        this.augmentation = augmentation;
        this.resized = resized;
    }

    /** The same input and decoded pictures, read plainly: for dev and prediction reads. */
    ImageFeatures plain() {
        return new ImageFeatures(input, ImageAugmentation.NONE, resized);
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
        return resized.of(file);
    }

    /** Pictures decoded so far by these features and any sharing their pixels. */
    long decodes() {
        return resized.decodes();
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
