package org.labelbench.media;

import java.io.IOException;

/** PNG: size from IHDR; complete only if it ends with the IEND chunk. */
final class PngHeader {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngHeader() {
    }

    static MediaInfo read(ByteSource source) throws IOException, MediaException {
        byte[] head = source.bytes(0, 33);
        if (head.length < 33 || !Bytes.startsWith(head, 12, "IHDR")) {
            throw new MediaException("truncated PNG: no IHDR chunk");
        }
        long width = Bytes.u32be(head, 16);
        long height = Bytes.u32be(head, 20);
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new MediaException("not a valid PNG: size " + width + "x" + height);
        }
        byte[] tail = source.bytes(Math.max(0, source.size() - 12), 12);
        if (tail.length < 12 || !Bytes.startsWith(tail, 4, "IEND")) {
            throw new MediaException("truncated PNG: no IEND chunk at the end");
        }
        return MediaInfo.image("png", (int) width, (int) height);
    }
}
