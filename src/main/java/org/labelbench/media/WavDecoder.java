package org.labelbench.media;

import java.io.IOException;
import java.nio.file.Path;

/** Decodes every WAV encoding {@link MediaProbe} accepts into {@link PcmAudio}. */
public final class WavDecoder {
    /** A Java array's practical limit: about 12 hours of 48 kHz stereo. */
    private static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;
    /** Data is read in pieces this large, so memory holds the floats and one small buffer. */
    private static final int CHUNK_BYTES = 1 << 16;

    private WavDecoder() {
    }

    public static PcmAudio decode(Path file) throws MediaException, IOException {
        try (ByteSource source = ByteSource.open(file)) {
            return decode(source);
        }
    }

    public static PcmAudio decode(ByteSource source) throws MediaException, IOException {
        WavHeader header = WavHeader.read(source);
        WavFormat format = header.format();
        long sampleCount = header.frames() * format.channels();
        if (sampleCount > MAX_SAMPLES) {
            throw new MediaException("WAV too long to decode at once (" + header.durationMs() / 60_000 + " min)");
        }
        SampleEncoding encoding = format.encoding();
        int sampleBytes = encoding.bytes();
        float[] samples = new float[(int) sampleCount];
        byte[] buffer = new byte[CHUNK_BYTES / format.blockAlign() * format.blockAlign() + format.blockAlign()];
        long position = header.dataOffset();
        int index = 0;
        while (index < samples.length) {
            int wanted = (int) Math.min(buffer.length, (long) (samples.length - index) * sampleBytes);
            int read = source.read(position, buffer, 0, wanted);
            if (read < wanted) { // the header checked the size; the file shrank since
                throw new MediaException("truncated WAV: data ends at byte " + (position + read));
            }
            for (int at = 0; at < read; at += sampleBytes) {
                samples[index++] = encoding.decode(buffer, at);
            }
            position += read;
        }
        return new PcmAudio(format.sampleRate(), format.channels(), samples);
    }
}
