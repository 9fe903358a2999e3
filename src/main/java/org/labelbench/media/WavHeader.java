package org.labelbench.media;

import java.io.IOException;

/**
 * A WAV file's layout: its {@link WavFormat} and where its data chunk lies, found by walking the
 * RIFF chunks. RF64 and BW64 (the 64-bit forms for files over 4 GiB) are read too: their real
 * data size is in the {@code ds64} chunk.
 *
 * <p>In a plain RIFF file a data size of 0 or 0xFFFFFFFF means "to the end of the file": streaming
 * writers, and recorders that crashed, leave it so because they never came back to fill it in.
 * Any other size larger than what the file holds means the file is truncated.
 */
record WavHeader(WavFormat format, long dataOffset, long dataBytes) {
    private static final long UNKNOWN_SIZE = 0xffffffffL;
    /** Longest fmt chunk we read: WAVE_FORMAT_EXTENSIBLE is 40 bytes. */
    private static final int FMT_MAX = 64;

    static boolean matches(byte[] magic) {
        return (Bytes.startsWith(magic, 0, "RIFF") || isRf64(magic)) && Bytes.startsWith(magic, 8, "WAVE");
    }

    long frames() {
        return dataBytes / format.blockAlign();
    }

    long durationMs() {
        return Math.round(frames() * 1000.0 / format.sampleRate());
    }

    static WavHeader read(ByteSource source) throws IOException, MediaException {
        byte[] riff = source.bytes(0, 12);
        if (!matches(riff)) {
            throw new MediaException("not a WAV file");
        }
        boolean rf64 = isRf64(riff);
        long size = source.size();
        long position = 12;
        long ds64DataBytes = -1;
        WavFormat format = null;
        while (position + 8 <= size) {
            byte[] header = source.bytes(position, 8);
            long length = Bytes.u32le(header, 4);
            long body = position + 8;
            switch (Bytes.fourCc(header, 0)) {
                case "ds64" -> ds64DataBytes = ds64DataBytes(chunk(source, body, length, 16, "ds64"));
                case "fmt " -> format = WavFormat.parse(chunk(source, body, length, FMT_MAX, "format"));
                case "data" -> {
                    if (format == null) {
                        throw new MediaException("not a valid WAV: data chunk before the format chunk");
                    }
                    long available = size - body;
                    long declared = rf64 ? rf64DataBytes(length, ds64DataBytes) : riffDataBytes(length, available);
                    if (declared < 0 || declared > available) {
                        throw new MediaException("truncated WAV: data chunk declares "
                                + Long.toUnsignedString(declared) + " bytes, file has " + available);
                    }
                    return new WavHeader(format, body, declared);
                }
                default -> {
                    // LIST, fact, cue, bext, JUNK...: nothing we need.
                }
            }
            position = body + length + (length & 1); // chunks are padded to even sizes
        }
        String missing = format == null ? "format" : "data";
        throw new MediaException(position == size ? "not a valid WAV: no " + missing + " chunk"
                : "truncated WAV: ends before the " + missing + " chunk");
    }

    private static boolean isRf64(byte[] magic) {
        return Bytes.startsWith(magic, 0, "RF64") || Bytes.startsWith(magic, 0, "BW64");
    }

    private static long riffDataBytes(long length, long available) {
        return length == 0 || length == UNKNOWN_SIZE ? available : length;
    }

    private static long rf64DataBytes(long length, long ds64DataBytes) throws MediaException {
        if (length != UNKNOWN_SIZE) {
            return length;
        }
        if (ds64DataBytes < 0) {
            throw new MediaException("not a valid WAV: RF64 file without a ds64 chunk");
        }
        return ds64DataBytes;
    }

    /** ds64: RIFF size, then data size (64-bit each), sample count, table. */
    private static long ds64DataBytes(byte[] ds64) throws MediaException {
        if (ds64.length < 16) {
            throw new MediaException("not a valid WAV: ds64 chunk is only " + ds64.length + " bytes");
        }
        return Bytes.u64le(ds64, 8);
    }

    /** The first {@code max} bytes of a chunk's body (all of it when shorter). */
    private static byte[] chunk(ByteSource source, long body, long length, int max, String name)
            throws IOException, MediaException {
        int wanted = (int) Math.min(length, max);
        byte[] bytes = source.bytes(body, wanted);
        if (bytes.length < wanted) {
            throw new MediaException("truncated WAV: " + name + " chunk cut off");
        }
        return bytes;
    }
}
