package org.labelbench.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.labelbench.media.ByteSource;
import org.labelbench.media.MediaException;
import org.labelbench.media.MediaInfo;
import org.labelbench.media.MediaKind;
import org.labelbench.media.MediaProbe;
import org.labelbench.media.Sha256;

/**
 * Reads one candidate: hashes its bytes and probes its headers. Files up to
 * {@link #IN_MEMORY_LIMIT} are read once into memory and both hashed and probed from there (a
 * single open and read of the disk, the size taken from the open file); larger ones are hashed as
 * a stream and probed by position. It runs on many threads at once: it keeps no state per file.
 */
final class MediaFileReader {
    static final long IN_MEMORY_LIMIT = 64L << 20;

    private final MediaProbe probe = new MediaProbe();
    private final MediaKind expected;

    /** @param expected the kind a folder import asks for, or null to accept any (manifests) */
    MediaFileReader(MediaKind expected) {
        this.expected = expected;
    }

    ProbedFile read(ImportCandidate candidate) {
        String name = candidate.file().getFileName().toString();
        Optional<MediaKind> byExtension = MediaProbe.kindForFileName(name);
        if (byExtension.isEmpty()) {
            return ProbedFile.rejected(candidate, MediaProbe.unsupportedExtension(name));
        }
        if (expected != null && byExtension.get() != expected) {
            return ProbedFile.rejected(candidate, "not " + article(expected) + " file ("
                    + extensionOf(name) + " is " + kindWord(byExtension.get()) + ")");
        }
        try {
            MessageDigest sha256 = Sha256.digest();
            MediaInfo info;
            long size;
            // One open for the size and the bytes: a path-based size would resolve the path once more.
            try (FileChannel channel = FileChannel.open(candidate.file(), StandardOpenOption.READ)) {
                size = channel.size();
                if (size <= IN_MEMORY_LIMIT) {
                    byte[] content = readFully(channel, (int) size);
                    sha256.update(content);
                    info = probe.probe(name, ByteSource.of(content));
                    size = content.length;
                } else {
                    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
                    while (channel.read(buffer) > 0) {
                        buffer.flip();
                        sha256.update(buffer);
                        buffer.clear();
                    }
                    info = null;
                }
            }
            if (info == null) {
                try (ByteSource source = ByteSource.open(candidate.file())) {
                    info = probe.probe(name, source);
                }
            }
            if (expected != null && info.kind() != expected) {
                return ProbedFile.rejected(candidate, "not " + article(expected) + " file (its content is "
                        + info.format() + ")");
            }
            return new ProbedFile(candidate, size, Sha256.hex(sha256), info, null);
        } catch (MediaException e) {
            return ProbedFile.rejected(candidate, e.getMessage());
        } catch (NoSuchFileException e) {
            return ProbedFile.rejected(candidate, "file not found");
        } catch (IOException e) {
            return ProbedFile.rejected(candidate, "cannot be read: " + e.getMessage());
        }
    }

    /** The channel's bytes to its end: {@code expected} of them, unless the file changed since its size was read. */
    private static byte[] readFully(FileChannel channel, int expected) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(expected);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // a read may return fewer bytes than asked
        }
        byte[] head = buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
        if (buffer.hasRemaining()) {
            return head; // it shrank: what is there now
        }
        // The read that finds the end (as a read of the whole file makes): one byte, not a buffer per file.
        ByteBuffer probe = ByteBuffer.allocate(1);
        if (channel.read(probe) <= 0) {
            return head;
        }
        // It grew since its size was read: all of it as it is now.
        byte[] rest = Channels.newInputStream(channel).readAllBytes();
        byte[] all = Arrays.copyOf(head, head.length + 1 + rest.length);
        all[head.length] = probe.get(0);
        System.arraycopy(rest, 0, all, head.length + 1, rest.length);
        return all;
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "no extension" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static String article(MediaKind kind) {
        return kind == MediaKind.IMAGE ? "an image" : "an audio";
    }

    private static String kindWord(MediaKind kind) {
        return kind == MediaKind.IMAGE ? "an image" : "audio";
    }
}
