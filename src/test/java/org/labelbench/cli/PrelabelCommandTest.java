package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.analysis.GroundTruth;
import org.labelbench.analysis.TruthSource;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.testing.TestMedia;

/**
 * Pre-labeling from the command line: `queue create --suggestions RUN`, and agreement, HLP and
 * the disagreement list human-only unless `--include-suggestions`.
 *
 * <p>The labels: u1 ana cat, ben first dog then an accepted suggestion cat; u2 ana dog, ben an
 * accepted fox; u3 ana fox, ben cat; u4 ana cat, ben cat; u5 ana dog, ben an accepted dog; u6 only
 * ben's accepted cat. Human-only, u1, u2 and u5 lose ben (his older dog on u1 does not stand in),
 * so u3 and u4 are the units: percent agreement 1/2, HLP 1/2, one contested item (u3). With the
 * suggestions: u1..u5 are units, 3 of 5 agree (0.6), and u2 and u3 are contested.
 */
class PrelabelCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 1; i <= 6; i++) {
            TestMedia.png(dir.resolve("images/u" + i + ".png"), 8, 8, i);
        }
        project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "t", "--classes", "cat,dog,fox");
        ok("import", project, "--images", dir.resolve("images").toString());
        ok("predictions", "import", project, "--run", "m1", "--file", Files.writeString(dir.resolve("m1.csv"), """
                item,label,confidence
                u1.png,cat,0.92
                u2.png,fox,0.55
                """).toString());
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    private JsonNode json(String... args) throws Exception {
        return JSON.readTree(ok(args).out());
    }

    private void refused(String expected, String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.out()).isEqualTo(2);
        assertThat(result.err()).contains(expected);
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void aQueueShowsARunsSuggestionsAndListAndStatusSayWhichRun() throws Exception {
        CliRunner.Result created = ok("queue", "create", project, "--name", "assisted", "--suggestions", "m1");
        assertThat(created.out()).contains("Created queue 'assisted'").contains("suggestions from run m1");
        ok("queue", "create", project, "--name", "plain");

        assertThat(ok("queue", "list", project).out().lines().toList())
                .anySatisfy(line -> assertThat(line).startsWith("assisted").endsWith(", suggestions from run m1"))
                .anySatisfy(line -> assertThat(line).startsWith("plain").doesNotContain("suggestions"));
        assertThat(ok("queue", "status", project, "--name", "assisted").out()).contains("suggestions from run m1");
        assertThat(json("queue", "status", project, "--name", "assisted", "--json").get("suggestions").asText())
                .isEqualTo("m1");
        assertThat(json("queue", "status", project, "--name", "plain", "--json").get("suggestions").isNull()).isTrue();
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            assertThat(SqlRows.of(store, "SELECT q.name, r.name FROM queue q LEFT JOIN prediction_run r"
                    + " ON r.id = q.suggestions_run ORDER BY q.id"))
                    .containsExactly(List.of("assisted", "m1"), java.util.Arrays.asList("plain", null));
        }
    }

    @Test
    void anUnknownRunOrADisagreementsQueueIsRefusedInOneLineAndMakesNoQueue() {
        refused("no prediction run named 'nope'", "queue", "create", project, "--name", "x", "--suggestions", "nope");
        refused("a disagreements queue adjudicates; it does not show suggestions", "queue", "create", project,
                "--name", "x", "--strategy", "disagreements", "--suggestions", "m1");
        assertThat(ok("queue", "list", project).out()).doesNotContain("x ");
    }

    @Test
    void agreementHlpAndDisagreementsAreHumanOnlyUnlessAskedAndGroundTruthKeepsAcceptedSuggestions()
            throws Exception {
        labels("""
                u1.png,ana,cat,human
                u1.png,ben,dog,human
                u2.png,ana,dog,human
                u3.png,ana,fox,human
                u3.png,ben,cat,human
                u4.png,ana,cat,human
                u4.png,ben,cat,human
                u5.png,ana,dog,human
                """, "first.csv");
        labels("""
                u1.png,ben,cat,accepted-suggestion
                u2.png,ben,fox,accepted-suggestion
                u5.png,ben,dog,accepted-suggestion
                u6.png,ben,cat,accepted-suggestion
                """, "accepted.csv");

        JsonNode human = json("agreement", project, "--json", "--bootstrap", "0");
        assertThat(human.get("units").asInt()).isEqualTo(2); // u1 is not ana cat vs ben's older dog
        assertThat(human.get("percent_agreement").asDouble()).isCloseTo(0.5, within(1e-12));
        JsonNode with = json("agreement", project, "--json", "--bootstrap", "0", "--include-suggestions");
        assertThat(with.get("units").asInt()).isEqualTo(5);
        assertThat(with.get("percent_agreement").asDouble()).isCloseTo(0.6, within(1e-12));

        JsonNode hlp = json("hlp", project, "--json", "--bootstrap", "0");
        assertThat(hlp.get("items").asInt()).isEqualTo(2);
        assertThat(hlp.get("hlp").asDouble()).isCloseTo(0.5, within(1e-12));
        JsonNode hlpWith = json("hlp", project, "--json", "--bootstrap", "0", "--include-suggestions");
        assertThat(hlpWith.get("items").asInt()).isEqualTo(5);
        assertThat(hlpWith.get("hlp").asDouble()).isCloseTo(0.6, within(1e-12));

        assertThat(keys(json("disagreements", project, "--json"))).containsExactly("u3.png");
        assertThat(keys(json("disagreements", project, "--json", "--include-suggestions")))
                .containsExactlyInAnyOrder("u2.png", "u3.png");

        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            GroundTruth truth = store.read(tx -> GroundTruth.read(tx, TruthSource.DEFAULT));
            long u6 = Long.parseLong(SqlRows.of(store, "SELECT id FROM item WHERE key = 'u6.png'").get(0).get(0));
            assertThat(truth.classNames().get(truth.classOf(u6))).isEqualTo("cat"); // ben's accepted answer
        }
        assertThat(ok("agreement", "--help").out()).contains("--include-suggestions");
        assertThat(ok("hlp", "--help").out()).contains("--include-suggestions");
    }

    private void labels(String rows, String name) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "item,annotator,label,origin\n" + rows);
        ok("labels", "import", project, "--file", file.toString());
    }

    private static List<String> keys(JsonNode rows) {
        List<String> keys = new java.util.ArrayList<>();
        rows.forEach(row -> keys.add(row.get("item").asText()));
        return keys;
    }
}
