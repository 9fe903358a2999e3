package org.labelbench.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Bytes readable by position, so one set of header parsers serves a file already read into
 * memory (small files, hashed in the same pass) and a large file read only where its headers are.
 */
public interface ByteSource extends AutoCloseable {

    /** The content's length in bytes. */
    long size();

    /**
     * Reads up to {@code length} bytes at {@code position} into {@code target}; returns how many,
     * fewer than {@code length} only at the end of the content (0 at or past it).
     */
    int read(long position, byte[] target, int offset, int length) throws IOException;

    /** Up to {@code length} bytes at {@code position}: fewer at the end, none past it. */
    default byte[] bytes(long position, int length) throws IOException {
        if (position < 0 || length < 0) {
            throw new IndexOutOfBoundsException("position " + position + ", length " + length);
        }
        byte[] result = new byte[(int) Math.max(0, Math.min(length, size() - position))];
        int read = read(position, result, 0, result.length);
        return read == result.length ? result : Arrays.copyOf(result, read);
    }

    /** Releases the file behind the content; a no-op for content in memory. */
    @Override
    default void close() throws IOException {
    }

    /** Content already in memory (not copied: do not change the array while reading). */
    static ByteSource of(byte[] content) {
        return new ArrayByteSource(content);
    }

    /** A file read by position on demand; close it when done. */
    static ByteSource open(Path file) throws IOException {
        return new FileByteSource(file);
    }
}
