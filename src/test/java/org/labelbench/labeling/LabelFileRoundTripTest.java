package org.labelbench.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelbench.labeling.LabelingFixture.key;
import static org.labelbench.labeling.LabelingFixture.rows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.BadInputException;
import org.labelbench.project.LabelClass;
import org.labelbench.project.ProjectStore;

/** Label files carry every field of an answer, survive a spreadsheet, and come back whole. */
class LabelFileRoundTripTest {
    private static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String SUM = "@SUM(1)";
    /** Every stored fact of every annotation, by item key, annotator and class (ids differ between projects). */
    private static final String STORED = "SELECT i.key, n.name, a.kind, lc.name, a.value, a.guideline_version,"
            + " a.origin, a.started, a.submitted, a.duration_ms, a.unsure, a.note, a.transcript FROM annotation a"
            + " JOIN item i ON i.id = a.item JOIN annotator n ON n.id = a.annotator"
            + " LEFT JOIN annotation_label al ON al.annotation = a.id"
            + " LEFT JOIN label_class lc ON lc.id = COALESCE(a.label_class, al.label_class)"
            + " ORDER BY i.key, n.name, lc.ord";

    @TempDir
    Path dir;
    final List<ProjectStore> stores = new ArrayList<>();
    final LabelFileService files = new LabelFileService();

    @AfterEach
    void close() {
        stores.forEach(ProjectStore::close);
    }

    private ProjectStore project(String name, int items, boolean multiLabel) throws Exception {
        ProjectStore store = LabelingFixture.project(Files.createDirectories(dir.resolve(name)), items, multiLabel);
        stores.add(store);
        new GuidelineService().publish(store, "# v1", "lena", null, null);
        return store;
    }

    private static LabelDecision label(LabelingSession session, String... names) {
        List<LabelClass> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(session.schema().byName(name).orElseThrow());
        }
        return session.schema().multiLabel() ? LabelDecision.multi(classes) : LabelDecision.single(classes.get(0));
    }

    @Test
    void everyFieldSurvivesExportAndImportByteForByte() throws Exception {
        ProjectStore source = project("a", 3, false);
        new QueueService().create(source, new QueueDefinition("q", QueueScope.all(), QueueStrategy.SEQUENTIAL, 2, 0,
                List.of()), "lead");
        try (LabelingSession first = LabelingSession.open(source, "q", HYPERLINK, "labeler");
                LabelingSession second = LabelingSession.open(source, "q", SUM, "labeler")) {
            first.submit(label(first, "cat").withUnsure(true).withNote("+1 looks like a dog, \"really\"\nsee ear")
                    .withTranscript("-miaow-"));
            first.submit(LabelDecision.skip("@blurry"));
            first.submit(label(first, "bird").withNote("-"));
            second.submit(label(second, "dog"));
            second.submit(LabelDecision.skip("too dark").withNote("'=not a formula"));
        }
        LabelingFixture.importLabels(source, "ben", "dog", null, "cat");
        Path exported = dir.resolve("a.csv");
        assertThat(files.exportFile(source, exported)).isEqualTo(7);

        String text = Files.readString(exported);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("item,annotator,label,guideline_version,"
                + "transcript,note,unsure,skip_reason,origin,started_at,submitted_at,seconds,prediction_run");
        assertThat(text).contains(key(0) + ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",cat,1,'-miaow-,"
                + "\"'+1 looks like a dog, \"\"really\"\"\nsee ear\",true,,human,");
        assertThat(text).contains(key(1) + ",'@SUM(1),,1,,''=not a formula,false,too dark,human,");
        assertThat(text).contains(",'@blurry,human,").contains(",bird,1,,'-,false,,human,");
        assertThat(text).as("no cell of a text column starts a formula").doesNotContain(",=", ",@", ",+", "\n=",
                "\n@");
        assertThat(text).containsPattern(",import,," + "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z,,\r\n")
                .as("seconds is a plain number of seconds to the millisecond")
                .containsPattern(",human,\\d{4}-[0-9T:.-]+Z,\\d{4}-[0-9T:.-]+Z,\\d+\\.\\d{3},\r\n");

        ProjectStore copy = project("b", 3, false);
        LabelFileService.LabelImportResult imported = files.importFile(copy, exported);
        assertThat(imported.added()).isEqualTo(7);
        assertThat(imported.annotatorsCreated()).containsExactly(HYPERLINK, SUM, "ben");
        Path again = dir.resolve("b.csv");
        files.exportFile(copy, again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(exported));
        assertThat(rows(copy, STORED)).as("every field is restored, not only written back")
                .isEqualTo(rows(source, STORED));
        assertThat(rows(copy, "SELECT note FROM annotation WHERE unsure = 1")).containsExactly(
                List.of("+1 looks like a dog, \"really\"\nsee ear"));
        assertThat(rows(copy, "SELECT value, note FROM annotation a JOIN annotator n ON n.id = a.annotator"
                + " WHERE kind = 'skip' AND n.name = ?", SUM)).containsExactly(List.of("too dark", "'=not a formula"));

        LabelFileService.LabelImportResult twice = files.importFile(copy, exported);
        assertThat(twice.added()).as("importing the same file again adds nothing").isZero();
        assertThat(twice.unchanged()).isEqualTo(7);
    }

    @Test
    void multiLabelSetsEmptySetsAndSkipsRoundTrip() throws Exception {
        ProjectStore source = project("a", 3, true);
        new QueueService().create(source, new QueueDefinition("q", QueueScope.all(), QueueStrategy.SEQUENTIAL, 1, 0,
                List.of()), "lead");
        try (LabelingSession ana = LabelingSession.open(source, "q", "ana", "labeler")) {
            ana.submit(label(ana, "bird", "cat").withNote("two at once"));
            ana.submit(LabelDecision.multi(List.of()));
            ana.submit(LabelDecision.skip("occluded"));
        }
        Path exported = dir.resolve("a.csv");
        assertThat(files.exportFile(source, exported)).isEqualTo(4);
        List<String> lines = Files.readString(exported).lines().toList();
        assertThat(lines.get(1)).startsWith(key(0) + ",ana,cat,1,,two at once,false,,human,");
        assertThat(lines.get(2)).startsWith(key(0) + ",ana,bird,1,,two at once,false,,human,");
        assertThat(lines.get(3)).as("none apply: no label, no skip reason").startsWith(key(1) + ",ana,,1,,,false,,human,");
        assertThat(lines.get(4)).startsWith(key(2) + ",ana,,1,,,false,occluded,human,");

        ProjectStore copy = project("b", 3, true);
        assertThat(files.importFile(copy, exported).added()).isEqualTo(3);
        Path again = dir.resolve("b.csv");
        files.exportFile(copy, again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(exported));
        assertThat(rows(copy, STORED)).isEqualTo(rows(source, STORED));
        assertThat(rows(copy, "SELECT kind, (SELECT COUNT(*) FROM annotation_label al WHERE al.annotation = a.id)"
                + " FROM annotation a ORDER BY item")).containsExactly(List.of("multi", "2"), List.of("multi", "0"),
                        List.of("skip", "0"));
    }

    @Test
    void oldThreeAndFourColumnFilesStillImport() throws Exception {
        ProjectStore store = project("a", 3, false);
        Path three = Files.writeString(dir.resolve("three.csv"), "item,annotator,label\n" + key(0) + ",ana,cat\n");
        Path four = Files.writeString(dir.resolve("four.csv"), "item,annotator,label,guideline_version\n"
                + key(1) + ",ana,dog,v1\n" + key(2) + ",'@ana,bird,\n");
        assertThat(files.importFile(store, three).added()).isEqualTo(1);
        assertThat(files.importFile(store, four).added()).isEqualTo(2);
        assertThat(rows(store, "SELECT i.key, n.name, a.guideline_version, a.origin, a.unsure, a.note FROM annotation a"
                + " JOIN item i ON i.id = a.item JOIN annotator n ON n.id = a.annotator ORDER BY i.key"))
                .containsExactly(Arrays.asList(key(0), "ana", null, "import", "0", null),
                        Arrays.asList(key(1), "ana", "1", "import", "0", null),
                        Arrays.asList(key(2), "@ana", null, "import", "0", null));
        assertThat(files.importFile(store, three).unchanged()).isEqualTo(1);
    }

    @Test
    void aBadCellRefusesTheWholeFileNamingItsLine() throws Exception {
        ProjectStore store = project("a", 3, true);
        String header = "item,annotator,label,note,unsure,skip_reason,origin,submitted_at,seconds\n";
        String good = key(0) + ",ana,cat,,,,,,\n";
        List<String[]> cases = List.of(
                new String[] {key(1) + ",ana,dog,,,,,,-0.5\n", "row 3: seconds '-0.5' is not a number of seconds"
                        + " (0 or more); nothing imported"},
                new String[] {key(1) + ",ana,dog,,maybe,,,,\n", "row 3: unsure 'maybe' is not true or false;"
                        + " nothing imported"},
                new String[] {key(1) + ",ana,dog,,,,robot,,\n", "row 3: origin 'robot' is not one of human, import,"
                        + " accepted-suggestion, auto, adjudicated; nothing imported"},
                new String[] {key(1) + ",ana,dog,,,,,yesterday,\n", "row 3: submitted_at 'yesterday' is not a UTC"
                        + " time such as 2024-05-01T12:30:00Z; nothing imported"},
                new String[] {key(1) + ",ana,dog,,,blurry,,,\n", "row 3: has both a label and a skip_reason (a skip"
                        + " has no label); nothing imported"},
                new String[] {key(0) + ",ana,dog,other note,,,,,\n", "row 3: note differs from row 2, another row of"
                        + " the answer of '" + key(0) + "' by ana; nothing imported"},
                new String[] {key(0) + ",ana,,,,blurry,,,\n", "row 3: another row for '" + key(0) + "' by ana"
                        + " (row 2), but a skip ('blurry') is an answer's only row; nothing imported"});
        for (String[] bad : cases) {
            Path file = Files.writeString(dir.resolve("bad.csv"), header + good + bad[0]);
            assertThatThrownBy(() -> files.importFile(store, file)).isInstanceOf(BadInputException.class)
                    .hasMessage(file + ": " + bad[1]);
        }
        assertThat(rows(store, "SELECT COUNT(*) FROM annotation")).containsExactly(List.of("0"));

        ProjectStore single = project("s", 2, false);
        Path unlabeled = Files.writeString(dir.resolve("unlabeled.csv"), "item,annotator,label\n" + key(0) + ",ana,\n");
        assertThatThrownBy(() -> files.importFile(single, unlabeled)).hasMessage(unlabeled
                + ": row 2: no label and no skip_reason (a skip needs its reason); nothing imported");
    }

    @Test
    void aFileRefusedAtItsLastRowLeavesTheProjectAsItWas() throws Exception {
        ProjectStore store = project("a", 3, false);
        Path first = Files.writeString(dir.resolve("first.csv"), "item,annotator,label\n" + key(0) + ",ana,cat\n");
        files.importFile(store, first);
        String everything = "SELECT (SELECT COUNT(*) FROM annotation), (SELECT group_concat(name) FROM"
                + " (SELECT name FROM annotator ORDER BY id)), (SELECT COUNT(*) FROM annotation_label)";
        List<List<String>> before = rows(store, everything);
        StringBuilder csv = new StringBuilder("item,annotator,label\n");
        for (int i = 0; i < 3; i++) {
            csv.append(key(i)).append(",bo,dog\n").append(key(i)).append(",cy,bird\n");
        }
        Path bad = Files.writeString(dir.resolve("bad.csv"), csv + "nowhere.png,dee,cat\n");
        assertThatThrownBy(() -> files.importFile(store, bad)).isInstanceOf(BadInputException.class)
                .hasMessage(bad + ": row 8: unknown item 'nowhere.png'; nothing imported");
        assertThat(rows(store, everything)).isEqualTo(before);
        // The same rows without the bad one go in, new annotators and all, and a second time change nothing.
        Path good = Files.writeString(dir.resolve("good.csv"), csv.toString());
        LabelFileService.LabelImportResult result = files.importFile(store, good);
        assertThat(result.added()).isEqualTo(6);
        assertThat(result.annotatorsCreated()).containsExactly("bo", "cy");
        assertThat(files.importFile(store, good).unchanged()).isEqualTo(6);
    }

    @Test
    void answersAreAppendedInFileOrderSkipsBeforeSetsAsBefore() throws Exception {
        ProjectStore store = project("m", 3, true);
        Path file = Files.writeString(dir.resolve("m.csv"), "item,annotator,label,skip_reason\n"
                + key(2) + ",ana,dog,\n" + key(0) + ",ana,,blurry\n" + key(2) + ",ana,cat,\n"
                + key(1) + ",ana,bird,\n" + key(1) + ",bo,,dark\n");
        LabelFileService.LabelImportResult result = files.importFile(store, file);
        assertThat(result.added()).isEqualTo(4);
        assertThat(result.rows()).isEqualTo(5);
        assertThat(rows(store, "SELECT i.key, n.name, a.kind, (SELECT group_concat(lc.name) FROM (SELECT lc.name"
                + " FROM annotation_label al JOIN label_class lc ON lc.id = al.label_class WHERE al.annotation = a.id"
                + " ORDER BY lc.name) lc) FROM annotation a JOIN item i ON i.id = a.item"
                + " JOIN annotator n ON n.id = a.annotator ORDER BY a.id"))
                .containsExactly(Arrays.asList(key(0), "ana", "skip", null), Arrays.asList(key(1), "bo", "skip", null),
                        Arrays.asList(key(2), "ana", "multi", "cat,dog"), Arrays.asList(key(1), "ana", "multi", "bird"));
    }
}
