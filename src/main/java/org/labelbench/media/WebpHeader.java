package org.labelbench.media;

import java.io.IOException;

/** WebP (RIFF container): size from the VP8, VP8L or VP8X chunk; truncated if RIFF says more. */
final class WebpHeader {
    private WebpHeader() {
    }

    static MediaInfo read(ByteSource source) throws IOException, MediaException {
        byte[] head = source.bytes(0, 30);
        if (head.length < 30) {
            throw new MediaException("truncated WebP: no image header");
        }
        long riffSize = Bytes.u32le(head, 4) + 8;
        if (riffSize > source.size()) {
            throw new MediaException("truncated WebP: RIFF declares " + riffSize + " bytes, file has " + source.size());
        }
        int width;
        int height;
        if (Bytes.startsWith(head, 12, "VP8 ")) {
            if (Bytes.u8(head, 23) != 0x9d || Bytes.u8(head, 24) != 0x01 || Bytes.u8(head, 25) != 0x2a) {
                throw new MediaException("not a valid WebP: bad VP8 frame start code");
            }
            width = Bytes.u16le(head, 26) & 0x3fff;
            height = Bytes.u16le(head, 28) & 0x3fff;
        } else if (Bytes.startsWith(head, 12, "VP8L")) {
            if (Bytes.u8(head, 20) != 0x2f) {
                throw new MediaException("not a valid WebP: bad VP8L signature");
            }
            long bits = Bytes.u32le(head, 21);
            width = (int) (bits & 0x3fff) + 1;
            height = (int) ((bits >> 14) & 0x3fff) + 1;
        } else if (Bytes.startsWith(head, 12, "VP8X")) {
            width = Bytes.u24le(head, 24) + 1;
            height = Bytes.u24le(head, 27) + 1;
        } else {
            throw new MediaException("not a valid WebP: unknown chunk after the header");
        }
        if (width <= 0 || height <= 0) {
            throw new MediaException("not a valid WebP: size " + width + "x" + height);
        }
        return MediaInfo.image("webp", width, height);
    }
}
