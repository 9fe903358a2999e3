package org.labelbench.media;

import java.io.IOException;

/**
 * RIFF/WAVE: the {@code fmt } chunk's encoding and the {@code data} chunk's position and length.
 * PCM (8-bit unsigned, 16/24/32-bit signed) and IEEE float (32/64-bit), plain or
 * WAVE_FORMAT_EXTENSIBLE. A data size of 0 or 0xFFFFFFFF (left by streaming writers that never
 * came back to fill it in) means "to the end of the file".
 */
record WavHeader(int sampleRate, int channels, int bitsPerSample, boolean floating, long dataOffset, long dataBytes) {
    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xfffe;

    int blockAlign() {
        return channels * (bitsPerSample / 8);
    }

    long frames() {
        return dataBytes / blockAlign();
    }

    long durationMs() {
        return Math.round(frames() * 1000.0 / sampleRate);
    }

    static WavHeader read(ByteSource source) throws IOException, MediaException {
        long size = source.size();
        long position = 12;
        byte[] format = null;
        while (position + 8 <= size) {
            byte[] chunk = source.bytes(position, 8);
            long length = Bytes.u32le(chunk, 4);
            long body = position + 8;
            if (Bytes.startsWith(chunk, 0, "fmt ")) {
                format = source.bytes(body, (int) Math.min(length, 64));
                if (format.length < 16) {
                    throw new MediaException("truncated WAV: format chunk cut off");
                }
            } else if (Bytes.startsWith(chunk, 0, "data")) {
                if (format == null) {
                    throw new MediaException("not a valid WAV: data chunk before the format chunk");
                }
                long available = size - body;
                long dataBytes = length == 0 || length == 0xffffffffL ? available : length;
                if (dataBytes > available) {
                    throw new MediaException("truncated WAV: data chunk declares " + dataBytes + " bytes, file has "
                            + available);
                }
                return fromFormat(format, body, dataBytes);
            }
            position = body + length + (length & 1); // chunks are padded to even sizes
        }
        throw new MediaException(format == null ? "not a valid WAV: no format chunk" : "truncated WAV: no data chunk");
    }

    private static WavHeader fromFormat(byte[] fmt, long dataOffset, long dataBytes) throws MediaException {
        int tag = Bytes.u16le(fmt, 0);
        int channels = Bytes.u16le(fmt, 2);
        long sampleRate = Bytes.u32le(fmt, 4);
        int blockAlign = Bytes.u16le(fmt, 12);
        int bits = Bytes.u16le(fmt, 14);
        if (tag == EXTENSIBLE) {
            if (fmt.length < 26) {
                throw new MediaException("not a valid WAV: extensible format chunk too short");
            }
            tag = Bytes.u16le(fmt, 24); // the sub-format GUID starts with the classic tag
        }
        boolean floating;
        if (tag == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) {
            floating = false;
        } else if (tag == IEEE_FLOAT && (bits == 32 || bits == 64)) {
            floating = true;
        } else {
            throw new MediaException(String.format("unsupported WAV encoding: format tag 0x%x%s, %d bits", tag,
                    tag == 0x55 ? " (MP3)" : tag == 2 ? " (ADPCM)" : tag == 6 || tag == 7 ? " (G.711)" : "", bits));
        }
        if (channels == 0 || sampleRate == 0 || sampleRate > 1_000_000) {
            throw new MediaException("not a valid WAV: " + channels + " channels at " + sampleRate + " Hz");
        }
        if (blockAlign != channels * bits / 8) {
            throw new MediaException("not a valid WAV: block align " + blockAlign + " does not match " + channels
                    + " channels of " + bits + " bits");
        }
        return new WavHeader((int) sampleRate, channels, bits, floating, dataOffset, dataBytes);
    }
}
