package org.labelbench.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Decodes every WAV encoding {@link MediaProbe} accepts into {@link PcmAudio}. */
public final class WavDecoder {
    private WavDecoder() {
    }

    public static PcmAudio decode(Path file) throws MediaException, IOException {
        try (ByteSource source = ByteSource.open(file)) {
            return decode(source);
        }
    }

    public static PcmAudio decode(ByteSource source) throws MediaException, IOException {
        byte[] magic = source.bytes(0, 12);
        if (!Bytes.startsWith(magic, 0, "RIFF") || !Bytes.startsWith(magic, 8, "WAVE")) {
            throw new MediaException("not a WAV file");
        }
        WavHeader header = WavHeader.read(source);
        long frames = header.frames();
        if (frames * header.channels() > Integer.MAX_VALUE - 8) {
            throw new MediaException("WAV too long to decode at once (" + header.durationMs() / 1000 + " s)");
        }
        int bytesPerSample = header.bitsPerSample() / 8;
        byte[] data = source.bytes(header.dataOffset(), (int) (frames * header.blockAlign()));
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[(int) (frames * header.channels())];
        for (int i = 0; i < samples.length; i++) {
            int at = i * bytesPerSample;
            samples[i] = switch (header.bitsPerSample()) {
                case 8 -> header.floating() ? 0 : ((data[at] & 0xff) - 128) / 128f;
                case 16 -> buffer.getShort(at) / 32768f;
                case 24 -> (((data[at] & 0xff) | ((data[at + 1] & 0xff) << 8) | (data[at + 2] << 16))) / 8388608f;
                case 32 -> header.floating() ? buffer.getFloat(at) : (float) (buffer.getInt(at) / 2147483648.0);
                case 64 -> (float) buffer.getDouble(at);
                default -> throw new MediaException("unsupported WAV sample size " + header.bitsPerSample());
            };
        }
        return new PcmAudio(header.sampleRate(), header.channels(), samples);
    }
}
