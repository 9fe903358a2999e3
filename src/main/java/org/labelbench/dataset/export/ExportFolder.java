package org.labelbench.dataset.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.labelbench.media.Sha256;
import org.labelbench.project.BadInputException;

/**
 * The folder an export is being written into. Every path goes through {@link #resolve}, which
 * normalises it and refuses one that leaves the folder; every file written is recorded with its
 * SHA-256 for files.sha256.
 */
final class ExportFolder {
    static final String CHECKSUMS = "files.sha256";
    private final Path root;
    /** Relative path (forward slashes) to its SHA-256, or null for files hashed when the list is written. */
    private final Map<String, String> files = new TreeMap<>();
    private final Set<Path> madeFolders = new HashSet<>();

    ExportFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** {@code relative} under the folder, its parent folders made; refused if it points anywhere outside. */
    Path resolve(String relative) throws IOException {
        Path path = root.resolve(relative).normalize();
        if (relative.isEmpty() || Path.of(relative).isAbsolute() || !path.startsWith(root) || path.equals(root)) {
            throw new BadInputException("export path '" + relative + "' would be written outside " + root);
        }
        Path parent = path.getParent();
        if (madeFolders.add(parent)) { // one createDirectories per folder, not one per file
            Files.createDirectories(parent);
        }
        return path;
    }

    /** A file the export writes itself; hashed when files.sha256 is written. */
    BufferedWriter newTextFile(String relative) throws IOException {
        Path path = resolve(relative);
        files.put(relativeName(path), null);
        return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    OutputStream newFile(String relative) throws IOException {
        Path path = resolve(relative);
        files.put(relativeName(path), null);
        return Files.newOutputStream(path);
    }

    /** Records a file written at {@code path} by someone else (the version's manifest.json). */
    void recordFile(Path path) {
        files.put(relativeName(path), null);
    }

    /** Records a media file placed at {@code path} whose content hash is known (the version's). */
    void recordMedia(Path path, String sha256) {
        files.put(relativeName(path), sha256);
    }

    /** Forward-slash path of {@code path} relative to the folder. */
    String relativeName(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /** Writes files.sha256: every recorded file, sorted by path, in sha256sum's format. */
    void writeChecksums() throws IOException {
        Path list = resolve(CHECKSUMS);
        try (BufferedWriter out = Files.newBufferedWriter(list, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                String sha = file.getValue() != null ? file.getValue() : Sha256.of(root.resolve(file.getKey()));
                out.write(sha + "  " + file.getKey() + "\n");
            }
        }
    }
}
