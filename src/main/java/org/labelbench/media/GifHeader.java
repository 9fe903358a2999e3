package org.labelbench.media;

import java.io.IOException;

/** GIF: the logical screen size; complete only if the trailer byte (0x3B) ends the file. */
final class GifHeader {
    private static final int TRAILER = 0x3b;

    private GifHeader() {
    }

    static boolean matches(byte[] magic) {
        return Bytes.startsWith(magic, 0, "GIF87a") || Bytes.startsWith(magic, 0, "GIF89a");
    }

    static MediaInfo read(ByteSource source) throws IOException, MediaException {
        byte[] head = source.bytes(0, 10);
        if (head.length < 10) {
            throw new MediaException("truncated GIF: no logical screen descriptor");
        }
        int width = Bytes.u16le(head, 6);
        int height = Bytes.u16le(head, 8);
        if (width == 0 || height == 0) {
            throw new MediaException("not a valid GIF: size " + width + "x" + height);
        }
        byte[] last = source.bytes(source.size() - 1, 1);
        if (source.size() <= 10 || Bytes.u8(last, 0) != TRAILER) {
            throw new MediaException("truncated GIF: no trailer (0x3B) at the end");
        }
        return MediaInfo.image("gif", width, height);
    }
}
