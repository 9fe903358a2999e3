package org.labelbench.media;

import java.io.IOException;

/** JPEG: size from the first SOFn segment; complete only if an EOI marker ends it. */
final class JpegHeader {
    /** Some writers pad after EOI; look for it this far from the end. */
    private static final int EOI_SEARCH = 1024;

    private JpegHeader() {
    }

    static MediaInfo read(ByteSource source) throws IOException, MediaException {
        long position = 2;
        long size = source.size();
        while (true) {
            byte[] marker = source.bytes(position, 9);
            if (marker.length < 4) {
                throw new MediaException("truncated JPEG: no frame header (SOF)");
            }
            if (Bytes.u8(marker, 0) != 0xff) {
                throw new MediaException("not a valid JPEG: bad marker at byte " + position);
            }
            int type = Bytes.u8(marker, 1);
            if (type == 0xff) { // fill byte
                position++;
                continue;
            }
            if (type == 0xd8 || type == 0x01 || (type >= 0xd0 && type <= 0xd7)) {
                position += 2;
                continue;
            }
            if (type == 0xd9 || type == 0xda) {
                throw new MediaException("not a valid JPEG: no frame header (SOF) before the image data");
            }
            int length = Bytes.u16be(marker, 2);
            if (isStartOfFrame(type)) {
                if (marker.length < 9) {
                    throw new MediaException("truncated JPEG: frame header cut off");
                }
                int height = Bytes.u16be(marker, 5);
                int width = Bytes.u16be(marker, 7);
                if (width == 0 || height == 0) {
                    throw new MediaException("not a valid JPEG: size " + width + "x" + height);
                }
                requireEndOfImage(source, size);
                return MediaInfo.image("jpeg", width, height);
            }
            position += 2 + length;
            if (length < 2 || position > size) {
                throw new MediaException("truncated JPEG: segment runs past the end of the file");
            }
        }
    }

    private static boolean isStartOfFrame(int type) {
        return type >= 0xc0 && type <= 0xcf && type != 0xc4 && type != 0xc8 && type != 0xcc;
    }

    private static void requireEndOfImage(ByteSource source, long size) throws IOException, MediaException {
        byte[] tail = source.bytes(Math.max(0, size - EOI_SEARCH), EOI_SEARCH);
        for (int i = tail.length - 2; i >= 0; i--) {
            if (Bytes.u8(tail, i) == 0xff && Bytes.u8(tail, i + 1) == 0xd9) {
                return;
            }
        }
        throw new MediaException("truncated JPEG: no end-of-image marker");
    }
}
