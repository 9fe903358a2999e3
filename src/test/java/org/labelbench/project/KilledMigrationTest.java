package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.KilledCommand;
import org.labelbench.testing.SqlRows;

/**
 * Issue 17: a project of the first schema, opened (and so backed up, then migrated) by a command
 * that is killed with SIGKILL at seeded random moments. Afterwards the file is at the old schema or
 * the newest, never in between, passes {@code PRAGMA integrity_check} and holds every item; and
 * any backup beside it under a backup's name is whole (a cut-short one keeps its .partial name).
 */
class KilledMigrationTest {
    private static final int ITEMS = 100_000;

    @TempDir
    Path dir;

    @Test
    void aKilledMigrationLeavesTheOldSchemaOrTheNewOneAndOnlyWholeBackups() throws Exception {
        Migrations first = Migrations.of(List.of(Migrations.builtIn().steps().get(0)));
        int latest = Migrations.builtIn().latestVersion();
        Random random = new Random(17);
        int migrated = 0;
        int cutShort = 0;
        for (int round = 0; round < 5; round++) {
            Path file = dir.resolve("old-" + round + ".lbproj");
            try (ProjectStore store = ProjectStore.create(file, new ProjectSettings("old", List.of("cat", "dog"),
                    false), first)) {
                store.write(tx -> {
                    try (Statement s = tx.connection().createStatement()) {
                        s.executeUpdate("INSERT INTO import_batch (id, source, kind, started, finished, added,"
                                + " already_present, duplicates, skipped, copied, options, app_version) VALUES"
                                + " (1, 'x', 'images', 't', 't', " + ITEMS + ", 0, 0, 0, 0, '{}', 'test')");
                        s.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                                + ITEMS + ") INSERT INTO item (id, key, media, format, path, sha256, bytes, width,"
                                + " height, import_batch) SELECT i, printf('img/%07d.png', i), 'image', 'png',"
                                + " printf('media/%07d.png', i), printf('%064x', i), 1000 + i, 28, 28, 1 FROM n");
                    }
                    return null;
                });
            }
            KilledCommand.Outcome outcome = KilledCommand.run(100 + random.nextInt(900), null, "bench",
                    "label-stream", file.toString(), "--items", "1000000");
            int version;
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
                version = ProjectStore.userVersion(c);
            }
            assertThat(version).as("round %d (killed alive: %s)", round, outcome.killedAlive()).isIn(1, latest);
            migrated += version == latest ? 1 : 0;
            cutShort += partials(file);
            for (Path backup : backupsOf(file)) {
                try (ProjectStore copy = ProjectStore.open(backup, first)) {
                    assertThat(SqlRows.of(copy, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
                    assertThat(SqlRows.of(copy, "SELECT count(*) FROM item")).containsExactly(List.of("" + ITEMS));
                }
            }
            try (ProjectStore store = ProjectStore.open(file)) {
                assertThat(store.schemaVersion()).isEqualTo(latest);
                assertThat(SqlRows.of(store, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
                assertThat(SqlRows.of(store, "SELECT count(*) FROM item")).containsExactly(List.of("" + ITEMS));
            }
        }
        System.out.printf("migration: 5 kills, %d found migrated, the rest at schema 1; %d backups cut short%n",
                migrated, cutShort);
    }

    private static int partials(Path file) throws Exception {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return (int) files.filter(f -> f.getFileName().toString().startsWith(file.getFileName() + ".backup-v")
                    && f.getFileName().toString().endsWith(".partial")).count();
        }
    }

    private static List<Path> backupsOf(Path file) throws Exception {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(file.getFileName() + ".backup-v"))
                    .filter(f -> !f.getFileName().toString().contains(".partial")).toList(); // and its -journal
        }
    }
}
