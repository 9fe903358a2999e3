package org.labelbench.assist;

import java.util.SplittableRandom;

/**
 * The course's image augmentations, applied to a training picture in [0,1] (CHW) before
 * normalisation: a horizontal flip (only where the classes allow it: a mirrored shoe is still a
 * shoe, a mirrored "b" is a "d"), a random crop (shift by up to a tenth of each side, the
 * uncovered border filled with the edge pixels, as pad-and-crop does), and brightness and
 * contrast jitter of ±20 %.
 */
public record ImageAugmentation(boolean flip, boolean crop, boolean colour) {
    public static final ImageAugmentation NONE = new ImageAugmentation(false, false, false);
    public static final ImageAugmentation STANDARD = new ImageAugmentation(true, true, true);

    public boolean any() {
        return flip || crop || colour;
    }

    public String describe() {
        if (!any()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        if (flip) {
            text.append("horizontal flip");
        }
        if (crop) {
            text.append(text.isEmpty() ? "" : ", ").append("crop");
        }
        if (colour) {
            text.append(text.isEmpty() ? "" : ", ").append("brightness and contrast");
        }
        return text.toString();
    }

    /** Applies the augmentations in place; {@code scratch} is a buffer of the same length. */
    public void apply(float[] pixels, float[] scratch, int width, int height, int channels, SplittableRandom random) {
        int plane = width * height;
        if (flip && random.nextBoolean()) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    int row = c * plane + y * width;
                    for (int x = 0, mirror = width - 1; x < mirror; x++, mirror--) {
                        float swap = pixels[row + x];
                        pixels[row + x] = pixels[row + mirror];
                        pixels[row + mirror] = swap;
                    }
                }
            }
        }
        if (crop) {
            int maxDx = width / 10;
            int maxDy = height / 10;
            int dx = maxDx == 0 ? 0 : random.nextInt(-maxDx, maxDx + 1);
            int dy = maxDy == 0 ? 0 : random.nextInt(-maxDy, maxDy + 1);
            if (dx != 0 || dy != 0) {
                System.arraycopy(pixels, 0, scratch, 0, pixels.length);
                for (int c = 0; c < channels; c++) {
                    for (int y = 0; y < height; y++) {
                        int sy = Math.min(height - 1, Math.max(0, y + dy));
                        for (int x = 0; x < width; x++) {
                            int sx = Math.min(width - 1, Math.max(0, x + dx));
                            pixels[c * plane + y * width + x] = scratch[c * plane + sy * width + sx];
                        }
                    }
                }
            }
        }
        if (colour) {
            float brightness = (float) random.nextDouble(-0.2, 0.2);
            float contrast = (float) random.nextDouble(0.8, 1.2);
            double sum = 0;
            for (float v : pixels) {
                sum += v;
            }
            float mean = (float) (sum / pixels.length);
            for (int i = 0; i < pixels.length; i++) {
                float v = (pixels[i] - mean) * contrast + mean + brightness;
                pixels[i] = v < 0 ? 0 : v > 1 ? 1 : v;
            }
        }
    }
}
