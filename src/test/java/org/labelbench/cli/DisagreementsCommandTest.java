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
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.testing.TestMedia;

/** `disagreements` and `adjudicate` end to end, read back as a script would. */
class DisagreementsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 1; i <= 5; i++) {
            TestMedia.png(dir.resolve("images/u" + i + ".png"), 8, 8, i);
        }
        project = dir.resolve("p.lbproj").toString();
        assertThat(CliRunner.run("init", project, "--name", "k", "--classes", "shirt,t-shirt,coat").exitCode()).isZero();
        assertThat(CliRunner.run("import", project, "--images", dir.resolve("images").toString()).exitCode()).isZero();
        Path file = Files.writeString(dir.resolve("labels.csv"), "item,annotator,label\n"
                + "u1.png,ana,shirt\nu1.png,ben,t-shirt\n"
                + "u2.png,ana,shirt\nu2.png,ben,t-shirt\nu2.png,cy,coat\n"
                + "u3.png,ana,coat\nu3.png,ben,coat\n"
                + "u4.png,ana,shirt\nu4.png,ben,shirt\nu4.png,cy,t-shirt\n");
        CliRunner.Result imported = CliRunner.run("labels", "import", project, "--file", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    private JsonNode disagreements(String... options) throws Exception {
        String[] args = new String[options.length + 3];
        args[0] = "disagreements";
        args[1] = project;
        System.arraycopy(options, 0, args, 2, options.length);
        args[args.length - 1] = "--json";
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    private static List<String> items(JsonNode list) {
        List<String> keys = new java.util.ArrayList<>();
        list.forEach(row -> keys.add(row.get("item").asText()));
        return keys;
    }

    @Test
    void listsContestedItemsMostContestedFirstWithEachAnnotatorsLabel() throws Exception {
        JsonNode list = disagreements();

        assertThat(items(list)).containsExactly("u2.png", "u1.png", "u4.png");
        JsonNode first = list.get(0);
        assertThat(first.get("contest").asDouble()).isEqualTo(2.0 / 3);
        assertThat(first.get("labels").toString()).isEqualTo("{\"ana\":\"shirt\",\"ben\":\"t-shirt\",\"cy\":\"coat\"}");
        assertThat(first.get("adjudicated").isNull()).isTrue();
        assertThat(list.get(1).get("contest").asDouble()).isEqualTo(0.5);
        assertThat(list.get(2).get("contest").asDouble()).isEqualTo(1.0 / 3);

        assertThat(items(disagreements("--limit", "2"))).containsExactly("u2.png", "u1.png");
        assertThat(items(disagreements("--class", "coat"))).containsExactly("u2.png");

        CliRunner.Result text = CliRunner.run("disagreements", project);
        assertThat(text.exitCode()).isZero();
        assertThat(text.out().lines().toList()).hasSize(4);
        assertThat(text.out().lines().findFirst().orElseThrow())
                .isEqualTo("3 contested items, 0 resolved; showing 3 unresolved");
        assertThat(text.out()).contains("u2.png", "0.67", "ana=shirt, ben=t-shirt, cy=coat");
    }

    @Test
    void aLabelerOrSomeoneWhoLabeledTheItemIsRefusedUnlessTheySaySo() throws Exception {
        CliRunner.Result labeler = CliRunner.run("adjudicate", project, "--item", "u1.png", "--class", "shirt",
                "--by", "dana", "--role", "labeler");
        assertThat(labeler.exitCode()).isEqualTo(2);
        assertThat(labeler.err().strip()).isEqualTo("error: only a reviewer or lead sets gold labels; dana is a labeler");

        CliRunner.Result own = CliRunner.run("adjudicate", project, "--item", "u1.png", "--class", "shirt",
                "--by", "ana");
        assertThat(own.exitCode()).isEqualTo(2);
        assertThat(own.err()).contains("'u1.png': ana labeled it; another reviewer or lead sets its gold");
        assertThat(items(disagreements("--all"))).containsExactly("u2.png", "u1.png", "u4.png");
        assertThat(disagreements("--all").get(1).get("adjudicated").isNull()).isTrue();

        CliRunner.Result allowed = CliRunner.run("adjudicate", project, "--item", "u1.png", "--class", "shirt",
                "--by", "ana", "--own-item");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    }

    @Test
    void adjudicatingResolvesAnItemAndCanAddAGuidelineExample() throws Exception {
        CliRunner.Result result = CliRunner.run("adjudicate", project, "--item", "u1.png", "--class", "shirt",
                "--by", "lena", "--example", "a collar makes it a shirt");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("u1.png: gold 'shirt' by lena",
                "Added an example of 'u1.png' for the next guideline version");

        assertThat(items(disagreements())).containsExactly("u2.png", "u4.png");
        JsonNode all = disagreements("--all");
        assertThat(items(all)).containsExactly("u2.png", "u1.png", "u4.png");
        assertThat(all.get(1).get("adjudicated").asText()).isEqualTo("shirt");

        CliRunner.Result again = CliRunner.run("adjudicate", project, "--item", "u1.png", "--class", "t-shirt",
                "--by", "omar", "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode outcome = JSON.readTree(again.out());
        assertThat(outcome.get("adjudicated").asText()).isEqualTo("t-shirt");
        assertThat(outcome.get("previous").asText()).isEqualTo("shirt");
        assertThat(outcome.get("written").asBoolean()).isTrue();
        assertThat(outcome.get("example").isNull()).isTrue();

        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            assertThat(SqlRows.of(store, "SELECT n.name, lc.name, a.origin, a.kind FROM annotation a"
                    + " JOIN annotator n ON n.id = a.annotator JOIN label_class lc ON lc.id = a.label_class"
                    + " WHERE a.origin = 'adjudicated' ORDER BY a.id")).containsExactly(
                            List.of("lena", "shirt", "adjudicated", "class"),
                            List.of("omar", "t-shirt", "adjudicated", "class"));
            assertThat(SqlRows.of(store, "SELECT e.version IS NULL, i.key, lc.name, e.note, e.author"
                    + " FROM guideline_example e JOIN item i ON i.id = e.item JOIN label_class lc ON lc.id = e.label_class"))
                    .containsExactly(List.of("1", "u1.png", "shirt", "a collar makes it a shirt", "lena"));
        }
        // the gold is what HLP measures against
        JsonNode hlp = JSON.readTree(CliRunner.run("hlp", project, "--json", "--bootstrap", "0").out());
        assertThat(hlp.get("items_with_gold").asInt()).isEqualTo(1);
    }

    @Test
    void badInputExitsTwoWithOneLineAndChangesNothing() throws Exception {
        String before = counts();

        assertBad(CliRunner.run("adjudicate", project, "--item", "nope.png", "--class", "shirt"),
                "error: no item with key 'nope.png'");
        assertBad(CliRunner.run("adjudicate", project, "--item", "u1.png", "--class", "jacket"),
                "error: 'u1.png': no class 'jacket' in the schema");
        assertBad(CliRunner.run("adjudicate", project, "--item", "u1.png", "--class", "shirt", "--example", " "),
                "error: --example: the note is empty; say why 'u1.png' is an example");
        assertThat(CliRunner.run("schema", "retire-class", project, "coat").exitCode()).isZero();
        String retired = counts();
        assertBad(CliRunner.run("adjudicate", project, "--item", "u2.png", "--class", "coat"),
                "error: 'u2.png': class 'coat' is retired");
        assertBad(CliRunner.run("disagreements", project, "--class", "jacket"),
                "error: no class 'jacket' in the schema");
        assertBad(CliRunner.run("disagreements", project, "--limit", "-1"), "error: --limit -1: must be 0 or more");

        assertThat(counts()).isEqualTo(retired).isEqualTo(before);
    }

    private static void assertBad(CliRunner.Result result, String line) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(LabelbenchCli.EXIT_BAD_INPUT);
        assertThat(result.err().strip()).isEqualTo(line);
        assertThat(result.out()).isEmpty();
    }

    private String counts() {
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            return SqlRows.of(store, "SELECT (SELECT COUNT(*) FROM annotation), (SELECT COUNT(*) FROM annotator),"
                    + " (SELECT COUNT(*) FROM guideline_example)").toString();
        }
    }
}
