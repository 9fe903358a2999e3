package org.labelbench.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.BadInputException;

/**
 * The bytes a model reads, checked against the picture's own pixels read one by one through
 * {@link BufferedImage#getRGB}: grey and colour PNGs, a BMP (read through ImageIO's lookup, not a
 * kept reader), and a corrupt file that is refused without spoiling the next read.
 */
class ImagePixelsTest {
    @TempDir
    Path dir;

    @Test
    void greyAndColourPicturesGiveTheirPixelsChannelMajor() throws Exception {
        for (String format : new String[] {"png", "bmp"}) {
            for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR}) {
                BufferedImage picture = noise(9, 7, type, format.hashCode() + type);
                Path file = dir.resolve(type + "." + format);
                assertThat(ImageIO.write(picture, format, file.toFile())).isTrue();
                int channels = type == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
                assertThat(ImagePixels.read(file, 9, 7, channels)).as(file.getFileName().toString())
                        .isEqualTo(channelMajor(ImageIO.read(file.toFile()), channels));
            }
        }
    }

    @Test
    void aCorruptPictureIsRefusedAndTheNextOneStillReads() throws Exception {
        Path good = dir.resolve("good.png");
        ImageIO.write(noise(5, 5, BufferedImage.TYPE_BYTE_GRAY, 3), "png", good.toFile());
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes, 40));
        assertThatThrownBy(() -> ImagePixels.read(cut, 5, 5, 1)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(cut + ": ");
        assertThat(ImagePixels.read(good, 5, 5, 1)).isEqualTo(channelMajor(ImageIO.read(good.toFile()), 1));
    }

    private static BufferedImage noise(int width, int height, int type, long seed) {
        BufferedImage picture = new BufferedImage(width, height, type);
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grey = random.nextInt(256);
                picture.setRGB(x, y, type == BufferedImage.TYPE_BYTE_GRAY ? grey * 0x010101 : random.nextInt(1 << 24));
            }
        }
        return picture;
    }

    /** R, G, B planes (or the grey plane) by getRGB, pixel by pixel. */
    private static byte[] channelMajor(BufferedImage picture, int channels) {
        int plane = picture.getWidth() * picture.getHeight();
        byte[] out = new byte[plane * channels];
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int at = y * picture.getWidth() + x;
                if (channels == 1) {
                    out[at] = (byte) picture.getRaster().getSample(x, y, 0);
                } else {
                    int rgb = picture.getRGB(x, y);
                    out[at] = (byte) (rgb >> 16);
                    out[plane + at] = (byte) (rgb >> 8);
                    out[2 * plane + at] = (byte) rgb;
                }
            }
        }
        return out;
    }
}
