package org.labelbench.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import javax.imageio.ImageIO;

/**
 * The 64-bit difference hash of a picture: the decoded picture in greyscale (ITU-R 601 luma),
 * shrunk by box averages to 9×8 cells, and one bit per pair of horizontal neighbours (1 when the
 * left cell is brighter). Re-encoding, rescaling and small edits leave most bits as they were,
 * so near-duplicates lie a few bits apart in Hamming distance.
 */
final class DHash {
    static final int COLUMNS = 9;
    static final int ROWS = 8;

    private DHash() {
    }

    /** The hash of the picture in {@code file}, or empty when ImageIO cannot decode it. */
    static OptionalLong of(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return image == null ? OptionalLong.empty() : OptionalLong.of(of(image));
    }

    static long of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        double[] cells = new double[COLUMNS * ROWS];
        for (int row = 0; row < ROWS; row++) {
            int y0 = row * height / ROWS;
            int y1 = Math.max(y0 + 1, (row + 1) * height / ROWS);
            for (int column = 0; column < COLUMNS; column++) {
                int x0 = column * width / COLUMNS;
                int x1 = Math.max(x0 + 1, (column + 1) * width / COLUMNS);
                double sum = 0;
                for (int y = y0; y < Math.min(y1, height); y++) {
                    for (int x = x0; x < Math.min(x1, width); x++) {
                        int p = rgb[y * width + x];
                        sum += 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
                    }
                }
                cells[row * COLUMNS + column] = sum / ((double) (y1 - y0) * (x1 - x0));
            }
        }
        long hash = 0;
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS - 1; column++) {
                hash <<= 1;
                if (cells[row * COLUMNS + column] > cells[row * COLUMNS + column + 1]) {
                    hash |= 1;
                }
            }
        }
        return hash;
    }
}
