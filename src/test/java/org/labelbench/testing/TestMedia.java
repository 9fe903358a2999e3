package org.labelbench.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Real media files for tests, written with the JDK's own encoders. */
public final class TestMedia {
    private TestMedia() {
    }

    /** A PNG of the given size whose pixels depend on {@code seed} (so contents differ). */
    public static Path png(Path file, int width, int height, int seed) throws IOException {
        return image(file, "png", width, height, seed);
    }

    public static Path image(Path file, String format, int width, int height, int seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 31 + y * 17 + seed * 101) * 2654435 & 0xffffff);
            }
        }
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    /** A 16-bit mono PCM WAV of a sine tone. */
    public static Path wav(Path file, int sampleRate, double seconds, double frequency) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        int frames = (int) Math.round(sampleRate * seconds);
        ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            pcm.putShort((short) (Math.sin(2 * Math.PI * frequency * i / sampleRate) * 12000));
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** The first half of a file's bytes, as a download cut off half-way leaves it. */
    public static Path truncated(Path source, Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        return target;
    }
}
