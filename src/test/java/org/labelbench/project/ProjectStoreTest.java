package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {
    @TempDir
    Path dir;

    private Path newProject(String... classes) {
        Path file = dir.resolve("p.lbproj");
        ProjectStore.create(file, new ProjectSettings("Test", List.of(classes), false)).close();
        return file;
    }

    @Test
    void aNewProjectIsWalWithForeignKeysAtTheLatestSchema() {
        Path file = newProject("cat", "dog");
        try (ProjectStore store = ProjectStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.builtIn().latestVersion());
            assertThat(store.<String>read(tx -> pragma(tx, "journal_mode"))).isEqualTo("wal");
            assertThat(store.<String>write(tx -> pragma(tx, "foreign_keys"))).isEqualTo("1");
            ProjectOverview overview = ProjectOverview.of(store);
            assertThat(overview.name()).isEqualTo("Test");
            assertThat(overview.classes()).containsExactly("cat", "dog");
        }
    }

    @Test
    void classesGetHotkeysInDigitRowOrder() {
        Path file = newProject("a", "b", "c");
        try (ProjectStore store = ProjectStore.open(file)) {
            List<LabelClass> classes = store.read(tx -> new LabelClassRepository().list(tx));
            assertThat(classes).extracting(LabelClass::hotkey).containsExactly("1", "2", "3");
        }
    }

    @Test
    void createRefusesAnExistingFileAndBadNames() throws Exception {
        Path file = newProject();
        assertThatThrownBy(() -> ProjectStore.create(file, new ProjectSettings("x", List.of(), false)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> ProjectStore.create(dir.resolve("x.db"), new ProjectSettings("x", List.of(), false)))
                .hasMessageContaining("must end with .lbproj");
        assertThatThrownBy(() -> LabelClassRepository.parseList("cat,,dog")).hasMessage("a class name is empty");
        assertThatThrownBy(() -> LabelClassRepository.parseList("cat,Cat")).hasMessageContaining("listed twice");
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedWithItsName() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.lbproj"), "hello, this is not a database at all".repeat(50));
        assertThatThrownBy(() -> ProjectStore.open(text)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("notes.lbproj").hasMessageContaining("not a Labelbench project");
        assertThatThrownBy(() -> ProjectStore.open(dir.resolve("missing.lbproj")))
                .hasMessageContaining("no such project file");
    }

    @Test
    void anotherApplicationsSqliteFileIsRefusedAndLeftAsItWas() throws Exception {
        Path plain = dir.resolve("contacts.sqlite");
        Path marked = dir.resolve("other-app.lbproj");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + plain);
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE contact (name TEXT)");
            s.executeUpdate("INSERT INTO contact VALUES ('ana')");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + marked);
                Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA application_id = 1234");
            s.executeUpdate("CREATE TABLE project_meta (name TEXT)");
        }
        Path text = Files.writeString(dir.resolve("notes.txt"), "just some notes");
        Path empty = Files.createFile(dir.resolve("empty.lbproj"));
        for (Path file : List.of(plain, marked, text, empty)) {
            byte[] before = Files.readAllBytes(file);
            List<String> siblingsBefore = folderListing();
            assertThatThrownBy(() -> ProjectStore.open(file)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(file.toAbsolutePath().toString())
                    .hasMessageContaining("not a Labelbench project");
            assertThatThrownBy(() -> ProjectStore.openReadOnly(file)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("not a Labelbench project");
            assertThat(Files.readAllBytes(file)).as(file + " unchanged").isEqualTo(before);
            assertThat(folderListing()).as("nothing created beside " + file).isEqualTo(siblingsBefore);
        }
        assertThatThrownBy(() -> ProjectStore.open(plain)).hasMessageContaining("without Labelbench's tables");
        assertThatThrownBy(() -> ProjectStore.open(marked)).hasMessageContaining("application_id 0x000004D2");
        assertThatThrownBy(() -> ProjectStore.open(empty)).hasMessageContaining("the file is empty");
    }

    @Test
    void aProjectIsMarkedWithItsApplicationIdAndLeavesNoLockWhenClosed() throws Exception {
        Path file = newProject("cat");
        assertThat(applicationId(file)).isEqualTo(ProjectFileCheck.APPLICATION_ID);
        try (ProjectStore store = ProjectStore.open(file)) {
            assertThat(ProjectLock.lockFileOf(file)).exists();
        }
        assertThat(ProjectLock.lockFileOf(file)).doesNotExist();
        assertThat(folderListing()).containsExactly("p.lbproj");
    }

    @Test
    void aProjectMadeBeforeTheMarkIsRecognisedByItsTablesAndMarkedOnOpen() throws Exception {
        Path file = newProject("cat");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA application_id = 0");
            s.executeUpdate("PRAGMA journal_mode = DELETE");
        }
        assertThat(applicationId(file)).isZero();
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            assertThat(ProjectOverview.of(store).classes()).containsExactly("cat");
        }
        assertThat(applicationId(file)).as("a read-only open marks nothing").isZero();
        ProjectStore.open(file).close();
        assertThat(applicationId(file)).isEqualTo(ProjectFileCheck.APPLICATION_ID);
    }

    private List<String> folderListing() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static int applicationId(Path file) throws Exception {
        return java.nio.ByteBuffer.wrap(Files.readAllBytes(file), 68, 4).getInt();
    }

    @Test
    void aSecondWriterIsRefusedAndReadersAreNot() {
        Path file = newProject("cat");
        try (ProjectStore first = ProjectStore.open(file)) {
            assertThatThrownBy(() -> ProjectStore.open(file)).isInstanceOf(ProjectLockedException.class)
                    .hasMessageContaining("already open for writing");
            first.write(tx -> new AnnotatorRepository().findOrCreate(tx, "ana", "labeler"));
            try (ProjectStore reader = ProjectStore.openReadOnly(file)) {
                assertThat(ProjectOverview.of(reader).annotators()).isEqualTo(1);
            }
        }
        try (ProjectStore again = ProjectStore.open(file)) {
            assertThat(again.isReadOnly()).isFalse();
        }
    }

    @Test
    void aSecondProcessIsRefusedWhileTheProjectIsOpen() throws Exception {
        Path file = newProject("cat");
        Path labels = Files.writeString(dir.resolve("labels.csv"), "item,annotator,label\n");
        try (ProjectStore held = ProjectStore.open(file)) {
            // A refused second open in this process must not release the OS lock the first one holds.
            assertThatThrownBy(() -> ProjectStore.open(file)).isInstanceOf(ProjectLockedException.class)
                    .hasMessageContaining("already open for writing by this process");
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.labelbench.Main", "labels", "import",
                    file.toString(), "--file", labels.toString()).redirectErrorStream(true).start();
            String output = new String(other.getInputStream().readAllBytes());
            assertThat(other.waitFor()).isEqualTo(2);
            assertThat(output).contains("p.lbproj: already open for writing by process");
        }
    }

    @Test
    void aFailedWriteChangesNothing() {
        Path file = newProject();
        try (ProjectStore store = ProjectStore.open(file)) {
            assertThatThrownBy(() -> store.write(tx -> {
                new AnnotatorRepository().findOrCreate(tx, "ana", "labeler");
                throw new BadInputException("stop");
            })).hasMessage("stop");
            assertThat(store.<List<Annotator>>read(tx -> new AnnotatorRepository().list(tx))).isEmpty();
        }
    }

    @Test
    void anOlderProjectIsBackedUpThenMigrated() throws Exception {
        // A project made by the first release (schema 1), opened by this one plus one more step.
        Migration core = Migrations.builtIn().steps().get(0);
        Migrations v1 = Migrations.of(List.of(core));
        List<Migration> steps = new java.util.ArrayList<>(Migrations.builtIn().steps());
        int next = steps.size() + 1;
        steps.add(new Migration(next, String.format("V%03d__test.sql", next), "ALTER TABLE item ADD COLUMN note TEXT;\n"));
        Migrations v2 = Migrations.of(steps);
        Path file = dir.resolve("old.lbproj");
        ProjectStore.create(file, new ProjectSettings("Old", List.of("cat"), false), v1).close();

        try (ProjectStore store = ProjectStore.open(file, v2)) {
            assertThat(store.schemaVersion()).isEqualTo(next);
            assertThat(store.<List<String>>read(tx -> columns(tx, "item"))).contains("note");
            assertThat(ProjectOverview.of(store).classes()).containsExactly("cat");
            Path backup = store.migrationBackup().orElseThrow();
            assertThat(backup.getFileName().toString()).startsWith("old.lbproj.backup-v1-");
            try (ProjectStore copy = ProjectStore.open(backup, v1)) {
                assertThat(copy.schemaVersion()).isEqualTo(1);
                assertThat(copy.<List<String>>read(tx -> columns(tx, "item"))).doesNotContain("note");
            }
        }
        try (ProjectStore again = ProjectStore.open(file, v2)) {
            assertThat(again.migrationBackup()).isEmpty();
        }
    }

    @Test
    void aProjectFromANewerAppIsRefused() {
        Path file = newProject();
        try (ProjectStore store = ProjectStore.open(file)) {
            store.write(tx -> {
                Connection c = tx.connection();
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("PRAGMA user_version = 99");
                }
                return null;
            });
        }
        assertThatThrownBy(() -> ProjectStore.open(file)).hasMessageContaining("made by a newer Labelbench");
    }

    private static String pragma(Transaction tx, String name) throws SQLException {
        Connection c = tx.connection();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> columns(Transaction tx, String table) throws SQLException {
        Connection c = tx.connection();
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
