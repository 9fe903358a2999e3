package org.labelbench.media;

import java.util.Objects;

/** A {@link ByteSource} over a byte array. */
final class ArrayByteSource implements ByteSource {
    private final byte[] content;

    ArrayByteSource(byte[] content) {
        this.content = Objects.requireNonNull(content, "content");
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public int read(long position, byte[] target, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (position < 0) {
            throw new IndexOutOfBoundsException("negative position " + position);
        }
        if (position >= content.length) {
            return 0;
        }
        int n = (int) Math.min(length, content.length - position);
        System.arraycopy(content, (int) position, target, offset, n);
        return n;
    }
}
