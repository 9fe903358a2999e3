package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.TestMedia;

/**
 * `label-errors` end to end. u01..u05 are labeled cat, u06..u10 dog, u11 fox; the run is sure of
 * every label but u05's, which it calls dog with 0.9. Thresholds: cat (4 × 0.9 + 0.05) / 5 = 0.73,
 * dog and fox 0.9; only u05 is confidently off its label, so the confident joint is
 * [[4, 1, 0], [0, 5, 0], [0, 0, 1]] and the one issue is u05: given cat, suggested dog, p(cat) 0.05.
 */
class LabelErrorsCommandTest {
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
        ok("init", project, "--name", "t", "--classes", "cat,dog,fox");
        ok("import", project, "--images", dir.resolve("images").toString());
        StringBuilder labels = new StringBuilder("item,annotator,label\n");
        StringBuilder predictions = new StringBuilder("item,label,p_cat,p_dog,p_fox\n");
        for (int i = 1; i <= 11; i++) {
            String label = i <= 5 ? "cat" : i <= 10 ? "dog" : "fox";
            labels.append(String.format("u%02d.png,A,%s%n", i, label));
            String probabilities = i == 5 || (i > 5 && i <= 10) ? "0.05,0.9,0.05" : i <= 4 ? "0.9,0.05,0.05"
                    : "0.05,0.05,0.9";
            predictions.append(String.format("u%02d.png,%s,%s%n", i, i == 5 ? "dog" : label, probabilities));
        }
        ok("labels", "import", project, "--file", Files.writeString(dir.resolve("l.csv"), labels).toString());
        ok("predictions", "import", project, "--run", "m1", "--file",
                Files.writeString(dir.resolve("m1.csv"), predictions).toString());
    }

    private void ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
    }

    @Test
    void findsTheOneDoubtedLabel() throws Exception {
        CliRunner.Result text = CliRunner.run("label-errors", project, "--run", "m1");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("1 likely label errors among 11 items with a ground truth and probabilities"
                + " (run 'm1')");
        assertThat(text.out().lines().toList().get(2)).isEqualTo("u05.png  cat        dog        0.050");

        CliRunner.Result json = CliRunner.run("label-errors", project, "--run", "m1", "--json");
        JsonNode found = JSON.readTree(json.out());
        assertThat(found.get("items_considered").asInt()).isEqualTo(11);
        assertThat(found.get("confident_joint").toString()).isEqualTo("[[4,1,0],[0,5,0],[0,0,1]]");
        assertThat(found.get("errors")).hasSize(1);
        JsonNode error = found.get("errors").get(0);
        assertThat(error.get("item").asText()).isEqualTo("u05.png");
        assertThat(error.get("given").asText()).isEqualTo("cat");
        assertThat(error.get("suggested").asText()).isEqualTo("dog");
    }

    @Test
    void theErrorsBecomeATagAReviewQueueAndTheTagFollowsAFixedLabel() throws Exception {
        CliRunner.Result tagged = CliRunner.run("label-errors", project, "--run", "m1", "--tag");
        assertThat(tagged.exitCode()).as(tagged.err()).isZero();
        assertThat(tagged.out()).contains("Tagged them 'label errors: m1'");
        assertThat(members("label errors: m1")).containsExactly("u05.png");
        CliRunner.Result queue = CliRunner.run("queue", "create", project, "--name", "review", "--tag", "label errors: m1");
        assertThat(queue.out()).contains("1 items (tag label errors: m1)");

        // A reviewer agrees with the model: u05 is a dog. Found again, nothing is doubted and the tag follows.
        ok("labels", "import", project, "--file",
                Files.writeString(dir.resolve("fix.csv"), "item,annotator,label\nu05.png,A,dog\n").toString());
        ok("label-errors", project, "--run", "m1", "--tag");
        assertThat(members("label errors: m1")).isEmpty();
    }

    private java.util.List<String> members(String tag) {
        try (org.labelbench.project.ProjectStore store = org.labelbench.project.ProjectStore.openReadOnly(Path.of(project))) {
            return org.labelbench.testing.SqlRows.of(store, "SELECT i.key FROM item_tag it JOIN tag t ON t.id = it.tag"
                    + " JOIN item i ON i.id = it.item WHERE t.name = ? ORDER BY i.key", tag)
                    .stream().map(row -> row.get(0)).toList();
        }
    }

    @Test
    void aRunWithoutProbabilitiesOrAnUnknownRunIsRefusedInOneLine() throws Exception {
        ok("predictions", "import", project, "--run", "bare", "--file",
                Files.writeString(dir.resolve("bare.csv"), "item,label\nu01.png,cat\n").toString());
        CliRunner.Result bare = CliRunner.run("label-errors", project, "--run", "bare");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err().strip()).isEqualTo("error: run 'bare' has no probabilities: finding label errors needs"
                + " each class's probability (p_<class> columns when importing)");
        CliRunner.Result unknown = CliRunner.run("label-errors", project, "--run", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no prediction run named 'nope'");
    }
}
