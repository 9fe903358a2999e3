package org.labelbench.media;

import java.io.IOException;

/** A {@link ByteSource} that counts the bytes read through it, to show a probe reads only headers. */
final class CountingByteSource implements ByteSource {
    private final ByteSource delegate;
    private long bytesRead;

    CountingByteSource(ByteSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public int read(long position, byte[] target, int offset, int length) throws IOException {
        int n = delegate.read(position, target, offset, length);
        bytesRead += n;
        return n;
    }

    long bytesRead() {
        return bytesRead;
    }
}
