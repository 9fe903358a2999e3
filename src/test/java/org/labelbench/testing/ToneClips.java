package org.labelbench.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.labelbench.bench.ToneClipWriter;

/**
 * Half-second 8 kHz clips a small net can tell apart by ear: a low (300 Hz), middle (900 Hz) or
 * high (2.5 kHz) tone, each detuned by up to 10 %, at a random level and start, over noise
 * (the benchmark's {@link ToneClipWriter}, shorter and at a lower rate, so tests train fast).
 */
public final class ToneClips {
    public static final String[] CLASSES = ToneClipWriter.CLASSES;

    private ToneClips() {
    }

    public static Path write(Path file, int kind, long seed) throws IOException {
        return ToneClipWriter.write(file, kind, seed, 8000, 4000);
    }
}
