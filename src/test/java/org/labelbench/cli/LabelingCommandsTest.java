package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.labeling.LabelDecision;
import org.labelbench.labeling.LabelingSession;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

/** The schema, guideline and queue commands as a script would drive them. */
class LabelingCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 0; i < 6; i++) {
            TestMedia.png(dir.resolve("images/" + (i % 2 == 0 ? "cat" : "dog") + "/" + i + ".png"), 12, 12, i);
        }
        project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "Pets", "--classes", "cat,dog");
        ok("import", project, "--images", dir.resolve("images").toString());
    }

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    private static JsonNode json(String... args) throws Exception {
        return JSON.readTree(ok(args).out());
    }

    private static void refused(String expectedError, String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: " + expectedError);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void schemaCommandsAddRetireAndRefuseClashes() throws Exception {
        JsonNode added = json("schema", "add-class", project, "bird", "--hotkey", "b", "--color", "#112233", "--json");
        assertThat(added.get("classes").get(2).toString())
                .isEqualTo("{\"name\":\"bird\",\"hotkey\":\"b\",\"color\":\"#112233\",\"order\":2,\"retired\":false}");
        refused("hotkey 'b' is already used by class 'bird'", "schema", "add-class", project, "fish", "--hotkey", "b");
        refused("a class name is empty", "schema", "add-class", project, " ");
        refused("class 'Cat' already exists as 'cat'", "schema", "add-class", project, "Cat");
        refused("hotkey '!!' is not a single digit or letter", "schema", "set-hotkey", project, "cat", "!!");

        ok("schema", "set-hotkey", project, "dog", "d");
        ok("schema", "retire-class", project, "bird");
        JsonNode shown = json("schema", "show", project, "--json");
        assertThat(shown.get("classes").get(1).get("hotkey").asText()).isEqualTo("d");
        assertThat(shown.get("classes").get(2).get("retired").asBoolean()).isTrue();
        assertThat(shown.get("classes").get(2).get("hotkey").isNull()).isTrue();
        assertThat(ok("schema", "show", project).out()).contains("bird").contains("(retired)");

        ok("schema", "remove-class", project, "bird");
        assertThat(json("schema", "show", project, "--json").get("classes")).hasSize(2);
        ok("schema", "options", project, "--transcript", "on", "--multi-label", "on");
        assertThat(json("schema", "show", project, "--json").get("multi_label").asBoolean()).isTrue();
        refused("--transcript takes on or off, not 'maybe'", "schema", "options", project, "--transcript", "maybe",
                "--multi-label", "off");
        assertThat(json("schema", "show", project, "--json").get("multi_label").asBoolean())
                .as("bad input changes nothing").isTrue();
    }

    @Test
    void aUsedClassCanOnlyBeRetiredAndMultiLabelIsFixedOnceLabelsExist() throws Exception {
        Path labels = Files.writeString(dir.resolve("l.csv"), "item,annotator,label\ncat/0.png,ana,cat\n");
        ok("labels", "import", project, "--file", labels.toString());
        refused("class 'cat' has labels or guideline examples; retire it instead", "schema", "remove-class", project,
                "cat");
        refused("the project has labels already; single- and multi-label cannot be switched once labeling has begun",
                "schema", "options", project, "--multi-label", "on");
    }

    @Test
    void guidelineVersionsCarryExamplesOverAndKeepOldTextReadable() throws Exception {
        Path v1 = Files.writeString(dir.resolve("v1.md"), "# Pets v1\n\nLabel what you see.\n");
        Path examples = Files.writeString(dir.resolve("ex.csv"), "item,label,note\ncat/0.png,cat,a cat from the side\n"
                + "dog/1.png,dog,\"a dog, lying down\"\n");
        JsonNode first = json("guideline", "add", project, "--file", v1.toString(), "--examples", examples.toString(),
                "--change", "first", "--author", "lena", "--json");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("examples").asInt()).isEqualTo(2);
        refused("v2 would be the same as v1: change the text or the examples first", "guideline", "add", project,
                "--file", v1.toString(), "--change", "nothing");
        refused("v2 would be the same as v1: change the text or the examples first", "guideline", "add", project,
                "--file", v1.toString(), "--change", "nothing", "--examples", examples.toString());

        ok("guideline", "example", project, "--item", "cat/2.png", "--label", "cat", "--note", "a kitten counts");
        assertThat(json("guideline", "list", project, "--json").get("pending_examples").asInt()).isEqualTo(1);
        Path v2 = Files.writeString(dir.resolve("v2.md"), "# Pets v2\n\nKittens are cats.\n");
        refused("v2 needs a change note: say what changed since v1", "guideline", "add", project, "--file",
                v2.toString());
        JsonNode second = json("guideline", "add", project, "--file", v2.toString(), "--change", "kittens", "--json");
        assertThat(second.get("examples").asInt()).as("2 carried over + 1 pending").isEqualTo(3);

        JsonNode list = json("guideline", "list", project, "--json");
        assertThat(list.get("versions")).hasSize(2);
        assertThat(list.get("versions").get(0).get("title").asText()).isEqualTo("Pets v1");
        assertThat(list.get("pending_examples").asInt()).isZero();
        JsonNode old = json("guideline", "show", project, "--version", "1", "--json");
        assertThat(old.get("markdown").asText()).isEqualTo("# Pets v1\n\nLabel what you see.\n");
        assertThat(old.get("examples").get(1).get("note").asText()).isEqualTo("a dog, lying down");
        assertThat(ok("guideline", "show", project).out()).contains("Kittens are cats.").contains("a kitten counts");

        refused("example: no item with key 'ghost.png'", "guideline", "example", project, "--item", "ghost.png",
                "--note", "x");
        refused("no guideline version 7", "guideline", "show", project, "--version", "7");
        Path empty = Files.writeString(dir.resolve("empty.md"), "  \n");
        refused("the guideline text is empty", "guideline", "add", project, "--file", empty.toString());
        assertThat(json("guideline", "list", project, "--json").get("versions")).hasSize(2);
    }

    @Test
    void labelsNamingAGuidelineVersionThatDoesNotExistAreRefused() throws Exception {
        Path labels = Files.writeString(dir.resolve("l.csv"), "item,annotator,label,guideline_version\n"
                + "cat/0.png,ana,cat,3\n");
        refused(labels + ": row 2: guideline version 3 does not exist (the project has no guideline yet);"
                + " nothing imported", "labels", "import", project, "--file", labels.toString());
    }

    @Test
    void queueCreateListAndStatusReportProgressPerAnnotator() throws Exception {
        JsonNode created = json("queue", "create", project, "--name", "cats", "--attr", "folder=cat", "--strategy",
                "random", "--seed", "5", "--overlap", "2", "--json");
        assertThat(created.get("items").asInt()).isEqualTo(3);
        assertThat(created.get("scope").asText()).isEqualTo("attr.folder=cat");
        Path keys = Files.writeString(dir.resolve("keys.txt"), "# a list\ndog/5.png\ncat/0.png\n");
        assertThat(json("queue", "create", project, "--name", "two", "--items-file", keys.toString(), "--json")
                .get("items").asInt()).isEqualTo(2);

        try (ProjectStore store = ProjectStore.open(Path.of(project))) {
            LabelingSession ana = LabelingSession.open(store, "cats", "ana", "labeler");
            ana.submit(LabelDecision.single(ana.schema().byName("cat").orElseThrow()));
            ana.submit(LabelDecision.skip("can't tell"));
        }
        JsonNode status = json("queue", "status", project, "--name", "cats", "--json");
        assertThat(status.get("labels_wanted").asInt()).isEqualTo(6);
        assertThat(status.get("labels_done").asInt()).isEqualTo(1);
        assertThat(status.get("skipped").asInt()).isEqualTo(1);
        assertThat(status.get("by_annotator").get(0).get("annotator").asText()).isEqualTo("ana");
        assertThat(status.get("by_annotator").get(0).get("done").asInt()).isEqualTo(1);
        assertThat(status.get("by_annotator").get(0).has("median_seconds_per_item")).isTrue();
        JsonNode list = json("queue", "list", project, "--json");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("labels_done").asInt()).isEqualTo(1);
        assertThat(ok("queue", "list", project).out()).contains("cats").contains("random");

        refused("a queue named 'cats' already exists", "queue", "create", project, "--name", "cats");
        refused("queue 'none' would cover no items: attr.folder=bird matches nothing", "queue", "create", project,
                "--name", "none", "--attr", "folder=bird");
        refused("unknown queue strategy 'fast' (one of: sequential, random, needs-labels, disagreements)", "queue",
                "create", project, "--name", "x", "--strategy", "fast");
        refused("no queue named 'ghost'", "queue", "status", project, "--name", "ghost");
        assertThat(json("queue", "list", project, "--json")).hasSize(2);
    }

    @Test
    void multiLabelFilesHoldOneRowPerClassAndRoundTrip() throws Exception {
        String multi = dir.resolve("m.lbproj").toString();
        ok("init", multi, "--name", "Tags", "--classes", "cat,dog,outdoor", "--multi-label");
        ok("import", multi, "--images", dir.resolve("images").toString());
        Path labels = Files.writeString(dir.resolve("m.csv"), "item,annotator,label\ncat/0.png,ana,outdoor\n"
                + "cat/0.png,ana,cat\ndog/1.png,ana,dog\ncat/0.png,ben,cat\n");
        assertThat(json("labels", "import", multi, "--file", labels.toString(), "--json").get("added").asInt())
                .as("three answers: ana's set of two, ana's one, ben's one").isEqualTo(3);
        assertThat(json("labels", "import", multi, "--file", labels.toString(), "--json").get("unchanged").asInt())
                .isEqualTo(4);
        Path exported = dir.resolve("m-out.csv");
        ok("labels", "export", multi, "--file", exported.toString());
        assertThat(Files.readString(exported).replaceAll(",\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z,", ",IMPORT-TIME,"))
                .as("submitted_at is the time of the import").isEqualToNormalizingNewlines("""
                item,annotator,label,guideline_version,transcript,note,unsure,skip_reason,origin,started_at,submitted_at,seconds,prediction_run
                cat/0.png,ana,cat,,,,false,,import,,IMPORT-TIME,,
                cat/0.png,ana,outdoor,,,,false,,import,,IMPORT-TIME,,
                cat/0.png,ben,cat,,,,false,,import,,IMPORT-TIME,,
                dog/1.png,ana,dog,,,,false,,import,,IMPORT-TIME,,
                """);
        Path twice = Files.writeString(dir.resolve("twice.csv"), "item,annotator,label\ncat/0.png,ana,cat\n"
                + "cat/0.png,ana,dog\n");
        refused(twice + ": row 3: a second label for 'cat/0.png' by ana (row 2 says 'cat') in a single-label project;"
                + " nothing imported", "labels", "import", project, "--file", twice.toString());
    }

    @Test
    void exportedLabelFilesOpenSafelyInASpreadsheetAndImportBackExactly() throws Exception {
        Path labels = Files.writeString(dir.resolve("f.csv"), "item,annotator,label,note\n"
                + "cat/0.png,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",cat,'+1 for dog\n"
                + "dog/1.png,'@SUM(1),dog,\n");
        ok("labels", "import", project, "--file", labels.toString());
        Path exported = dir.resolve("f-out.csv");
        ok("labels", "export", project, "--file", exported.toString());
        List<String> lines = Files.readAllLines(exported);
        assertThat(lines.get(1)).startsWith("cat/0.png,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",cat,,,'+1 for dog,");
        assertThat(lines.get(2)).startsWith("dog/1.png,'@SUM(1),dog,,,,");
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            assertThat(org.labelbench.testing.SqlRows.of(store, "SELECT n.name, a.note FROM annotation a"
                    + " JOIN annotator n ON n.id = a.annotator ORDER BY a.id")).containsExactly(
                            List.of("=HYPERLINK(\"http://x\",\"y\")", "+1 for dog"),
                            java.util.Arrays.asList("@SUM(1)", null));
        }
        Path bad = Files.writeString(dir.resolve("bad.csv"), "item,annotator,label,seconds\n"
                + "cat/2.png,ana,cat,1.5\ndog/3.png,ana,dog,soon\n");
        refused(bad + ": row 3: seconds 'soon' is not a number of seconds (0 or more); nothing imported",
                "labels", "import", project, "--file", bad.toString());
    }

    @Test
    void helpListsTheLabelingCommands() {
        String help = ok("--help").out();
        for (String command : List.of("schema", "guideline", "queue")) {
            assertThat(help).contains(command);
        }
    }
}
