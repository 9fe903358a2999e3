package org.labelbench.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The most recently opened project files, newest first, kept in a small text file. */
public final class RecentProjects {
    private static final int LIMIT = 10;
    private final Path file;

    public RecentProjects(Path file) {
        this.file = file;
    }

    public static RecentProjects standard() {
        return new RecentProjects(UserFolders.data().resolve("recent-projects.txt"));
    }

    /** Recent projects that still exist. */
    public List<Path> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                    .map(Path::of).filter(Files::isRegularFile).distinct().limit(LIMIT).toList();
        } catch (IOException e) {
            return List.of(); // a damaged list only costs the user their shortcuts
        }
    }

    public void remember(Path project) {
        List<Path> paths = new ArrayList<>();
        paths.add(project.toAbsolutePath().normalize());
        for (Path known : list()) {
            if (!known.equals(paths.get(0)) && paths.size() < LIMIT) {
                paths.add(known);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.write(partial, paths.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // not worth failing an open over: the list is a convenience
        }
    }
}
