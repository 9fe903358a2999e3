package org.labelbench.media;

import java.util.Arrays;
import java.util.Map;

/**
 * A WAV file's {@code fmt } chunk: PCM (8-bit unsigned, 16/24/32-bit signed) or IEEE float
 * (32/64-bit), plain or as WAVE_FORMAT_EXTENSIBLE, whose sub-format GUID names one of the two.
 */
record WavFormat(int sampleRate, int channels, SampleEncoding encoding) {
    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xfffe;
    /** Extensible sub-format GUIDs are the classic tag (2 bytes) followed by these 14 bytes. */
    private static final byte[] GUID_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xaa, 0, 0x38,
            (byte) 0x9b, 0x71};
    /** Common encodings we refuse, named so the reason tells the user what the file is. */
    private static final Map<Integer, String> TAG_NAMES = Map.of(2, "MS ADPCM", 6, "A-law", 7, "mu-law",
            0x11, "IMA ADPCM", 0x31, "GSM 6.10", 0x50, "MPEG", 0x55, "MP3", 0x2000, "AC-3");

    int bitsPerSample() {
        return encoding.bits;
    }

    /** Bytes per frame: one sample of each channel. */
    int blockAlign() {
        return channels * encoding.bytes();
    }

    static WavFormat parse(byte[] fmt) throws MediaException {
        if (fmt.length < 16) {
            throw new MediaException("not a valid WAV: format chunk is only " + fmt.length + " bytes");
        }
        int tag = Bytes.u16le(fmt, 0);
        int channels = Bytes.u16le(fmt, 2);
        long sampleRate = Bytes.u32le(fmt, 4);
        int blockAlign = Bytes.u16le(fmt, 12);
        int bits = Bytes.u16le(fmt, 14);
        if (tag == EXTENSIBLE) {
            tag = subFormatTag(fmt);
        }
        if (tag != PCM && tag != IEEE_FLOAT) {
            String name = TAG_NAMES.get(tag);
            throw new MediaException(String.format("unsupported WAV encoding: format tag 0x%x%s", tag,
                    name == null ? "" : " (" + name + ")"));
        }
        boolean floating = tag == IEEE_FLOAT;
        SampleEncoding encoding = SampleEncoding.of(floating, bits).orElseThrow(() -> new MediaException(
                "unsupported WAV encoding: " + bits + "-bit " + (floating ? "float" : "PCM")));
        if (channels == 0) {
            throw new MediaException("not a valid WAV: 0 channels");
        }
        if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
            throw new MediaException("not a valid WAV: sample rate " + sampleRate + " Hz");
        }
        WavFormat format = new WavFormat((int) sampleRate, channels, encoding);
        if (blockAlign != format.blockAlign()) {
            throw new MediaException("not a valid WAV: block align " + blockAlign + " does not match " + channels
                    + " channels of " + bits + " bits");
        }
        return format;
    }

    /** WAVE_FORMAT_EXTENSIBLE: cbSize, valid bits, channel mask, then the sub-format GUID at 24. */
    private static int subFormatTag(byte[] fmt) throws MediaException {
        if (fmt.length < 40) {
            throw new MediaException("not a valid WAV: extensible format chunk is only " + fmt.length + " bytes");
        }
        if (!Arrays.equals(fmt, 26, 40, GUID_TAIL, 0, GUID_TAIL.length)) {
            throw new MediaException("unsupported WAV encoding: extensible sub-format " + guid(fmt, 24));
        }
        return Bytes.u16le(fmt, 24);
    }

    /** A GUID in its usual text form (the first three groups are stored little-endian). */
    private static String guid(byte[] b, int at) {
        StringBuilder text = new StringBuilder(String.format("%08x-%04x-%04x-", Bytes.u32le(b, at),
                Bytes.u16le(b, at + 4), Bytes.u16le(b, at + 6)));
        for (int i = 8; i < 16; i++) {
            text.append(String.format(i == 10 ? "-%02x" : "%02x", Bytes.u8(b, at + i)));
        }
        return text.toString();
    }
}
