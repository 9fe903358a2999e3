package org.labelbench.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sample projects shipped in {@code sample-projects/}. They are opened as working copies in
 * the user's data folder, so labeling a sample never modifies the repository's files, and the
 * copy (with the user's labels) is reused the next time.
 */
public final class SampleProjects {
    private final List<Path> searchRoots;
    private final Path workingRoot;

    public SampleProjects(List<Path> searchRoots, Path workingRoot) {
        this.searchRoots = List.copyOf(searchRoots);
        this.workingRoot = workingRoot;
    }

    /** Looks in -Dlabelbench.samples, ./sample-projects and beside the jar; copies to the data folder. */
    public static SampleProjects standard() {
        List<Path> roots = new ArrayList<>();
        Optional.ofNullable(System.getProperty("labelbench.samples")).map(Path::of).ifPresent(roots::add);
        roots.add(Path.of("sample-projects"));
        jarFolder().ifPresent(jar -> {
            roots.add(jar.resolve("sample-projects"));
            if (jar.getParent() != null) {
                roots.add(jar.getParent().resolve("sample-projects"));
            }
        });
        return new SampleProjects(roots, UserFolders.data().resolve("samples"));
    }

    /** Names of the samples found, e.g. fashion-mnist, spoken-commands. */
    public List<String> available() {
        List<String> names = new ArrayList<>();
        for (Path root : searchRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> children = Files.list(root)) {
                children.filter(dir -> Files.isRegularFile(projectFileOf(dir))).map(dir -> dir.getFileName().toString())
                        .filter(name -> !names.contains(name)).sorted().forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The working copy's project file, copying the sample there first if there is no copy yet. */
    public Path workingCopy(String name) {
        Path project = projectFileOf(workingRoot.resolve(name));
        return Files.isRegularFile(project) ? project : copyInto(name, workingRoot);
    }

    /** A new copy of the sample in {@code folder} (which must not hold one yet); returns its project file. */
    public Path copyInto(String name, Path folder) {
        Path source = searchRoots.stream().map(root -> root.resolve(name))
                .filter(dir -> Files.isRegularFile(projectFileOf(dir))).findFirst()
                .orElseThrow(() -> new BadInputException("no sample project '" + name + "' (available: "
                        + String.join(", ", available()) + "; build them with sample-projects/build-samples.sh)"));
        Path target = folder.resolve(name);
        Path staging = folder.resolve(name + ".partial");
        try {
            deleteTree(staging);
            copyTree(source, staging);
            Files.move(staging, target);
        } catch (IOException e) {
            throw new BadInputException("cannot copy sample '" + name + "' to " + target + ": " + e.getMessage(), e);
        }
        return projectFileOf(target);
    }

    private static Path projectFileOf(Path sampleFolder) {
        return sampleFolder.resolve(sampleFolder.getFileName() + ProjectStore.EXTENSION);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName().toString().equals("build")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                // Live SQLite side files and locks belong to whoever has the sample open, not to the copy.
                if (!name.endsWith("-wal") && !name.endsWith("-shm") && !name.endsWith(".lock")) {
                    Files.copy(file, target.resolve(source.relativize(file).toString()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a folder and everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static Optional<Path> jarFolder() {
        try {
            Path location = Path.of(SampleProjects.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(location.getParent());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
