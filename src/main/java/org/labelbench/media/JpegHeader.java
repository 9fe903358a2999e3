package org.labelbench.media;

import java.io.IOException;

/**
 * JPEG: the size from the first SOFn segment, found by walking the marker segments after SOI;
 * complete only if an EOI marker ends the file.
 */
final class JpegHeader {
    private static final int SOS = 0xda;
    private static final int EOI = 0xd9;
    /** Some writers pad after EOI; it is looked for this far from the end. */
    private static final int EOI_SEARCH = 1024;

    private JpegHeader() {
    }

    static boolean matches(byte[] magic) {
        return magic.length >= 3 && Bytes.u8(magic, 0) == 0xff && Bytes.u8(magic, 1) == 0xd8
                && Bytes.u8(magic, 2) == 0xff;
    }

    static MediaInfo read(ByteSource source) throws IOException, MediaException {
        long position = 2; // after SOI
        while (true) {
            // Marker, segment length, and for SOFn: precision, height, width.
            byte[] segment = source.bytes(position, 9);
            if (segment.length < 2) {
                throw new MediaException("truncated JPEG: ends before the SOF marker");
            }
            if (Bytes.u8(segment, 0) != 0xff) {
                throw new MediaException("not a valid JPEG: no marker at byte " + position);
            }
            int marker = Bytes.u8(segment, 1);
            if (marker == 0xff) { // a fill byte before the marker
                position++;
                continue;
            }
            if (isStandalone(marker)) {
                position += 2;
                continue;
            }
            if (marker == SOS || marker == EOI) {
                throw new MediaException("not a valid JPEG: missing SOF marker");
            }
            if (segment.length < 4) {
                throw new MediaException("truncated JPEG: ends before the SOF marker");
            }
            int length = Bytes.u16be(segment, 2);
            if (length < 2) {
                throw new MediaException("not a valid JPEG: segment length " + length + " at byte " + position);
            }
            if (isStartOfFrame(marker)) {
                return frame(source, segment);
            }
            position += 2 + length;
        }
    }

    private static MediaInfo frame(ByteSource source, byte[] segment) throws IOException, MediaException {
        if (segment.length < 9) {
            throw new MediaException("truncated JPEG: frame header cut off");
        }
        int height = Bytes.u16be(segment, 5);
        int width = Bytes.u16be(segment, 7);
        if (width == 0 || height == 0) {
            throw new MediaException("not a valid JPEG: size " + width + "x" + height);
        }
        if (!endsWithEoi(source)) {
            throw new MediaException("truncated JPEG: no EOI marker at the end");
        }
        return MediaInfo.image("jpeg", width, height);
    }

    /** SOF0-3, 5-7, 9-11, 13-15; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    }

    /** TEM, RSTn and SOI carry no length field. */
    private static boolean isStandalone(int marker) {
        return marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8);
    }

    private static boolean endsWithEoi(ByteSource source) throws IOException {
        long size = source.size();
        byte[] tail = source.bytes(Math.max(0, size - EOI_SEARCH), EOI_SEARCH);
        for (int i = tail.length - 2; i >= 0; i--) {
            if (Bytes.u8(tail, i) == 0xff && Bytes.u8(tail, i + 1) == EOI) {
                return true;
            }
        }
        return false;
    }
}
