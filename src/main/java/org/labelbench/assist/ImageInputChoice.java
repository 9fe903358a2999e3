package org.labelbench.assist;

import java.util.Locale;

/**
 * Decides an image model's input from the data when the user does not: small pictures (up to 64
 * px a side, such as 28×28 scans) at their own size, larger ones (photos) at 96×96; one channel
 * when the sampled pictures are all grey; the mean and standard deviation per channel measured on
 * up to 1,000 training pictures, as the course normalises inputs. The pictures decoded for that
 * come back with the choice, so the training that follows reads them without decoding again.
 */
final class ImageInputChoice {
    static final int LARGE_INPUT = 96;
    private static final int GREY_SAMPLE = 16;
    private static final int STATISTICS_SAMPLE = 1000;

    private ImageInputChoice() {
    }

    /** The input, and the pictures already decoded at its size while measuring it. */
    record Choice(ImageInput input, ResizedPixels pixels) {
        /** The features a training reads through: augmented as {@code augmentation} says. */
        ImageFeatures features(ImageAugmentation augmentation) {
            return new ImageFeatures(input, augmentation, pixels);
        }
    }

    static Choice choose(LabeledItems items, int[] train, TrainingOptions options) {
        int width;
        int height;
        if (options.inputWidth() != null) {
            width = options.inputWidth();
            height = options.inputHeight();
        } else if (items.width() != null && items.height() != null
                && Math.max(items.width(), items.height()) <= 64) {
            width = items.width();
            height = items.height();
        } else {
            width = LARGE_INPUT;
            height = LARGE_INPUT;
        }
        int channels = options.channels() != null ? options.channels() : allGrey(items, train) ? 1 : 3;
        ResizedPixels raw = new ResizedPixels(width, height, channels);
        double[] sum = new double[channels];
        double[] squares = new double[channels];
        int plane = width * height;
        int sampled = Math.min(STATISTICS_SAMPLE, train.length);
        for (int s = 0; s < sampled; s++) {
            int member = train[(int) ((long) s * train.length / sampled)];
            byte[] pixels = raw.of(items.files()[member]);
            for (int c = 0; c < channels; c++) {
                for (int i = c * plane, end = i + plane; i < end; i++) {
                    double v = (pixels[i] & 0xff) / 255.0;
                    sum[c] += v;
                    squares[c] += v * v;
                }
            }
        }
        float[] mean = new float[channels];
        float[] std = new float[channels];
        double count = (double) sampled * plane;
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / count;
            mean[c] = (float) m;
            std[c] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, squares[c] / count - m * m)));
        }
        return new Choice(new ImageInput(width, height, channels, round(mean), round(std)), raw);
    }

    private static boolean allGrey(LabeledItems items, int[] train) {
        int step = Math.max(1, train.length / GREY_SAMPLE);
        for (int s = 0; s < train.length; s += step) {
            if (!ImagePixels.isGrey(items.files()[train[s]])) {
                return false;
            }
        }
        return true;
    }

    /** Four decimals, so the input reads well in the model's row and in `assist models`. */
    private static float[] round(float[] values) {
        float[] rounded = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = Float.parseFloat(String.format(Locale.ROOT, "%.4f", values[i]));
        }
        return rounded;
    }
}
