package org.labelbench.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes WAV files byte by byte, including the broken and unusual ones real writers leave. */
final class WavBuilder {
    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xfffe;

    private final int sampleRate;
    private final int channels;
    private final int bits;
    private int formatTag = PCM;
    private Integer subFormatTag;
    private byte[] guidTail = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xaa, 0, 0x38, (byte) 0x9b, 0x71};
    private Integer blockAlign;
    private byte[] data = new byte[0];
    private Long declaredDataBytes;
    private boolean rf64;
    private final ByteArrayOutputStream chunksBeforeFormat = new ByteArrayOutputStream();
    private boolean dataBeforeFormat;

    private WavBuilder(int sampleRate, int channels, int bits) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.bits = bits;
    }

    static WavBuilder wav(int sampleRate, int channels, int bits) {
        return new WavBuilder(sampleRate, channels, bits);
    }

    WavBuilder formatTag(int tag) {
        formatTag = tag;
        return this;
    }

    /** WAVE_FORMAT_EXTENSIBLE with the standard sub-format GUID for {@code tag}. */
    WavBuilder extensible(int tag) {
        formatTag = EXTENSIBLE;
        subFormatTag = tag;
        return this;
    }

    /** Extensible with a sub-format GUID that is not one of the standard KSDATAFORMAT ones. */
    WavBuilder extensibleWithForeignGuid() {
        extensible(PCM);
        guidTail = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
        return this;
    }

    WavBuilder blockAlign(int value) {
        blockAlign = value;
        return this;
    }

    WavBuilder data(byte[] bytes) {
        data = bytes;
        return this;
    }

    /** Samples in [-1, 1], interleaved, encoded as this file's format says. */
    WavBuilder samples(double... samples) {
        boolean floating = formatTag == IEEE_FLOAT || Integer.valueOf(IEEE_FLOAT).equals(subFormatTag);
        return data(encode(samples, bits, floating));
    }

    /** What the data chunk's size field says (by default the true size). */
    WavBuilder declaredDataBytes(long value) {
        declaredDataBytes = value;
        return this;
    }

    /** An RF64 file: sizes 0xFFFFFFFF in the RIFF header and data chunk, true ones in ds64. */
    WavBuilder rf64() {
        rf64 = true;
        return this;
    }

    WavBuilder chunkBeforeFormat(String id, byte[] body) {
        chunksBeforeFormat.writeBytes(chunk(id, body, body.length));
        return this;
    }

    WavBuilder dataBeforeFormat() {
        dataBeforeFormat = true;
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        if (rf64) {
            body.writeBytes(chunk("ds64", le(8, 36L + data.length, 8, data.length, 8, data.length
                    / Math.max(1, channels * bits / 8), 4, 0), 28));
        }
        body.writeBytes(chunksBeforeFormat.toByteArray());
        long dataSize = rf64 ? 0xffffffffL : declaredDataBytes != null ? declaredDataBytes : data.length;
        byte[] dataChunk = chunk("data", data, dataSize);
        if (dataBeforeFormat) {
            body.writeBytes(dataChunk);
        }
        body.writeBytes(formatChunk());
        if (!dataBeforeFormat) {
            body.writeBytes(dataChunk);
        }
        byte[] content = body.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ascii(rf64 ? "RF64" : "RIFF"));
        file.writeBytes(le(4, rf64 ? 0xffffffffL : content.length));
        file.writeBytes(content);
        return file.toByteArray();
    }

    private byte[] formatChunk() {
        int align = blockAlign != null ? blockAlign : channels * bits / 8;
        byte[] classic = le(2, formatTag, 2, channels, 4, sampleRate, 4, (long) sampleRate * align, 2, align, 2, bits);
        if (subFormatTag == null) {
            return chunk("fmt ", classic, classic.length);
        }
        ByteArrayOutputStream fmt = new ByteArrayOutputStream();
        fmt.writeBytes(classic);
        fmt.writeBytes(le(2, 22, 2, bits, 4, channels == 2 ? 3 : 4));
        fmt.writeBytes(le(2, subFormatTag));
        fmt.writeBytes(guidTail);
        return chunk("fmt ", fmt.toByteArray(), fmt.size());
    }

    /** A chunk: id, size field (as given), body, and a pad byte when the body is odd. */
    static byte[] chunk(String id, byte[] body, long sizeField) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(id));
        out.writeBytes(le(4, sizeField));
        out.writeBytes(body);
        if (body.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** Encodes interleaved samples in [-1, 1] as a WAV data chunk holds them. */
    static byte[] encode(double[] samples, int bits, boolean floating) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double sample : samples) {
            if (floating && bits == 32) {
                out.putFloat((float) sample);
            } else if (floating) {
                out.putDouble(sample);
            } else if (bits == 8) {
                out.put((byte) (quantise(sample, 8) + 128));
            } else {
                long value = quantise(sample, bits);
                for (int i = 0; i < bits / 8; i++) {
                    out.put((byte) (value >> (8 * i)));
                }
            }
        }
        return out.array();
    }

    /** The integer an n-bit PCM writer stores for {@code sample}. */
    static long quantise(double sample, int bits) {
        long full = 1L << (bits - 1);
        return Math.max(-full, Math.min(full - 1, Math.round(sample * full)));
    }

    /** Little-endian fields given as (width in bytes, value) pairs. */
    static byte[] le(long... widthsAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < widthsAndValues.length; i += 2) {
            for (int b = 0; b < widthsAndValues[i]; b++) {
                out.write((int) (widthsAndValues[i + 1] >> (8 * b)));
            }
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code frames} frames of a sine at {@code amplitude}, the same on every channel. */
    static double[] sine(int frames, int channels, int sampleRate, double frequency, double amplitude) {
        double[] samples = new double[frames * channels];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                samples[f * channels + c] = amplitude * Math.sin(2 * Math.PI * frequency * f / sampleRate);
            }
        }
        return samples;
    }
}
