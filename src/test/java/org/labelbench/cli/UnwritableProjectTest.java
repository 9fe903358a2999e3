package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.bench.SyntheticProject;
import org.labelbench.media.Sha256;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.LiveCommand;
import org.labelbench.testing.SmallFileSystem;
import org.labelbench.testing.SqlRows;

/**
 * Issue 17: a project that cannot take a write gets one line naming the file and the reason
 * (exit 2), and loses nothing it acknowledged: a second instance on it, a read-only file system,
 * a full disk, the file deleted while a labeler writes to it.
 */
class UnwritableProjectTest {
    private static final String COMMITTED = "committed ";

    @TempDir
    Path dir;

    @Test
    void aSecondInstanceIsRefusedWhileALabelerStreams() throws Exception {
        Path project = dir.resolve("shared.lbproj");
        SyntheticProject.build(project, 5_000);
        List<String> told;
        try (LiveCommand labeler = LiveCommand.start("bench", "label-stream", project.toString(), "--items", "100000",
                "--annotator", "lab")) {
            assertThat(labeler.awaitLines(l -> l.startsWith(COMMITTED), 10, 60)).isTrue();
            CliRunner.Result second = CliRunner.run("version", "create", project.toString(), "--name", "v1");
            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err().strip()).hasLineCount(1).contains(project.getFileName().toString())
                    .contains("already open for writing by process").contains("close it there first");
            labeler.kill();
            told = labeler.committedKeys();
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(labelsOf(store, "lab")).containsAll(told);
            assertThat(SqlRows.of(store, "SELECT count(*) FROM dataset_version")).containsExactly(List.of("0"));
        }
    }

    @Test
    void aProjectOnAReadOnlyFileSystemIsRefusedForWritingAndStillReads() throws Exception {
        Path mount = dir.resolve("ro");
        Optional<SmallFileSystem> fs = SmallFileSystem.mount(mount, 1 << 20);
        assumeTrue(fs.isPresent(), "needs the right to mount a tmpfs");
        try (SmallFileSystem small = fs.get()) {
            Path source = dir.resolve("source.lbproj");
            SyntheticProject.build(source, 200);
            Path project = Files.copy(source, mount.resolve("p.lbproj"));
            small.remountReadOnly();
            String before = Sha256.of(project);
            for (String[] write : List.of(new String[] {"bench", "label-stream", project.toString(), "--items", "5"},
                    new String[] {"version", "create", project.toString(), "--name", "v1"})) {
                CliRunner.Result result = CliRunner.run(write);
                assertThat(result.exitCode()).as(String.join(" ", write)).isEqualTo(2);
                assertThat(result.err().strip()).hasLineCount(1).startsWith("error: " + project)
                        .contains("Read-only file system");
            }
            CliRunner.Result info = CliRunner.run("info", project.toString());
            assertThat(info.exitCode()).as("reading still works: %s", info.err()).isZero();
            assertThat(Sha256.of(project)).isEqualTo(before);
        }
    }

    @Test
    void aFullDiskStopsTheStreamWithAMessageAndKeepsEveryToldLabel() throws Exception {
        Path source = dir.resolve("source.lbproj");
        SyntheticProject.build(source, 200);
        Path mount = dir.resolve("small");
        // Room for the file and a few labels' worth of WAL (each commit also rewrites index pages), then no more.
        Optional<SmallFileSystem> fs = SmallFileSystem.mount(mount, Files.size(source) + 320 * 1024);
        assumeTrue(fs.isPresent(), "needs the right to mount a tmpfs");
        List<String> told;
        Path copy = dir.resolve("after.lbproj");
        try (SmallFileSystem small = fs.get()) {
            Path project = Files.copy(source, mount.resolve("p.lbproj"));
            String stderr;
            int exit;
            try (LiveCommand labeler = LiveCommand.start("bench", "label-stream", project.toString(), "--items", "200",
                    "--annotator", "zed")) {
                exit = labeler.waitFor(60);
                stderr = labeler.stderr();
                told = labeler.committedKeys();
            }
            assertThat(exit).as(stderr).isEqualTo(2);
            assertThat(stderr.strip()).hasLineCount(1).startsWith("error: " + project).contains("the disk is full")
                    .contains("this change was not stored");
            assertThat(told).as("labels told before the disk filled").isNotEmpty().hasSizeLessThan(200);
            System.out.printf("full disk: %d labels told before a %d KiB tmpfs filled%n", told.size(),
                    (Files.size(source) + 320 * 1024) / 1024);
            Files.copy(project, copy);
            Path wal = project.resolveSibling("p.lbproj-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, copy.resolveSibling("after.lbproj-wal"));
            }
        }
        try (ProjectStore store = ProjectStore.open(copy)) {
            assertThat(SqlRows.of(store, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            assertThat(labelsOf(store, "zed")).containsAll(told);
        }
    }

    @Test
    void theFileDeletedUnderALabelerIsRescuedWithEveryToldLabel() throws Exception {
        Path project = dir.resolve("doomed.lbproj");
        SyntheticProject.build(project, 5_000);
        String stderr;
        int exit;
        List<String> told;
        try (LiveCommand labeler = LiveCommand.start("bench", "label-stream", project.toString(), "--items", "100000",
                "--annotator", "lab")) {
            assertThat(labeler.awaitLines(l -> l.startsWith(COMMITTED), 20, 60)).isTrue();
            Files.delete(project);
            exit = labeler.waitFor(60);
            stderr = labeler.stderr();
            told = labeler.committedKeys();
        }
        assertThat(exit).as(stderr).isEqualTo(2);
        assertThat(stderr.strip()).hasLineCount(1).startsWith("error: " + project)
                .contains("deleted or moved while open").contains("this change was not stored")
                .contains("saved to " + project + ".rescued-");
        Path rescued = Path.of(stderr.strip().substring(stderr.strip().indexOf("saved to ") + "saved to ".length()));
        try (ProjectStore store = ProjectStore.open(rescued)) {
            assertThat(SqlRows.of(store, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            assertThat(labelsOf(store, "lab")).containsAll(told);
        }
    }

    private static Set<String> labelsOf(ProjectStore store, String annotator) {
        Set<String> keys = new HashSet<>();
        for (List<String> row : SqlRows.of(store, "SELECT i.key FROM annotation a JOIN item i ON i.id = a.item"
                + " JOIN annotator n ON n.id = a.annotator WHERE n.name = ?", annotator)) {
            keys.add(row.get(0));
        }
        return keys;
    }
}
