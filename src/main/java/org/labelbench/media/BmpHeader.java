package org.labelbench.media;

import java.io.IOException;

/** BMP: size from the DIB header; an uncompressed bitmap shorter than its rows is truncated. */
final class BmpHeader {
    private static final int BI_RGB = 0;

    private BmpHeader() {
    }

    static MediaInfo read(ByteSource source) throws IOException, MediaException {
        byte[] head = source.bytes(0, 34);
        if (head.length < 26) {
            throw new MediaException("truncated BMP: no bitmap header");
        }
        long pixelOffset = Bytes.u32le(head, 10);
        long headerSize = Bytes.u32le(head, 14);
        int width;
        int height;
        int bitsPerPixel;
        int compression = BI_RGB;
        if (headerSize == 12) { // BITMAPCOREHEADER: 16-bit sizes
            width = Bytes.u16le(head, 18);
            height = Bytes.u16le(head, 20);
            bitsPerPixel = Bytes.u16le(head, 24);
        } else if (headerSize >= 40 && head.length >= 34) {
            width = Bytes.s32le(head, 18);
            height = Math.abs(Bytes.s32le(head, 22)); // negative: rows stored top-down
            bitsPerPixel = Bytes.u16le(head, 28);
            compression = Bytes.s32le(head, 30);
        } else {
            throw new MediaException("not a valid BMP: unknown header size " + headerSize);
        }
        if (width <= 0 || height <= 0) {
            throw new MediaException("not a valid BMP: size " + width + "x" + height);
        }
        if (compression == BI_RGB) {
            long stride = ((long) width * bitsPerPixel + 31) / 32 * 4;
            long needed = pixelOffset + stride * height;
            if (source.size() < needed) {
                throw new MediaException("truncated BMP: pixel rows need " + needed + " bytes, file has "
                        + source.size());
            }
        }
        return MediaInfo.image("bmp", width, height);
    }
}
