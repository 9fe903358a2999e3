package org.labelbench.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Pictures a small net can tell apart but no single pixel gives away: 16×16 grey noise with
 * horizontal stripes ("rows"), vertical stripes ("columns") or a bright square somewhere
 * ("blob"), each at a random phase or place and contrast.
 */
public final class PatternPictures {
    public static final String[] CLASSES = {"rows", "columns", "blob"};

    private PatternPictures() {
    }

    public static Path write(Path file, int kind, long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        int phase = random.nextInt(4);
        int contrast = 60 + random.nextInt(80);
        int bx = random.nextInt(10);
        int by = random.nextInt(10);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int base = 60 + random.nextInt(60);
                boolean on = switch (kind) {
                    case 0 -> ((y + phase) / 2) % 2 == 0;
                    case 1 -> ((x + phase) / 2) % 2 == 0;
                    default -> x >= bx && x < bx + 6 && y >= by && y < by + 6;
                };
                int value = Math.min(255, base + (on ? contrast : 0));
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
