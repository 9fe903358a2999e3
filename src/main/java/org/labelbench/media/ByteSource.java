package org.labelbench.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes readable by position, so one set of header parsers serves a file already read into
 * memory (small images, hashed in the same pass) and a large file read only where needed.
 */
public interface ByteSource extends AutoCloseable {
    long size();

    /** Reads up to {@code length} bytes at {@code position}; fewer only at the end. */
    int read(long position, byte[] target, int offset, int length) throws IOException;

    /** Up to {@code length} bytes at {@code position} (fewer at the end). */
    default byte[] bytes(long position, int length) throws IOException {
        long available = Math.max(0, Math.min(length, size() - position));
        byte[] result = new byte[(int) available];
        int read = read(position, result, 0, result.length);
        return read == result.length ? result : java.util.Arrays.copyOf(result, read);
    }

    @Override
    default void close() throws IOException {
    }

    static ByteSource of(byte[] content) {
        return new ByteSource() {
            @Override
            public long size() {
                return content.length;
            }

            @Override
            public int read(long position, byte[] target, int offset, int length) {
                if (position >= content.length) {
                    return 0;
                }
                int n = (int) Math.min(length, content.length - position);
                System.arraycopy(content, (int) position, target, offset, n);
                return n;
            }
        };
    }

    static ByteSource open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        long size = channel.size();
        return new ByteSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public int read(long position, byte[] target, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(target, offset, length);
                int total = 0;
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, position + total);
                    if (n <= 0) {
                        break;
                    }
                    total += n;
                }
                return total;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
