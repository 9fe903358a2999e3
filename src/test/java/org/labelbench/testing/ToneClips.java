package org.labelbench.testing;

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
 * Half-second 8 kHz clips a small net can tell apart by ear: a low (300 Hz), middle (900 Hz) or
 * high (2.5 kHz) tone, each detuned by up to 10 %, at a random level and start, over noise.
 */
public final class ToneClips {
    public static final String[] CLASSES = {"low", "middle", "high"};
    private static final double[] HERTZ = {300, 900, 2500};

    private ToneClips() {
    }

    public static Path write(Path file, int kind, long seed) throws IOException {
        Random random = new Random(seed);
        int rate = 8000;
        int frames = rate / 2;
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
