package org.labelbench.project;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * Copies of a project taken through SQLite's online backup API (never a raw copy of a live file,
 * which can catch a page half-written or miss what is still in the WAL), and restoring from one.
 * Rolling backups live in {@code PROJECT.lbproj.backups/} beside the project, named
 * {@code NAME-yyyyMMdd-HHmmss-SSS.lbproj}; after each one only the newest K are kept.
 */
public final class ProjectBackups {
    public static final int DEFAULT_KEEP = 10;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** A backup just written: where, its size, how long it took, and the rolling ones pruned after it. */
    public record Backup(Path file, long bytes, double seconds, List<Path> pruned) {
    }

    /** Whether a backup was due: the one just made, or the newest one, young enough that none was. */
    public record Scheduled(Optional<Backup> made, Optional<Path> newest) {
    }

    /** A restore: the file restored from, and the rolling backup of what the project held before it (none if it was missing). */
    public record Restored(Path project, Path from, Optional<Path> previous, double seconds) {
    }

    /** The folder of {@code project}'s rolling backups. */
    public static Path folderOf(Path project) {
        Path target = project.toAbsolutePath().normalize();
        return target.resolveSibling(target.getFileName() + ".backups");
    }

    /** The rolling backups of {@code project}, newest first. */
    public List<Path> list(Path project) {
        Path folder = folderOf(project);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Pattern name = rollingName(project);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches())
                    .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * Backs {@code project} up to {@code to}, or (null) as a new rolling backup, keeping the newest
     * {@code keep}. Works while the workbench holds the project open: it reads only.
     */
    public Backup backup(Path project, Path to, int keep) {
        requireKeep(keep);
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            return backup(store, to, keep);
        }
    }

    /**
     * A rolling backup when the newest is older than {@code interval} (or there is none): what a
     * timer (cron, a systemd timer, the Task Scheduler) runs often, so the user's schedule is the interval.
     */
    public Scheduled backupIfOlderThan(Path project, Duration interval, int keep) {
        requireKeep(keep);
        List<Path> existing = list(project);
        if (!existing.isEmpty()) {
            try {
                Instant newest = Files.getLastModifiedTime(existing.get(0)).toInstant();
                if (Duration.between(newest, Instant.now()).compareTo(interval) < 0) {
                    return new Scheduled(Optional.empty(), Optional.of(existing.get(0)));
                }
            } catch (IOException e) {
                throw new BadInputException(existing.get(0) + ": cannot be read: " + e.getMessage(), e);
            }
        }
        Backup made = backup(project, null, keep);
        return new Scheduled(Optional.of(made), Optional.of(made.file()));
    }

    private Backup backup(ProjectStore store, Path to, int keep) {
        long start = System.nanoTime();
        Path project = store.file();
        Path target;
        if (to != null) {
            target = to.toAbsolutePath().normalize();
            if (Files.exists(target)) {
                throw new BadInputException(target + ": already exists; a backup never overwrites a file");
            }
            if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
                throw new BadInputException(target + ": folder " + target.getParent() + " does not exist");
            }
        } else {
            Path folder = folderOf(project);
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new BadInputException(folder + ": cannot create the backup folder: " + e.getMessage(), e);
            }
            target = freshRollingName(project, folder);
        }
        // Written under a temporary name and moved into place: a backup cut short never looks whole.
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            store.backupTo(partial);
            moveIntoPlace(partial, target);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new BadInputException(target + ": cannot write the backup: " + e.getMessage(), e);
        } catch (StoreException e) {
            deleteQuietly(partial);
            throw new BadInputException(target + ": cannot write the backup: " + firstLine(e), e);
        }
        List<Path> pruned = to == null ? prune(project, keep) : List.of();
        long bytes;
        try {
            bytes = Files.size(target);
        } catch (IOException e) {
            bytes = -1;
        }
        return new Backup(target, bytes, (System.nanoTime() - start) / 1e9, pruned);
    }

    /**
     * Replaces {@code project}'s content with {@code from}'s, after taking a rolling backup of what
     * it holds now. Refuses, changing nothing, a file that is not a Labelbench project, is from a
     * newer Labelbench, or fails {@code PRAGMA integrity_check}; and a project open elsewhere. A
     * missing project file is recreated from the backup.
     */
    public Restored restore(Path project, Path from, int keep) {
        requireKeep(keep);
        long start = System.nanoTime();
        Path source = from.toAbsolutePath().normalize();
        Path target = project.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new BadInputException(source + ": no such backup file");
        }
        if (Files.exists(target) && sameFile(source, target)) {
            throw new BadInputException(source + ": is the project itself; name a backup of it");
        }
        requireSoundProject(source);
        Optional<Path> previous = Optional.empty();
        if (Files.exists(target)) {
            try (ProjectStore store = ProjectStore.open(target)) {
                previous = Optional.of(backup(store, null, keep).file());
                store.restoreFrom(source);
            }
        } else {
            if (!target.getFileName().toString().endsWith(ProjectStore.EXTENSION)) {
                throw new BadInputException(target + ": a project file name must end with " + ProjectStore.EXTENSION);
            }
            if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
                throw new BadInputException(target + ": folder " + target.getParent() + " does not exist");
            }
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            try (Connection c = readOnly(source)) {
                Files.deleteIfExists(partial);
                SqlDialect.of(c).backup(c, partial);
                moveIntoPlace(partial, target);
            } catch (SQLException | IOException e) {
                deleteQuietly(partial);
                throw new BadInputException(target + ": cannot be written from " + source + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
            }
        }
        // Opening it once migrates a backup made by an older Labelbench and checks what was restored.
        try (ProjectStore restored = ProjectStore.open(target)) {
            restored.schemaVersion();
        }
        return new Restored(target, source, previous, (System.nanoTime() - start) / 1e9);
    }

    /** A Labelbench project, of a schema this app can open, that passes SQLite's integrity check. */
    private static void requireSoundProject(Path source) {
        ProjectFileCheck.requireProject(source);
        try (Connection c = readOnly(source); Statement s = c.createStatement()) {
            int version = ProjectStore.userVersion(c);
            int latest = Migrations.builtIn().latestVersion();
            if (version < 1) {
                throw new BadInputException(source + ": not a Labelbench project (no project schema); not restored");
            }
            if (version > latest) {
                throw new BadInputException(source + ": made by a newer Labelbench (schema " + version
                        + "; this app knows up to " + latest + "); not restored");
            }
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check(5)")) {
                while (rs.next()) {
                    problems.add(rs.getString(1));
                }
            }
            if (!problems.equals(List.of("ok"))) {
                throw new BadInputException(source + ": fails SQLite's integrity check (" + problems.get(0)
                        + (problems.size() > 1 ? ", and more" : "") + "); not restored");
            }
        } catch (SQLException e) {
            throw new BadInputException(source + ": cannot be read as a project ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); not restored", e);
        }
    }

    /**
     * A backup file carries its source's WAL flag, so an ordinary read-only open would leave a WAL
     * and its index beside it; with no WAL there, immutable reads it leaving nothing. A file with a
     * WAL (a live project given as the backup) is read the ordinary way, so its newest pages count.
     */
    private static Connection readOnly(Path file) throws SQLException {
        SqliteNativeCache.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        boolean hasWal = Files.exists(file.resolveSibling(file.getFileName() + "-wal"));
        return DriverManager.getConnection(hasWal ? "jdbc:sqlite:" + file
                : "jdbc:sqlite:" + file.toUri() + "?immutable=1", config.toProperties());
    }

    private List<Path> prune(Path project, int keep) {
        List<Path> all = list(project);
        List<Path> pruned = new ArrayList<>();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
                pruned.add(old);
            } catch (IOException e) {
                throw new BadInputException(old + ": cannot delete an old backup: " + e.getMessage(), e);
            }
        }
        return pruned;
    }

    private static Path freshRollingName(Path project, Path folder) {
        String stem = stem(project);
        String stamp = LocalDateTime.now().format(STAMP);
        Path candidate = folder.resolve(stem + "-" + stamp + ProjectStore.EXTENSION);
        for (int n = 1; Files.exists(candidate); n++) {
            // Two backups in one millisecond: the later one sorts after by a suffix of digits.
            candidate = folder.resolve(stem + "-" + stamp + String.format("%03d", n) + ProjectStore.EXTENSION);
        }
        return candidate;
    }

    private static Pattern rollingName(Path project) {
        return Pattern.compile(Pattern.quote(stem(project)) + "-\\d{8}-\\d{6}-\\d{3,}" + Pattern.quote(
                ProjectStore.EXTENSION));
    }

    private static String stem(Path project) {
        String name = project.toAbsolutePath().normalize().getFileName().toString();
        return name.endsWith(ProjectStore.EXTENSION) ? name.substring(0, name.length()
                - ProjectStore.EXTENSION.length()) : name;
    }

    private static void requireKeep(int keep) {
        if (keep < 1 || keep > 1000) {
            throw new BadValueException("keep", String.valueOf(keep), ": expected 1 to 1000 backups");
        }
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the error that got here is the one to report
        }
    }

    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
}
