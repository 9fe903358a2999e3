package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.bench.SyntheticProject;
import org.labelbench.media.Sha256;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.KilledCommand;
import org.labelbench.testing.LiveCommand;
import org.labelbench.testing.SqlRows;
import org.labelbench.testing.TestMedia;

/**
 * Issue 17: {@code import} and {@code version create} killed with SIGKILL at seeded random
 * moments. The project opens afterwards, passes {@code PRAGMA integrity_check}, and the
 * interrupted import batch or version is whole or absent: every stored batch holds as many items
 * as it says it added, every stored version as many entries as its item count.
 */
class KilledWriteTest {
    @TempDir
    Path dir;

    @Test
    void aKilledImportLeavesItsBatchWholeOrAbsent() throws Exception {
        for (int i = 0; i < 1500; i++) {
            TestMedia.png(dir.resolve("images/" + i + ".png"), 24, 24, i);
        }
        // Even rounds: delays from the JVM's start to past the import's end (about 2.4 s here). Odd
        // rounds: the moment its one transaction starts writing the WAL, whatever the load.
        Random random = new Random(17);
        int killedAlive = 0;
        int absent = 0;
        for (int round = 0; round < 6; round++) {
            Path project = dir.resolve("import-" + round + ".lbproj");
            assertThat(CliRunner.run("init", project.toString(), "--name", "p").exitCode()).isZero();
            long delay = 300 + random.nextInt(3300);
            String[] command = {"import", project.toString(), "--images", dir.resolve("images").toString()};
            boolean alive = round % 2 == 0 ? KilledCommand.run(delay, null, command).killedAlive()
                    : killAsTheWalGrows(project, command);
            killedAlive += alive ? 1 : 0;
            try (ProjectStore store = ProjectStore.open(project)) {
                assertThat(SqlRows.of(store, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
                List<List<String>> batches = SqlRows.of(store, "SELECT b.added, (SELECT count(*) FROM item i"
                        + " WHERE i.import_batch = b.id) FROM import_batch b");
                assertThat(batches).as("round %d: one batch or none", round).hasSizeLessThanOrEqualTo(1);
                if (batches.isEmpty()) {
                    absent++;
                    assertThat(SqlRows.of(store, "SELECT count(*) FROM item")).containsExactly(List.of("0"));
                } else {
                    assertThat(batches.get(0)).as("round %d: the batch is whole", round)
                            .containsExactly("1500", "1500");
                }
            }
        }
        System.out.printf("import: 6 kills, %d while running, %d batches absent%n", killedAlive, absent);
        assertThat(killedAlive).as("kills that came while the import ran").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aKilledVersionCreateLeavesTheVersionWholeOrAbsent() throws Exception {
        Path project = dir.resolve("versions.lbproj");
        SyntheticProject.build(project, 10_000);
        // Even rounds: delays up to past a whole create (about 3 s here); odd rounds: as it writes the WAL.
        Random random = new Random(17);
        int killedAlive = 0;
        for (int round = 0; round < 6; round++) {
            long delay = 300 + random.nextInt(4200);
            String[] command = {"version", "create", project.toString(), "--name", "v" + round};
            boolean alive = round % 2 == 0 ? KilledCommand.run(delay, null, command).killedAlive()
                    : killAsTheWalGrows(project, command);
            killedAlive += alive ? 1 : 0;
            try (ProjectStore store = ProjectStore.open(project)) {
                assertThat(SqlRows.of(store, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
                for (List<String> version : SqlRows.of(store, "SELECT v.name, v.item_count, (SELECT count(*)"
                        + " FROM version_item e WHERE e.version = v.id) FROM dataset_version v")) {
                    assertThat(version.subList(1, 3)).as("version %s is whole", version.get(0))
                            .containsExactly("10000", "10000");
                }
            }
        }
        int stored;
        try (ProjectStore store = ProjectStore.open(project)) {
            stored = Integer.parseInt(SqlRows.of(store, "SELECT count(*) FROM dataset_version").get(0).get(0));
        }
        System.out.printf("version create: 6 kills, %d while running, %d versions stored whole%n", killedAlive,
                stored);
        assertThat(killedAlive).as("kills that came while version create ran").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aKilledExportLeavesItsFolderWholeOrAbsentAndRecordsOnlyAWholeOne() throws Exception {
        for (int i = 0; i < 1500; i++) {
            TestMedia.png(dir.resolve("images/" + i + ".png"), 24, 24, i);
        }
        Path project = dir.resolve("export.lbproj");
        assertThat(CliRunner.run("init", project.toString(), "--name", "p", "--classes", "a,b").exitCode()).isZero();
        assertThat(CliRunner.run("import", project.toString(), "--images", dir.resolve("images").toString())
                .exitCode()).isZero();
        assertThat(CliRunner.run("version", "create", project.toString(), "--name", "v1").exitCode()).isZero();
        // Even rounds: delays from the JVM's start to past a whole copying export (about 3 s here).
        // Odd rounds: up to 0.1 s after its OUT.partial-* folder appears, whatever the load (the copies
        // run on several threads, so a whole export of these files can take well under a second).
        Random random = new Random(17);
        int killedAlive = 0;
        int whole = 0;
        int leftovers = 0;
        for (int round = 0; round < 6; round++) {
            Path out = dir.resolve("out-" + round);
            long delay = 300 + random.nextInt(3000);
            long intoCopy = random.nextInt(100);
            String[] command = {"export", project.toString(), "--version", "v1", "--format", "csv", "--out",
                out.toString(), "--copy"};
            boolean alive = round % 2 == 0 ? KilledCommand.run(delay, null, command).killedAlive()
                    : killInsideThePartialFolder(out, intoCopy, command);
            killedAlive += alive ? 1 : 0;
            try (ProjectStore store = ProjectStore.open(project)) {
                assertThat(SqlRows.of(store, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
                List<List<String>> recorded = SqlRows.of(store, "SELECT files_sha256 FROM version_export"
                        + " WHERE folder = ?", out.toAbsolutePath().toString());
                assertThat(recorded).as("round %d: recorded at most once", round).hasSizeLessThanOrEqualTo(1);
                if (Files.exists(out)) {
                    whole++;
                    assertThatEveryListedFileMatches(out);
                }
                if (!recorded.isEmpty()) {
                    assertThat(out).as("round %d: a recorded export's folder is there", round).isDirectory();
                    assertThat(Sha256.of(out.resolve("files.sha256"))).isEqualTo(recorded.get(0).get(0));
                }
            }
            try (Stream<Path> files = Files.list(dir)) {
                leftovers = (int) files.filter(f -> f.getFileName().toString().startsWith("out-")
                        && f.getFileName().toString().contains(".partial-")).count();
            }
        }
        System.out.printf("export: 6 kills, %d while running, %d folders whole, %d partial folders left beside%n",
                killedAlive, whole, leftovers);
        assertThat(killedAlive).as("kills that came while the export ran").isGreaterThanOrEqualTo(3);
    }

    /** files.sha256 lists every file as sha256sum does; each must be there with that hash. */
    private static void assertThatEveryListedFileMatches(Path out) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("files.sha256"));
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            int gap = line.indexOf("  ");
            Path file = out.resolve(line.substring(gap + 2));
            assertThat(Sha256.of(file)).as(line).isEqualTo(line.substring(0, gap));
        }
    }

    /** Kills the export {@code afterMillis} after its partial folder beside {@code out} appears. */
    private boolean killInsideThePartialFolder(Path out, long afterMillis, String... command) throws Exception {
        try (LiveCommand running = LiveCommand.start(command)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && running.isAlive()) {
                boolean started;
                try (Stream<Path> files = Files.list(dir)) {
                    started = files.anyMatch(f -> f.getFileName().toString().startsWith(out.getFileName() + ".partial-"));
                }
                if (started) {
                    Thread.sleep(afterMillis);
                    boolean alive = running.isAlive();
                    running.kill();
                    return alive;
                }
                Thread.sleep(1);
            }
            return false;
        }
    }

    /**
     * Runs the command and kills it (SIGKILL) as soon as the project's WAL grows: its write
     * transaction is spilling or committing. Returns whether it was still running then.
     */
    private static boolean killAsTheWalGrows(Path project, String... command) throws Exception {
        Path wal = project.resolveSibling(project.getFileName() + "-wal");
        long before = Files.exists(wal) ? Files.size(wal) : 0;
        try (LiveCommand running = LiveCommand.start(command)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && running.isAlive()) {
                if (Files.exists(wal) && sizeOf(wal) > before) {
                    running.kill();
                    return true;
                }
                Thread.onSpinWait();
            }
            return false;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException gone) {
            return 0;
        }
    }
}
