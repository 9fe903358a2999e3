package org.labelbench.media;

import java.io.IOException;
import java.util.List;

/**
 * BMP: the size from the DIB header. An uncompressed bitmap is truncated when the file is shorter
 * than its pixel rows; a compressed one (RLE, embedded JPEG or PNG) when it is shorter than the
 * file size the header declares.
 */
final class BmpHeader {
    private static final int FILE_HEADER = 14;
    /** BITMAPCOREHEADER (OS/2 1.x): 16-bit width and height, no compression field. */
    private static final int CORE_HEADER = 12;
    private static final int BI_RGB = 0;
    private static final int BI_BITFIELDS = 3;
    private static final int BI_ALPHABITFIELDS = 6;

    private BmpHeader() {
    }

    static boolean matches(byte[] magic) {
        return Bytes.startsWith(magic, 0, "BM");
    }

    static MediaInfo read(ByteSource source) throws IOException, MediaException {
        byte[] head = source.bytes(0, FILE_HEADER + 20);
        if (head.length < FILE_HEADER + CORE_HEADER) {
            throw new MediaException("truncated BMP: no bitmap header");
        }
        long declaredSize = Bytes.u32le(head, 2);
        long pixelOffset = Bytes.u32le(head, 10);
        long headerSize = Bytes.u32le(head, 14);
        int width;
        int height;
        int bitsPerPixel;
        int compression = BI_RGB;
        if (headerSize == CORE_HEADER) {
            width = Bytes.u16le(head, 18);
            height = Bytes.u16le(head, 20);
            bitsPerPixel = Bytes.u16le(head, 24);
        } else if (headerSize >= 16 && headerSize <= 1024) {
            if (head.length < FILE_HEADER + 16) {
                throw new MediaException("truncated BMP: no bitmap header");
            }
            width = Bytes.s32le(head, 18);
            height = Math.abs(Bytes.s32le(head, 22)); // negative: rows stored top-down
            bitsPerPixel = Bytes.u16le(head, 28);
            if (headerSize >= 20) {
                if (head.length < FILE_HEADER + 20) {
                    throw new MediaException("truncated BMP: no bitmap header");
                }
                compression = Bytes.s32le(head, 30);
            }
        } else {
            throw new MediaException("not a valid BMP: unknown header size " + headerSize);
        }
        if (width <= 0 || height <= 0) {
            throw new MediaException("not a valid BMP: size " + width + "x" + height);
        }
        if (pixelOffset < FILE_HEADER + headerSize) {
            throw new MediaException("not a valid BMP: pixel data offset " + pixelOffset + " inside the header");
        }
        if (isUncompressed(compression)) {
            requireRows(source, pixelOffset, width, height, bitsPerPixel);
        } else if (source.size() < Math.max(pixelOffset + 1, declaredSize)) {
            throw new MediaException("truncated BMP: header declares " + declaredSize + " bytes, file has "
                    + source.size());
        }
        return MediaInfo.image("bmp", width, height);
    }

    private static void requireRows(ByteSource source, long pixelOffset, int width, int height, int bitsPerPixel)
            throws MediaException {
        if (!List.of(1, 2, 4, 8, 16, 24, 32).contains(bitsPerPixel)) {
            throw new MediaException("not a valid BMP: " + bitsPerPixel + " bits per pixel");
        }
        long needed = pixelOffset + rowStride(width, bitsPerPixel) * height;
        if (source.size() < needed) {
            throw new MediaException("truncated BMP: pixel rows need " + needed + " bytes, file has "
                    + source.size());
        }
    }

    private static boolean isUncompressed(int compression) {
        return compression == BI_RGB || compression == BI_BITFIELDS || compression == BI_ALPHABITFIELDS;
    }

    /** Each row is padded to a multiple of four bytes. */
    private static long rowStride(int width, int bitsPerPixel) {
        return ((long) width * bitsPerPixel + 31) / 32 * 4;
    }
}
