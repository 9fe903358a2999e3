package org.labelbench.media;

import java.nio.charset.StandardCharsets;

/** Integers and four-character codes read out of header bytes; callers check the length first. */
final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16be(byte[] b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }

    static int u16le(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8);
    }

    static int u24le(byte[] b, int i) {
        return u16le(b, i) | (u8(b, i + 2) << 16);
    }

    static long u32be(byte[] b, int i) {
        return ((long) u16be(b, i) << 16) | u16be(b, i + 2);
    }

    static long u32le(byte[] b, int i) {
        return u16le(b, i) | ((long) u16le(b, i + 2) << 16);
    }

    static int s32le(byte[] b, int i) {
        return (int) u32le(b, i);
    }

    /** Unsigned in intent; a value over {@code Long.MAX_VALUE} comes out negative. */
    static long u64le(byte[] b, int i) {
        return u32le(b, i) | (u32le(b, i + 4) << 32);
    }

    /** Whether {@code b} holds {@code ascii} at {@code offset} (false when too short). */
    static boolean startsWith(byte[] b, int offset, String ascii) {
        if (b.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A four-character code such as a RIFF chunk id, as text. */
    static String fourCc(byte[] b, int offset) {
        return new String(b, offset, 4, StandardCharsets.ISO_8859_1);
    }
}
