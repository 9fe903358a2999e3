package org.labelbench.cli;

import java.sql.Connection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.testing.TestMedia;

/** Rule tags and metadata tags end to end: `tag --rule`, `--from-attr`, `--refresh`, `--list`. */
class TagRuleCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String project;

    /*
     * Items (from a manifest with attributes), labels by A / B, and run m1 (class, confidence):
     *   tiny.png  16x16    noise=car  speaker=ana   cat / cat    cat 0.9
     *   small.png 48x48    noise=rain speaker=ben   cat / dog    dog 0.45
     *   big.png   128x96   noise=car  speaker=ana   dog / dog    dog 0.8
     *   huge.png  256x256             speaker=ben   fox / -      cat 0.6
     *   short.wav 0.5 s    noise=car  speaker=cy    cat / cat    dog 0.35
     *   long.wav  2.5 s    noise=car  speaker=ana   dog / cat    (none)
     */
    @BeforeEach
    void setUp() throws Exception {
        Path data = dir.resolve("data");
        TestMedia.png(data.resolve("tiny.png"), 16, 16, 1);
        TestMedia.png(data.resolve("small.png"), 48, 48, 2);
        TestMedia.png(data.resolve("big.png"), 128, 96, 3);
        TestMedia.png(data.resolve("huge.png"), 256, 256, 4);
        TestMedia.wav(data.resolve("short.wav"), 16000, 0.5, 440);
        TestMedia.wav(data.resolve("long.wav"), 16000, 2.5, 330);
        Files.writeString(data.resolve("manifest.csv"), """
                key,path,noise,speaker
                tiny.png,tiny.png,car,ana
                small.png,small.png,rain,ben
                big.png,big.png,car,ana
                huge.png,huge.png,,ben
                short.wav,short.wav,car,cy
                long.wav,long.wav,car,ana
                """);
        project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "t", "--classes", "cat,dog,fox");
        ok("import", project, "--manifest", data.resolve("manifest.csv").toString());
        ok("labels", "import", project, "--file", file("labels.csv", """
                item,annotator,label
                tiny.png,A,cat
                tiny.png,B,cat
                small.png,A,cat
                small.png,B,dog
                big.png,A,dog
                big.png,B,dog
                huge.png,A,fox
                short.wav,A,cat
                short.wav,B,cat
                long.wav,A,dog
                long.wav,B,cat
                """));
        ok("predictions", "import", project, "--run", "m1", "--file", file("m1.csv", """
                item,label,confidence,p_cat,p_dog,p_fox
                tiny.png,cat,0.9,0.9,0.05,0.05
                small.png,dog,0.45,0.4,0.45,0.15
                big.png,dog,0.8,0.1,0.8,0.1
                huge.png,cat,0.6,0.6,0.2,0.2
                short.wav,dog,0.35,0.33,0.35,0.32
                """));
    }

    @Test
    void rulesOverMediaAttributesLabelsAndPredictions() throws Exception {
        JsonNode small = json("tag", project, "--rule", "width < 64", "--name", "small", "--json");
        assertThat(small.get("tag").asText()).isEqualTo("small");
        assertThat(small.get("kind").asText()).isEqualTo("rule");
        assertThat(small.get("items").asInt()).isEqualTo(2);
        assertThat(small.get("run").isNull()).isTrue();
        assertThat(tagged("small")).containsExactly("small.png", "tiny.png");

        rule("long-audio", "media == \"audio\" and duration_ms > 2000");
        assertThat(tagged("long-audio")).containsExactly("long.wav");
        rule("car-long", "attr.noise == \"car\" and duration_ms > 2000");
        assertThat(tagged("car-long")).containsExactly("long.wav");
        rule("ana", "attr.speaker == \"ana\" and not media == \"audio\"");
        assertThat(tagged("ana")).containsExactly("big.png", "tiny.png");

        rule("split", "disagreement");
        assertThat(tagged("split")).containsExactly("long.wav", "small.png");
        rule("one-label", "labels < 2");
        assertThat(tagged("one-label")).containsExactly("huge.png");
        rule("said-fox", "label == \"fox\"");
        assertThat(tagged("said-fox")).containsExactly("huge.png");

        JsonNode unsure = json("tag", project, "--rule", "confidence < 0.5", "--name", "unsure", "--run", "m1",
                "--json");
        assertThat(unsure.get("run").asText()).isEqualTo("m1");
        assertThat(tagged("unsure")).containsExactly("short.wav", "small.png");
        rule("doggy", "p.dog > 0.4");
        assertThat(tagged("doggy")).containsExactly("big.png", "small.png");
        // Truth is the majority (no adjudications here): small.png and long.wav are ties; huge.png is A's fox.
        rule("wrong", "correct == false");
        assertThat(tagged("wrong")).containsExactly("huge.png", "short.wav");
        rule("wrong-big", "not correct and width > 100");
        assertThat(tagged("wrong-big")).containsExactly("huge.png");

        // Without --run the newest run is read, and kept: a later run does not change what the tag reads.
        ok("predictions", "import", project, "--run", "m2", "--file", file("m2.csv", """
                item,label,confidence
                tiny.png,dog,0.2
                """));
        JsonNode newest = json("tag", project, "--rule", "confidence < 0.5", "--name", "unsure-now", "--json");
        assertThat(newest.get("run").asText()).isEqualTo("m2");
        assertThat(tagged("unsure-now")).containsExactly("tiny.png");
        ok("tag", project, "--refresh");
        assertThat(tagged("unsure")).containsExactly("short.wav", "small.png");

        // Redefining a rule tag replaces its rule and its items.
        json("tag", project, "--rule", "width < 20", "--name", "small", "--json");
        assertThat(tagged("small")).containsExactly("tiny.png");

        JsonNode list = json("tag", project, "--list", "--json");
        JsonNode listed = find(list, "unsure");
        assertThat(listed.get("kind").asText()).isEqualTo("rule");
        assertThat(listed.get("rule").asText()).isEqualTo("confidence < 0.5");
        assertThat(listed.get("run").asText()).isEqualTo("m1");
        assertThat(listed.get("items").asInt()).isEqualTo(2);
        assertThat(find(list, "small").get("rule").asText()).isEqualTo("width < 20");
        CliRunner.Result text = CliRunner.run("tag", project, "--list");
        assertThat(text.out()).contains("small  1 item  (rule: width < 20)")
                .contains("unsure  2 items  (rule: confidence < 0.5; run m1)");
    }

    @Test
    void rulesOverLabelsFollowALabelFile() throws Exception {
        rule("split", "disagreement");
        assertThat(tagged("split")).containsExactly("long.wav", "small.png");
        // B comes round to cat on small.png; a third annotator splits big.png.
        ok("labels", "import", project, "--file", file("more.csv", """
                item,annotator,label
                small.png,B,cat
                big.png,C,cat
                """));
        // A label file re-evaluates the rules over labels as it lands; a refresh then finds nothing new.
        assertThat(tagged("split")).containsExactly("big.png", "long.wav");
        JsonNode refreshed = json("tag", project, "--refresh", "--json");
        assertThat(refreshed).hasSize(1);
        assertThat(refreshed.get(0).get("tag").asText()).isEqualTo("split");
        assertThat(refreshed.get(0).get("items").asInt()).isEqualTo(2);
        assertThat(refreshed.get(0).get("problem").isNull()).isTrue();
        assertThat(tagged("split")).containsExactly("big.png", "long.wav");
    }

    @Test
    void oneMetadataTagPerAttributeValueFollowingTheData() throws Exception {
        JsonNode made = json("tag", project, "--from-attr", "speaker", "--json");
        assertThat(made.get("attribute").asText()).isEqualTo("speaker");
        assertThat(made.get("tags")).extracting(t -> t.get("tag").asText() + ":" + t.get("items").asInt())
                .containsExactly("speaker=ana:3", "speaker=ben:2", "speaker=cy:1");
        assertThat(tagged("speaker=ben")).containsExactly("huge.png", "small.png");
        JsonNode listed = find(json("tag", project, "--list", "--json"), "speaker=cy");
        assertThat(listed.get("kind").asText()).isEqualTo("metadata");
        assertThat(listed.get("rule").asText()).isEqualTo("speaker");

        // A new speaker arrives with an import, which makes the new slice in its own transaction.
        TestMedia.png(dir.resolve("data/new.png"), 8, 8, 9);
        Files.writeString(dir.resolve("data/more.csv"), "key,path,speaker\nnew.png,new.png,dee\n");
        ok("import", project, "--manifest", dir.resolve("data/more.csv").toString());
        assertThat(tagged("speaker=dee")).containsExactly("new.png");
        JsonNode refreshed = json("tag", project, "--refresh", "--json");
        assertThat(refreshed).extracting(r -> r.get("tag").asText() + ":" + r.get("items").asInt())
                .containsExactly("speaker=ana:3", "speaker=ben:2", "speaker=cy:1", "speaker=dee:1");
        assertThat(tagged("speaker=dee")).containsExactly("new.png");

        CliRunner.Result unknown = CliRunner.run("tag", project, "--from-attr", "colour");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("error: no attribute 'colour'; attributes: noise, speaker");
    }

    @Test
    void anAttributeWithMoreThanAThousandValuesIsRefused() throws Exception {
        try (ProjectStore store = ProjectStore.open(Path.of(project))) {
            store.write(tx -> {
                Connection c = tx.connection();
                try (var ps = c.prepareStatement("INSERT INTO item (key, media, format, path, sha256, bytes,"
                        + " import_batch) SELECT 'x' || ?, 'image', 'png', 'x', 'x' || ?, 1, MIN(id) FROM import_batch");
                        var attr = c.prepareStatement("INSERT INTO item_attr (item, name, value)"
                                + " SELECT id, 'serial', key FROM item WHERE key = 'x' || ?")) {
                    for (int k = 0; k < 1001; k++) {
                        ps.setInt(1, k);
                        ps.setInt(2, k);
                        ps.executeUpdate();
                        attr.setInt(1, k);
                        attr.executeUpdate();
                    }
                }
                return null;
            });
        }
        CliRunner.Result result = CliRunner.run("tag", project, "--from-attr", "serial");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: attribute 'serial' has 1,001 values; metadata tags stop at"
                + " 1,000 (one per value): use a rule tag such as attr.serial == \"...\" instead");
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM tag")).containsExactly(List.of("0"));
        }
    }

    @Test
    void badRulesExitTwoWithOneLineAndChangeNothing() throws Exception {
        rule("small", "width < 64");
        ok("tag", project, "--add", "blurry", "--items", "big.png");
        List<List<String>> before = snapshot();
        String[][] cases = {
            {"--rule", "width < ", "--name", "t"},
            {"--rule", "prediction == \"cow\"", "--name", "t"},
            {"--rule", "width > 10", "--name", "blurry"},
            {"--rule", "confidence < 0.5", "--name", "t", "--run", "m9"},
            {"--rule", "widht < 3", "--name", "small"},
            {"--rule", "width < 10"},
            {"--list", "--name", "t"},
            {"--rule", "width < 10", "--name", "a,b"},
        };
        String[] messages = {
            "error: rule 'width < ': expected a value after '<' at column 9",
            "error: rule 'prediction == \"cow\"': no class 'cow' at column 15; classes: cat, dog, fox",
            "error: tag 'blurry' is a manual tag; choose another name",
            "error: no prediction run named 'm9'; runs: m1",
            "error: rule 'widht < 3': unknown field 'widht' at column 1; fields: width, height, duration_ms,"
                + " sample_rate, channels, bytes, media, format, key, attr.NAME, label, labels, disagreement,"
                + " adjudicated, prediction, confidence, p.CLASS, correct",
            "error: --rule needs --name TAG",
            "error: --name and --run go with --rule",
            "error: tag 'a,b': a tag name cannot contain a comma",
        };
        for (int k = 0; k < cases.length; k++) {
            String[] args = new String[cases[k].length + 2];
            args[0] = "tag";
            args[1] = project;
            System.arraycopy(cases[k], 0, args, 2, cases[k].length);
            CliRunner.Result result = CliRunner.run(args);
            assertThat(result.exitCode()).as(String.join(" ", cases[k])).isEqualTo(2);
            assertThat(result.err().strip()).as(String.join(" ", cases[k])).isEqualTo(messages[k]);
        }
        assertThat(snapshot()).isEqualTo(before);
        // A manual tag cannot take a metadata tag's name either.
        ok("tag", project, "--add", "speaker=cy", "--items", "big.png");
        CliRunner.Result clash = CliRunner.run("tag", project, "--from-attr", "speaker");
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err().strip()).isEqualTo("error: tag 'speaker=cy' is a manual tag; the metadata tags of"
                + " 'speaker' need that name");
        assertThat(tagged("speaker=ana")).isEmpty();
    }

    private List<List<String>> snapshot() {
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            return SqlRows.of(store, "SELECT t.name, t.kind, t.rule, t.run, i.key FROM tag t"
                    + " LEFT JOIN item_tag it ON it.tag = t.id LEFT JOIN item i ON i.id = it.item ORDER BY t.name, i.key");
        }
    }

    @Test
    void rulesFollowAGoldSetAndALabelMadeInAQueueInTheSameCommit() throws Exception {
        rule("gold-cat", "adjudicated == \"cat\"");
        assertThat(tagged("gold-cat")).isEmpty();
        ok("adjudicate", project, "--item", "small.png", "--class", "cat", "--by", "lena");
        assertThat(tagged("gold-cat")).containsExactly("small.png");

        rule("foxes", "label == \"fox\"");
        assertThat(tagged("foxes")).containsExactly("huge.png");
        ok("queue", "create", project, "--name", "more", "--strategy", "sequential");
        String labeled;
        try (org.labelbench.project.ProjectStore store = org.labelbench.project.ProjectStore.open(Path.of(project));
                org.labelbench.labeling.LabelingSession session = org.labelbench.labeling.LabelingSession.open(store,
                        "more", "C", "labeler")) {
            labeled = session.current().orElseThrow().item().key();
            session.submit(org.labelbench.labeling.LabelDecision.single(session.schema().byName("fox").orElseThrow()));
        }
        assertThat(tagged("foxes")).contains(labeled, "huge.png");
    }

    private void rule(String name, String expression) {
        ok("tag", project, "--rule", expression, "--name", name);
    }

    /** The keys of the items carrying the tag, sorted. */
    private List<String> tagged(String tag) {
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            return SqlRows.of(store, "SELECT i.key FROM item_tag it JOIN tag t ON t.id = it.tag"
                    + " JOIN item i ON i.id = it.item WHERE t.name = ? ORDER BY i.key", tag).stream()
                    .map(row -> row.get(0)).toList();
        }
    }

    private static JsonNode find(JsonNode rows, String tag) {
        for (JsonNode row : rows) {
            if (row.get("tag").asText().equals(tag)) {
                return row;
            }
        }
        throw new AssertionError("no tag " + tag + " in " + rows);
    }

    private JsonNode json(String... args) throws Exception {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return JSON.readTree(result.out());
    }

    private void ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
    }

    private String file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toString();
    }
}
