package org.labelbench.media;

import java.io.IOException;
import java.util.Arrays;

/** PNG: the size from IHDR; complete only if the file ends with the IEND chunk. */
final class PngHeader {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Signature, then IHDR: length, type, width, height, five one-byte fields, CRC. */
    private static final int IHDR_END = 8 + 8 + 13 + 4;
    private static final int IEND_CHUNK = 12;

    private PngHeader() {
    }

    static boolean matches(byte[] magic) {
        return magic.length >= SIGNATURE.length
                && Arrays.equals(magic, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    static MediaInfo read(ByteSource source) throws IOException, MediaException {
        byte[] head = source.bytes(0, IHDR_END);
        if (head.length < IHDR_END) {
            throw new MediaException("truncated PNG: no IHDR chunk");
        }
        if (!Bytes.startsWith(head, 12, "IHDR") || Bytes.u32be(head, 8) != 13) {
            throw new MediaException("not a valid PNG: the first chunk is not IHDR");
        }
        long width = Bytes.u32be(head, 16);
        long height = Bytes.u32be(head, 20);
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new MediaException("not a valid PNG: size " + width + "x" + height);
        }
        if (!endsWithIend(source)) {
            throw new MediaException("truncated PNG: no IEND chunk");
        }
        return MediaInfo.image("png", (int) width, (int) height);
    }

    /** The empty IEND chunk is always the last 12 bytes; its absence is how a cut-off PNG shows. */
    private static boolean endsWithIend(ByteSource source) throws IOException {
        if (source.size() < IHDR_END + IEND_CHUNK) {
            return false;
        }
        byte[] tail = source.bytes(source.size() - IEND_CHUNK, IEND_CHUNK);
        return tail.length == IEND_CHUNK && Bytes.u32be(tail, 0) == 0 && Bytes.startsWith(tail, 4, "IEND");
    }
}
