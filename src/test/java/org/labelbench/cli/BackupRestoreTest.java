package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.bench.LabelStream;
import org.labelbench.bench.SyntheticProject;
import org.labelbench.labeling.LabelDecision;
import org.labelbench.labeling.LabelingSession;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.media.Sha256;
import org.labelbench.project.ProjectBackups;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/** Issue 17: rolling backups through SQLite's backup API, and restore from one. */
class BackupRestoreTest {
    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileTheProjectIsOpenAndWrittenHoldsEveryCommittedLabel() throws Exception {
        Path project = project("live.lbproj");
        try (ProjectStore open = ProjectStore.open(project)) {
            // Labels committed by the open store sit in its WAL: a raw copy of the file would miss them.
            new QueueService().create(open, new QueueDefinition("q", QueueScope.all(), QueueStrategy.SEQUENTIAL, 1, 0,
                    List.of()), "lead");
            try (LabelingSession session = LabelingSession.open(open, "q", "lab", "labeler")) {
                LabelDecision cat = LabelDecision.single(session.schema().byName("cat").orElseThrow());
                for (int i = 0; i < 25; i++) {
                    session.submit(cat);
                }
            }
            CliRunner.Result result = CliRunner.run("backup", project.toString(), "--json");
            assertThat(result.exitCode()).as(result.err()).isZero();
            Path backup = new ProjectBackups().list(project).get(0);
            assertThat(backup.getParent()).isEqualTo(ProjectBackups.folderOf(project));
            assertThat(result.out()).contains(backup.toString());
            try (ProjectStore copy = ProjectStore.open(backup)) {
                assertThat(SqlRows.of(copy, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
                assertThat(labels(copy, "lab")).isEqualTo(25);
            }
        }
    }

    @Test
    void rollingBackupsKeepTheNewestKAndTheTimerFormSkipsAYoungOne() {
        Path project = project("roll.lbproj");
        for (int i = 0; i < 4; i++) {
            assertThat(CliRunner.run("backup", project.toString(), "--keep", "2").exitCode()).isZero();
        }
        List<Path> kept = new ProjectBackups().list(project);
        assertThat(kept).hasSize(2);
        CliRunner.Result skipped = CliRunner.run("backup", project.toString(), "--if-older-than", "1h", "--json");
        assertThat(skipped.out()).contains("\"backed_up\" : false").contains(kept.get(0).toString());
        assertThat(new ProjectBackups().list(project)).isEqualTo(kept);
        CliRunner.Result bad = CliRunner.run("backup", project.toString(), "--keep", "0");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("error: --keep 0: expected 1 to 1000 backups");
    }

    @Test
    void restoreBringsBackTheBackupAndKeepsTheCurrentContentAsABackupFirst() throws Exception {
        Path project = project("undo.lbproj");
        assertThat(CliRunner.run("backup", project.toString()).exitCode()).isZero();
        Path backup = new ProjectBackups().list(project).get(0);
        new LabelStream().run(project, 30, "late", key -> { });

        CliRunner.Result result = CliRunner.run("restore", project.toString(), "--from", backup.toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Path> after = new ProjectBackups().list(project);
        assertThat(after).hasSize(2);
        Path previous = after.get(0);
        assertThat(result.out()).contains(previous.toString());
        try (ProjectStore restored = ProjectStore.open(project)) {
            assertThat(SqlRows.of(restored, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            assertThat(labels(restored, "late")).as("labels made after the backup are gone").isZero();
        }
        try (ProjectStore kept = ProjectStore.open(previous)) {
            assertThat(labels(kept, "late")).as("and kept in the backup taken before the restore").isEqualTo(30);
        }
        assertThat(Files.list(backup.getParent()).map(p -> p.getFileName().toString()))
                .as("reading a backup leaves nothing beside it").noneMatch(n -> n.endsWith("-wal") || n.endsWith("-shm"));
    }

    @Test
    void restoreRefusesWhatIsNotASoundProjectAndChangesNothing() throws Exception {
        Path project = project("keep.lbproj");
        String before = Sha256.of(project);
        Path picture = Files.write(dir.resolve("not-a-project.lbproj"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2});
        Path truncated = dir.resolve("truncated.lbproj");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(project), (int) Files.size(project) / 3));
        Path missing = dir.resolve("missing.lbproj");
        for (Path from : List.of(picture, truncated, missing, project)) {
            CliRunner.Result result = CliRunner.run("restore", project.toString(), "--from", from.toString());
            assertThat(result.exitCode()).as(from.toString()).isEqualTo(2);
            assertThat(result.err().strip()).hasLineCount(1).startsWith("error: " + from);
        }
        assertThat(Sha256.of(project)).isEqualTo(before);
        assertThat(new ProjectBackups().list(project)).as("no backup was taken for a refused restore").isEmpty();
    }

    @Test
    void restoreRefusesAProjectOpenElsewhere() {
        Path project = project("busy.lbproj");
        assertThat(CliRunner.run("backup", project.toString()).exitCode()).isZero();
        Path backup = new ProjectBackups().list(project).get(0);
        try (ProjectStore open = ProjectStore.open(project)) {
            CliRunner.Result result = CliRunner.run("restore", project.toString(), "--from", backup.toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err().strip()).hasLineCount(1).contains("busy.lbproj").contains("already open");
        }
    }

    @Test
    void restoreRecreatesAMissingProjectFile() throws Exception {
        Path project = project("lost.lbproj");
        assertThat(CliRunner.run("backup", project.toString()).exitCode()).isZero();
        Path backup = new ProjectBackups().list(project).get(0);
        Files.delete(project);
        CliRunner.Result result = CliRunner.run("restore", project.toString(), "--from", backup.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (ProjectStore restored = ProjectStore.open(project)) {
            assertThat(SqlRows.of(restored, "SELECT count(*) FROM item")).containsExactly(List.of("300"));
        }
    }

    private Path project(String name) {
        Path project = dir.resolve(name);
        SyntheticProject.build(project, 300);
        return project;
    }

    private static int labels(ProjectStore store, String annotator) {
        return Integer.parseInt(SqlRows.of(store, "SELECT count(*) FROM annotation a JOIN annotator n"
                + " ON n.id = a.annotator WHERE n.name = ?", annotator).get(0).get(0));
    }
}
