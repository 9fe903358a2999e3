package org.labelbench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
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
 * single read of the disk); larger ones are hashed as a stream and probed by position.
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
            long size = Files.size(candidate.file());
            MessageDigest sha256 = Sha256.digest();
            MediaInfo info;
            if (size <= IN_MEMORY_LIMIT) {
                byte[] content = Files.readAllBytes(candidate.file());
                sha256.update(content);
                info = probe.probe(name, ByteSource.of(content));
                size = content.length;
            } else {
                try (InputStream in = Files.newInputStream(candidate.file())) {
                    byte[] buffer = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        sha256.update(buffer, 0, n);
                    }
                }
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
