package org.labelbench.media;

import java.io.IOException;

/** GIF: the logical screen size; complete only if the trailer byte (0x3B) ends it. */
final class GifHeader {
    private GifHeader() {
    }

    static MediaInfo read(ByteSource source) throws IOException, MediaException {
        byte[] head = source.bytes(0, 10);
        if (head.length < 10) {
            throw new MediaException("truncated GIF: no screen descriptor");
        }
        int width = Bytes.u16le(head, 6);
        int height = Bytes.u16le(head, 8);
        if (width == 0 || height == 0) {
            throw new MediaException("not a valid GIF: size " + width + "x" + height);
        }
        byte[] last = source.bytes(source.size() - 1, 1);
        if (last.length != 1 || last[0] != 0x3b) {
            throw new MediaException("truncated GIF: no trailer at the end");
        }
        return MediaInfo.image("gif", width, height);
    }
}
