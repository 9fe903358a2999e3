package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.testing.TestMedia;

/** `predictions import` and `analyze` end to end, on a tag table worked out by hand. */
class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 1; i <= 11; i++) {
            TestMedia.png(dir.resolve("images/u" + String.format("%02d", i) + ".png"), 8, 8, i);
        }
        project = dir.resolve("p.lbproj").toString();
        assertThat(CliRunner.run("init", project, "--name", "t", "--classes", "cat,dog,fox").exitCode()).isZero();
        assertThat(CliRunner.run("import", project, "--images", dir.resolve("images").toString()).exitCode()).isZero();
    }

    private CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    private void ok(String... args) {
        CliRunner.Result result = run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theTagTableOfAHandWorkedExample() throws Exception {
        // A and B agree on u01..u08 (cat), disagree on u09 and u10; only A labeled u11.
        StringBuilder labels = new StringBuilder("item,annotator,label\n");
        for (int i = 1; i <= 8; i++) {
            labels.append(String.format("u%02d.png,A,cat%nu%02d.png,B,cat%n", i, i));
        }
        labels.append("u09.png,A,cat\nu09.png,B,dog\nu10.png,A,dog\nu10.png,B,fox\nu11.png,A,fox\n");
        ok("labels", "import", project, "--file", file("labels.csv", labels.toString()).toString());
        ok("tag", project, "--add", "blurry", "--items", "u01.png,u02.png,u03.png,u04.png");
        ok("tag", project, "--add", "dark", "--items", "u05.png,u06.png,u07.png,u08.png,u09.png,u10.png");
        ok("tag", project, "--add", "solo", "--items", "u11.png");
        ok("tag", project, "--add", "ties", "--items", "u09.png,u10.png"); // no ground truth on either: no row
        // The model is wrong on u03, u04 (blurry) and u05 (dark); right on the rest.
        StringBuilder predictions = new StringBuilder("item,label,confidence\n");
        for (int i = 1; i <= 11; i++) {
            String label = i == 3 || i == 4 || i == 5 ? "dog" : i == 11 ? "fox" : "cat";
            predictions.append(String.format("u%02d.png,%s,0.9%n", i, label));
        }
        CliRunner.Result imported = run("predictions", "import", project, "--run", "m1", "--file",
                file("m1.csv", predictions.toString()).toString());
        assertThat(imported.out().strip()).isEqualTo("run 'm1': 11 predictions");

        CliRunner.Result result = run("analyze", project, "--run", "m1", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode analysis = JSON.readTree(result.out());
        JsonNode table = analysis.get("rows");
        assertThat(table).extracting(r -> r.get("tag").asText())
                .containsExactly("(all data)", "blurry", "dark", "solo");
        assertThat(analysis.get("unevaluated").toString()).isEqualTo("[\"ties\"]");
        // All data: the ties u09, u10 have no ground truth, so 9 items are evaluated (u11 by A's lone label);
        // 3 errors; HLP over the items with two labels: 8 agreeing pairs and 2 split ones = 0.8.
        JsonNode all = table.get(0);
        assertThat(all.get("items").asInt()).isEqualTo(9);
        assertThat(all.get("errors").asInt()).isEqualTo(3);
        assertThat(all.get("accuracy").asDouble()).isCloseTo(6.0 / 9, within(1e-12));
        assertThat(all.get("hlp").asDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(all.get("hlp_items").asInt()).isEqualTo(10);
        assertThat(all.get("gap").asDouble()).isCloseTo(0.8 - 6.0 / 9, within(1e-12));
        // blurry: 4 items, 2 errors; people agree on all four: gap 0.5, gain 4/9 x 0.5.
        JsonNode blurry = table.get(1);
        assertThat(blurry.get("share_of_data").asDouble()).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(blurry.get("share_of_errors").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(blurry.get("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(blurry.get("hlp").asDouble()).isEqualTo(1.0);
        assertThat(blurry.get("potential_gain").asDouble()).isCloseTo(4.0 / 9 * 0.5, within(1e-12));
        // dark: 4 evaluated items (u09, u10 tie), 1 error; HLP over its 6 labeled items = 4/6; the model beats it.
        JsonNode dark = table.get(2);
        assertThat(dark.get("items").asInt()).isEqualTo(4);
        assertThat(dark.get("accuracy").asDouble()).isEqualTo(0.75);
        assertThat(dark.get("hlp").asDouble()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(dark.get("potential_gain").asDouble()).isCloseTo(4.0 / 9 * (4.0 / 6 - 0.75), within(1e-12));
        // solo: one annotator only: HLP unknown, and the row says so instead of inventing a gap.
        JsonNode solo = table.get(3);
        assertThat(solo.get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(solo.get("hlp").isNull()).isTrue();
        assertThat(solo.get("gap").isNull()).isTrue();
        assertThat(solo.get("potential_gain").isNull()).isTrue();
        assertThat(solo.get("notes").get("gap").asText()).startsWith("HLP unknown: not enough overlap");

        // With A breaking ties, u09 (A: cat, predicted cat) and u10 (A: dog, predicted cat) are evaluated too.
        JsonNode tieBroken = JSON.readTree(run("analyze", project, "--run", "m1", "--tie-breaker", "A", "--json")
                .out());
        assertThat(tieBroken.get("rows").get(0).get("items").asInt()).isEqualTo(11);
        assertThat(tieBroken.get("rows").get(0).get("errors").asInt()).isEqualTo(4);
        assertThat(tieBroken.get("rows")).extracting(r -> r.get("tag").asText()).contains("ties");
        assertThat(tieBroken.get("unevaluated")).isEmpty();

        // The run's metrics on the same items: truth cat x8 (u01..u08) and fox (u11); predicted dog on u03..u05.
        JsonNode metrics = JSON.readTree(run("metrics", project, "--run", "m1", "--json").out());
        assertThat(metrics.get("items").asInt()).isEqualTo(9);
        assertThat(metrics.get("excluded").asInt()).isEqualTo(2);
        assertThat(metrics.get("accuracy").asDouble()).isCloseTo(6.0 / 9, within(1e-12));
        JsonNode cat = metrics.get("per_class").get(0);
        assertThat(cat.get("precision").asDouble()).isEqualTo(1.0);
        assertThat(cat.get("recall").asDouble()).isEqualTo(5.0 / 8);
        assertThat(cat.get("support").asInt()).isEqualTo(8);
        JsonNode dog = metrics.get("per_class").get(1);
        assertThat(dog.get("precision").asDouble()).isZero();
        assertThat(dog.get("support").asInt()).isZero();
        assertThat(metrics.get("notes").has("recall.dog")).isTrue();
        // Macro: the mean of the three classes' F1 (cat 2*5/(8+5), dog 0, fox 1), as scikit-learn with labels=all.
        assertThat(metrics.get("macro").get("f1").asDouble()).isCloseTo((10.0 / 13 + 0 + 1) / 3, within(1e-12));
        assertThat(metrics.get("confusion").get("counts").toString()).isEqualTo("[[5,3,0],[0,0,0],[0,0,1]]");
        assertThat(metrics.get("ground_truth").get("ties_left_out").asInt()).isEqualTo(2);
        CliRunner.Result noProbabilities = run("metrics", project, "--run", "m1", "--positive", "cat");
        assertThat(noProbabilities.exitCode()).isEqualTo(2);
        assertThat(noProbabilities.err().strip()).isEqualTo("error: --positive needs probabilities: run 'm1' has none"
                + " (import them as p_<class> columns)");

        CliRunner.Result text = run("analyze", project, "--run", "m1");
        assertThat(text.out()).contains("ground truth: the adjudicated label, else the majority label (ties left out)")
                .contains("solo: HLP unknown").contains("No evaluated items: ties\n")
                .doesNotContain("\nties ");
        CliRunner.Result unknownRun = run("analyze", project, "--run", "m2");
        assertThat(unknownRun.exitCode()).isEqualTo(2);
        assertThat(unknownRun.err().strip()).isEqualTo("error: no prediction run named 'm2'; runs: m1");
    }

    @Test
    void aBadPredictionsFileChangesNothing() throws Exception {
        String[][] cases = {
            {"unknown-item.csv", "item,label,confidence\nu01.png,cat,0.9\nu99.png,dog,0.5\n",
                "line 3: unknown item 'u99.png'; nothing imported"},
            {"unknown-class.csv", "item,label,confidence\nu01.png,cow,0.9\n",
                "line 2: unknown class 'cow'; nothing imported"},
            {"unknown-column.csv", "item,label,p_cat,p_cow\nu01.png,cat,0.9,0.1\n",
                "column p_cow: unknown class 'cow'; nothing imported"},
            {"confidence.csv", "item,label,confidence\nu01.png,cat,1.5\n",
                "line 2: confidence 1.5 is outside 0..1; nothing imported"},
            {"twice.csv", "item,label\nu01.png,cat\nu01.png,dog\n",
                "line 3: a second prediction for 'u01.png' (line 2); nothing imported"},
            {"header.csv", "key,prediction\nu01.png,cat\n",
                "the header must have columns item,label[,confidence][,p_<class>...] (found: key,prediction);"
                    + " nothing imported"},
            {"broken.jsonl", "{\"item\": \"u01.png\", \"label\": \"cat\"}\n{\"item\": \"u02.png\", \n",
                "line 2: not a JSON object; nothing imported"},
        };
        for (String[] c : cases) {
            Path bad = file(c[0], c[1]);
            CliRunner.Result result = run("predictions", "import", project, "--run", "bad", "--file", bad.toString());
            assertThat(result.exitCode()).as(c[0]).isEqualTo(2);
            assertThat(result.err().strip()).as(c[0]).isEqualTo("error: " + bad + ": " + c[2]);
        }
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM prediction_run")).containsExactly(java.util.List.of("0"));
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM prediction")).containsExactly(java.util.List.of("0"));
        }
    }

    @Test
    void jsonLinesWithProbabilitiesAndRunsThatAreNeverChanged() throws Exception {
        Path jsonl = file("m.jsonl", "{\"item\": \"u01.png\", \"label\": \"dog\", \"probabilities\": {\"cat\": 0.25,"
                + " \"dog\": 0.75, \"fox\": 0}}\n\n{\"item\": \"u02.png\", \"label\": \"cat\", \"confidence\": 0.6,"
                + " \"probabilities\": {\"cat\": 0.6, \"dog\": 0.3, \"fox\": 0.1}}\n");
        ok("predictions", "import", project, "--run", "j", "--file", jsonl.toString(), "--notes", "resnet18");
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            // Without a confidence, the probability of the predicted class stands in for it.
            assertThat(SqlRows.of(store, "SELECT i.key, lc.name, p.confidence, length(p.probabilities) FROM prediction p"
                    + " JOIN item i ON i.id = p.item JOIN label_class lc ON lc.id = p.label_class ORDER BY i.key"))
                    .containsExactly(java.util.List.of("u01.png", "dog", "0.75", "12"),
                            java.util.List.of("u02.png", "cat", "0.6", "12"));
        }
        // With probabilities, precision and recall of one class at a threshold, and its P/R curve.
        ok("labels", "import", project, "--file", file("l.csv", "item,annotator,label\nu01.png,A,dog\nu02.png,A,dog\n")
                .toString());
        JsonNode dog = JSON.readTree(run("metrics", project, "--run", "j", "--positive", "dog", "--threshold", "0.5",
                "--json").out());
        assertThat(dog.get("at_threshold").get("tp").asInt()).isEqualTo(1);
        assertThat(dog.get("at_threshold").get("fn").asInt()).isEqualTo(1);
        assertThat(dog.get("at_threshold").get("precision").asDouble()).isEqualTo(1.0);
        assertThat(dog.get("at_threshold").get("recall").asDouble()).isEqualTo(0.5);
        assertThat(dog.get("average_precision").asDouble()).isEqualTo(1.0);
        assertThat(dog.get("pr_curve").get(0).get("threshold").asDouble()).isCloseTo(0.3, within(1e-6));
        CliRunner.Result again = run("predictions", "import", project, "--run", "j", "--file", jsonl.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("error: a prediction run named 'j' exists; runs are never changed,"
                + " so import under a new name");
        JsonNode runs = JSON.readTree(run("predictions", "list", project, "--json").out());
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("predictions").asInt()).isEqualTo(2);
        assertThat(runs.get(0).get("notes").asText()).isEqualTo("resnet18");
        assertThat(runs.get(0).get("file_sha256").asText()).hasSize(64);
    }

    @Test
    void auditFlagsTheWorseSliceAndCompareCountsTheItemsTheRunsSplitOn() throws Exception {
        project = dir.resolve("slices.lbproj").toString();
        StringBuilder labels = new StringBuilder("item,annotator,label\n");
        StringBuilder m1 = new StringBuilder("item,label\n");
        StringBuilder m2 = new StringBuilder("item,label\n");
        for (String folder : new String[] {"day", "night"}) {
            for (int i = 0; i < 20; i++) {
                String key = folder + "/" + i + ".png";
                TestMedia.png(dir.resolve("slices/" + key), 8, 8, key.hashCode());
                labels.append(key).append(",A,cat\n");
                // m1 is wrong on half the night items; m2 on the first two day items only.
                m1.append(key).append(folder.equals("night") && i % 2 == 0 ? ",dog\n" : ",cat\n");
                m2.append(key).append(folder.equals("day") && i < 2 ? ",dog\n" : ",cat\n");
            }
        }
        ok("init", project, "--name", "s", "--classes", "cat,dog");
        ok("import", project, "--images", dir.resolve("slices").toString());
        ok("labels", "import", project, "--file", file("s.csv", labels.toString()).toString());
        ok("predictions", "import", project, "--run", "m1", "--file", file("m1.csv", m1.toString()).toString());
        ok("predictions", "import", project, "--run", "m2", "--file", file("m2.csv", m2.toString()).toString());

        JsonNode audit = JSON.readTree(run("audit", project, "--run", "m1", "--attr", "folder", "--json").out());
        // night: 10/20 against day's 20/20; pooled 0.75: z = -0.5 / sqrt(0.75 * 0.25 * (1/20 + 1/20)).
        JsonNode night = audit.get(0);
        assertThat(night.get("value").asText()).isEqualTo("night");
        assertThat(night.get("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(night.get("z").asDouble()).isCloseTo(-0.5 / Math.sqrt(0.75 * 0.25 * 0.1), within(1e-12));
        assertThat(night.get("significantly_worse").asBoolean()).isTrue();
        assertThat(night.get("p_holm").asDouble()).isCloseTo(2 * night.get("p").asDouble(), within(1e-15));
        assertThat(audit.get(1).get("significantly_worse").asBoolean()).isFalse();

        JsonNode compare = JSON.readTree(run("compare", project, "--run", "m1", "--against", "m2", "--json").out());
        assertThat(compare.get("items").asInt()).isEqualTo(40);
        assertThat(compare.get("only_first_right").asInt()).isEqualTo(2);
        assertThat(compare.get("only_second_right").asInt()).isEqualTo(10);
        assertThat(compare.get("both_wrong").asInt()).isZero();
        // McNemar exact, b = 2, c = 10: 2 * P(X <= 2) for X ~ binomial(12, 1/2) = 2 * 79 / 4096.
        assertThat(compare.get("mcnemar_p").asDouble()).isCloseTo(2 * 79.0 / 4096, within(1e-12));
        assertThat(compare.get("only_first_right_examples").toString()).isEqualTo("[\"day/0.png\",\"day/1.png\"]");
        CliRunner.Result noAttribute = run("audit", project, "--run", "m1", "--attr", "colour");
        assertThat(noAttribute.exitCode()).isEqualTo(2);
        assertThat(noAttribute.err().strip()).isEqualTo("error: no item has an attribute named 'colour'");
    }
}
