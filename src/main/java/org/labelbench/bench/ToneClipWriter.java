package org.labelbench.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The audio benchmark's clips (as the tests' ToneClips, at the rate and length of speech
 * commands): one second of 16 kHz mono 16-bit WAV, a low (300 Hz), middle (900 Hz) or high
 * (2.5 kHz) tone detuned by up to 10 %, at a random level and start, over noise.
 */
public final class ToneClipWriter {
    public static final String[] CLASSES = {"low", "middle", "high"};
    static final int RATE = 16_000;
    private static final double[] HERTZ = {300, 900, 2500};

    private ToneClipWriter() {
    }

    static Path write(Path file, int kind, long seed) throws IOException {
        return write(file, kind, seed, RATE, RATE);
    }

    /** A clip of {@code frames} frames at {@code rate} Hz (the tests use half-second 8 kHz clips). */
    public static Path write(Path file, int kind, long seed, int rate, int frames) throws IOException {
        Random random = new Random(seed);
        double frequency = HERTZ[kind] * (0.9 + 0.2 * random.nextDouble());
        double level = 3000 + random.nextInt(9000);
        int start = random.nextInt(frames / 4);
        ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double tone = i >= start ? Math.sin(2 * Math.PI * frequency * i / rate) * level : 0;
            pcm.putShort((short) Math.max(-32768, Math.min(32767, tone + random.nextGaussian() * 800)));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
