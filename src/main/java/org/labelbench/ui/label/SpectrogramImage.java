package org.labelbench.ui.label;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.labelbench.media.PcmAudio;
import org.labelbench.media.Spectrogram;

/**
 * A spectrogram drawn into an image off the FX thread: time left to right, low frequencies at
 * the bottom, loudness as a dark-to-bright colour ramp (black, purple, orange, pale yellow).
 */
final class SpectrogramImage {
    /** 32 ms frames at 16 kHz: enough frequency detail for speech. */
    static final int FRAME_SIZE = 512;
    static final int HOP = 128;
    /** Columns at most: a screen's width; the view stretches the image. */
    static final int MAX_COLUMNS = 1200;
    private static final int[] RAMP = ramp();

    private SpectrogramImage() {
    }

    /** The image of {@code audio}'s spectrogram; null when the audio is empty. */
    static Image of(PcmAudio audio) {
        if (audio.frames() == 0) {
            return null;
        }
        return of(Spectrogram.of(audio, FRAME_SIZE, HOP, MAX_COLUMNS));
    }

    static Image of(Spectrogram spectrogram) {
        int width = spectrogram.columns();
        int height = spectrogram.bins();
        int[] pixels = new int[width * height];
        for (int column = 0; column < width; column++) {
            for (int bin = 0; bin < height; bin++) {
                double level = spectrogram.normalized(column, bin);
                int index = (int) Math.round(Math.max(0, Math.min(1, level)) * (RAMP.length - 1));
                pixels[(height - 1 - bin) * width + column] = RAMP[index];
            }
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return image;
    }

    /** 256 ARGB colours between a few stops of a perceptually even dark-to-bright map (magma-like). */
    private static int[] ramp() {
        double[][] stops = {
            {0.00, 0, 0, 4}, {0.25, 59, 15, 112}, {0.50, 140, 41, 129}, {0.75, 222, 73, 104}, {0.90, 254, 159, 109},
            {1.00, 252, 253, 191}};
        int[] ramp = new int[256];
        for (int i = 0; i < ramp.length; i++) {
            double t = i / 255.0;
            int stop = 0;
            while (stop < stops.length - 2 && t > stops[stop + 1][0]) {
                stop++;
            }
            double[] a = stops[stop];
            double[] b = stops[stop + 1];
            double f = (t - a[0]) / (b[0] - a[0]);
            int r = (int) Math.round(a[1] + (b[1] - a[1]) * f);
            int g = (int) Math.round(a[2] + (b[2] - a[2]) * f);
            int bl = (int) Math.round(a[3] + (b[3] - a[3]) * f);
            ramp[i] = 0xff000000 | r << 16 | g << 8 | bl;
        }
        return ramp;
    }
}
