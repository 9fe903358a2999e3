package org.labelbench.assist;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.labelbench.project.BadInputException;
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
        try {
            // The bytes first, then a reader kept per thread for the format the first bytes name:
            // ImageIO.read would ask every registered reader whether it can decode the stream
            // and build a new one per picture, which for a 28×28 PNG costs more than the decode.
            byte[] bytes = Files.readAllBytes(file);
            image = KNOWN_READERS.decode(bytes);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the picture (" + e.getMessage() + ")");
        }
        if (image == null) {
            throw new BadInputException(file + ": not a picture the model can read (PNG, JPEG, BMP or GIF)");
        }
        return image;
    }

    private static final Readers KNOWN_READERS = new Readers();

    /** One ImageIO reader per format and thread, chosen by the file's magic bytes; ImageIO.read for the rest. */
    private static final class Readers {
        private final ThreadLocal<Map<String, ImageReader>> byFormat = ThreadLocal.withInitial(HashMap::new);

        BufferedImage decode(byte[] bytes) throws IOException {
            String format = format(bytes);
            // In memory: ImageIO's default cache would write each stream to a temporary file of its own.
            if (format == null) {
                return ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
            }
            Map<String, ImageReader> readers = byFormat.get();
            ImageReader reader = readers.get(format);
            if (reader == null) {
                Iterator<ImageReader> found = ImageIO.getImageReadersByFormatName(format);
                if (!found.hasNext()) {
                    return ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
                }
                reader = found.next();
                readers.put(format, reader);
            }
            try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
                reader.setInput(in, true, true);
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                readers.remove(format).dispose(); // a reader that failed mid-file is not trusted again
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            } finally {
                reader.setInput(null);
            }
        }

        private static String format(byte[] b) {
            if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return "png";
            }
            if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
                return "jpeg";
            }
            return null;
        }
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
        byte[] packed = packedBytes(raster, width, channels);
        if (packed != null) {
            return fromPacked(packed, width * height, channels);
        }
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

    /**
     * The raster's own bytes when they are plainly laid out (one byte a sample, rows without
     * padding, no offset: what ImageIO and {@link #redraw} make for grey and BGR pictures), else
     * null. Reading them directly instead of pixel by pixel takes most of the time out of a small picture.
     */
    private static byte[] packedBytes(Raster raster, int width, int channels) {
        if (raster.getDataBuffer() instanceof DataBufferByte data && data.getNumBanks() == 1 && data.getOffset() == 0
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getPixelStride() == channels && model.getScanlineStride() == width * channels
                && raster.getNumBands() == channels && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0 && isPlainOrder(model.getBandOffsets(), channels)) {
            return data.getData();
        }
        return null;
    }

    /** Grey: offset 0. Colour: TYPE_3BYTE_BGR's bands R, G, B sit at offsets 2, 1, 0. */
    private static boolean isPlainOrder(int[] offsets, int channels) {
        return channels == 1 ? offsets[0] == 0 : offsets.length == 3 && offsets[0] == 2 && offsets[1] == 1
                && offsets[2] == 0;
    }

    private static byte[] fromPacked(byte[] packed, int plane, int channels) {
        if (channels == 1) {
            return java.util.Arrays.copyOf(packed, plane);
        }
        byte[] out = new byte[plane * 3];
        for (int at = 0; at < plane; at++) {
            out[at] = packed[at * 3 + 2];
            out[plane + at] = packed[at * 3 + 1];
            out[2 * plane + at] = packed[at * 3];
        }
        return out;
    }
}
