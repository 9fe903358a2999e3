package org.labelbench.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link ByteSource} over a file, read with positional reads so that only the headers of a
 * large file are touched. The size is taken once, when the file is opened.
 */
final class FileByteSource implements ByteSource {
    private final FileChannel channel;
    private final long size;

    FileByteSource(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            this.size = channel.size();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(long position, byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (position < 0) {
            throw new IndexOutOfBoundsException("negative position " + position);
        }
        ByteBuffer buffer = ByteBuffer.wrap(target, offset, length);
        int total = 0;
        while (buffer.hasRemaining()) { // a positional read may return fewer bytes than asked
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
}
