package org.labelbench.assist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.labelbench.media.Sha256;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;

/**
 * Where a model's files live: {@code PROJECT.models/NAME/} beside the project file, so copying
 * the project's folder copies its models. A model is written into a hidden staging folder and
 * moved into place only once its row is ready, so a cancelled or failed training leaves nothing.
 */
final class ModelFiles {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    private ModelFiles() {
    }

    static String checkName(String name) {
        String value = name == null ? "" : name.strip();
        if (!NAME.matcher(value).matches()) {
            throw new BadValueException("model name", "'" + value + "'", ": a model name is 1 to 80 letters, digits, '.', '_' or"
                    + " '-', starting with a letter or digit (it names the model's folder)");
        }
        return value;
    }

    static Path modelsFolder(Path projectFile) {
        String fileName = projectFile.getFileName().toString();
        String base = fileName.endsWith(".lbproj") ? fileName.substring(0, fileName.length() - 7) : fileName;
        return projectFile.toAbsolutePath().getParent().resolve(base + ".models");
    }

    /** The folder as stored in the model's row: relative to the project file's folder. */
    static String relative(Path projectFile, Path folder) {
        return projectFile.toAbsolutePath().getParent().relativize(folder.toAbsolutePath()).toString()
                .replace('\\', '/');
    }

    static Path staging(Path projectFile, String name) {
        try {
            Path models = Files.createDirectories(modelsFolder(projectFile));
            return Files.createTempDirectory(models, ".staging-" + name + "-");
        } catch (IOException e) {
            throw new BadInputException(modelsFolder(projectFile) + ": cannot create the models folder ("
                    + e.getMessage() + ")");
        }
    }

    /** A model file's SHA-256; one that cannot be read is refused, naming it. */
    static String hashOf(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** File name → SHA-256 of every file in the folder. */
    static Map<String, String> hashes(Path folder) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file)) {
                    hashes.put(file.getFileName().toString(), hashOf(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

    /** One file: its own SHA-256 (what sha256sum prints); several: the SHA-256 of their sha256sum lines. */
    static String modelHash(Map<String, String> hashes) {
        if (hashes.size() == 1) {
            return hashes.values().iterator().next();
        }
        StringBuilder lines = new StringBuilder();
        hashes.forEach((file, hash) -> lines.append(hash).append("  ").append(file).append('\n'));
        return Sha256.of(lines.toString());
    }

    /** Refuses a model whose files are missing or changed since they were stored. */
    static void verify(String model, Path folder, Map<String, String> stored) {
        for (Map.Entry<String, String> file : stored.entrySet()) {
            Path path = folder.resolve(file.getKey());
            if (!Files.isRegularFile(path)) {
                throw new BadInputException(path + ": model '" + model + "' is missing this file");
            }
            if (!hashOf(path).equals(file.getValue())) {
                throw new BadInputException(path + ": model '" + model + "' file changed since it was stored"
                        + " (SHA-256 differs); nothing was run");
            }
        }
    }

    static void moveIntoPlace(Path staging, Path target) {
        try {
            if (Files.exists(target)) {
                throw new BadInputException(target + ": a folder of that name is in the way; move it or choose"
                        + " another model name");
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } catch (IOException e) {
            throw new BadInputException(target + ": cannot store the model (" + e.getMessage() + ")");
        }
    }

    static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Left behind in the hidden staging area; the next training's folder has another name.
        }
    }
}
