package org.labelbench.media;

import java.io.IOException;

/**
 * WebP (a RIFF container): the size from its first chunk, VP8 (lossy), VP8L (lossless) or VP8X
 * (extended: alpha, animation, metadata); truncated when the RIFF size exceeds the file.
 */
final class WebpHeader {
    /** RIFF header (12), chunk header (8), and the longest size field we read (VP8: 10). */
    private static final int HEAD = 30;

    private WebpHeader() {
    }

    static boolean matches(byte[] magic) {
        return Bytes.startsWith(magic, 0, "RIFF") && Bytes.startsWith(magic, 8, "WEBP");
    }

    static MediaInfo read(ByteSource source) throws IOException, MediaException {
        byte[] head = source.bytes(0, HEAD);
        if (head.length < 20) {
            throw new MediaException("truncated WebP: no image chunk");
        }
        long riffSize = Bytes.u32le(head, 4) + 8;
        if (riffSize > source.size()) {
            throw new MediaException("truncated WebP: RIFF declares " + riffSize + " bytes, file has "
                    + source.size());
        }
        return switch (Bytes.fourCc(head, 12)) {
            case "VP8 " -> lossy(head);
            case "VP8L" -> lossless(head);
            case "VP8X" -> extended(head);
            default -> throw new MediaException("not a valid WebP: the first chunk is not VP8, VP8L or VP8X");
        };
    }

    /** Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (2 bits of scale each). */
    private static MediaInfo lossy(byte[] head) throws MediaException {
        requireLength(head, 30, "VP8");
        if (Bytes.u8(head, 23) != 0x9d || Bytes.u8(head, 24) != 0x01 || Bytes.u8(head, 25) != 0x2a) {
            throw new MediaException("not a valid WebP: bad VP8 start code");
        }
        return image(Bytes.u16le(head, 26) & 0x3fff, Bytes.u16le(head, 28) & 0x3fff);
    }

    /** Signature 0x2F, then width-1 and height-1 in 14 bits each, least significant bits first. */
    private static MediaInfo lossless(byte[] head) throws MediaException {
        requireLength(head, 25, "VP8L");
        if (Bytes.u8(head, 20) != 0x2f) {
            throw new MediaException("not a valid WebP: bad VP8L signature");
        }
        long bits = Bytes.u32le(head, 21);
        return image((int) (bits & 0x3fff) + 1, (int) ((bits >> 14) & 0x3fff) + 1);
    }

    /** Flags and reserved bytes (4), then canvas width-1 and height-1 in 24 bits each. */
    private static MediaInfo extended(byte[] head) throws MediaException {
        requireLength(head, 30, "VP8X");
        return image(Bytes.u24le(head, 24) + 1, Bytes.u24le(head, 27) + 1);
    }

    private static void requireLength(byte[] head, int length, String chunk) throws MediaException {
        if (head.length < length) {
            throw new MediaException("truncated WebP: " + chunk + " header cut off");
        }
    }

    private static MediaInfo image(int width, int height) throws MediaException {
        if (width == 0 || height == 0) {
            throw new MediaException("not a valid WebP: size " + width + "x" + height);
        }
        return MediaInfo.image("webp", width, height);
    }
}
