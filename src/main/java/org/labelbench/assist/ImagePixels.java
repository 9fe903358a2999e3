package org.labelbench.assist;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.labelbench.project.BadInputException;

/**
 * Decodes a picture file into the bytes a model reads: converted to 1 or 3 channels, resized to
 * the model's input (bilinear, the aspect ratio not kept, as torchvision's Resize((h, w))),
 * channel-major (CHW), 0–255. ImageIO reads PNG, JPEG, BMP and GIF; a file it cannot read is bad
 * input naming the file.
 */
public final class ImagePixels {
    private ImagePixels() {
    }

    public static byte[] read(Path file, int width, int height, int channels) {
        BufferedImage image = decode(file);
        BufferedImage sized = image.getWidth() == width && image.getHeight() == height
                && image.getType() == targetType(channels) ? image : redraw(image, width, height, channels);
        return channelMajor(sized.getRaster(), width, height, channels);
    }

    static BufferedImage decode(Path file) {
        BufferedImage image;
        // In memory: ImageIO.read(InputStream) would cache the stream in a temporary file of its own
        // per picture (ImageIO's default useCache), a file created and deleted for every 28×28 PNG.
        // ImageIO.read closes the image stream itself (closing it twice throws); the file is closed here.
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(new MemoryCacheImageInputStream(in));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the picture (" + e.getMessage() + ")");
        }
        if (image == null) {
            throw new BadInputException(file + ": not a picture the model can read (PNG, JPEG, BMP or GIF)");
        }
        return image;
    }

    /** True when every sampled pixel has R = G = B: the picture carries no colour. */
    public static boolean isGrey(Path file) {
        BufferedImage image = decode(file);
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            return true;
        }
        int stepX = Math.max(1, image.getWidth() / 32);
        int stepY = Math.max(1, image.getHeight() / 32);
        for (int y = 0; y < image.getHeight(); y += stepY) {
            for (int x = 0; x < image.getWidth(); x += stepX) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r != g || g != b) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int targetType(int channels) {
        return channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
    }

    private static BufferedImage redraw(BufferedImage source, int width, int height, int channels) {
        BufferedImage target = new BufferedImage(width, height, targetType(channels));
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] channelMajor(Raster raster, int width, int height, int channels) {
        byte[] out = new byte[width * height * channels];
        int[] pixel = new int[raster.getNumBands()];
        int plane = width * height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.getPixel(x, y, pixel);
                int at = y * width + x;
                if (channels == 1) {
                    out[at] = (byte) pixel[0];
                } else {
                    // TYPE_3BYTE_BGR's raster bands are R, G, B in that order.
                    for (int c = 0; c < 3; c++) {
                        out[c * plane + at] = (byte) pixel[c];
                    }
                }
            }
        }
        return out;
    }
}
