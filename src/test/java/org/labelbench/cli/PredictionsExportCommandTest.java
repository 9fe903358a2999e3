package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** `predictions export` end to end: what it prints, what it writes, and that the file imports back. */
class PredictionsExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_ROWS = "SELECT i.key, c.name, p.confidence, hex(p.probabilities)"
            + " FROM prediction p JOIN item i ON i.id = p.item JOIN label_class c ON c.id = p.label_class"
            + " JOIN prediction_run r ON r.id = p.run WHERE r.name = ? ORDER BY i.key";

    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 1; i <= 3; i++) {
            TestMedia.png(dir.resolve("images/u0" + i + ".png"), 8, 8, i);
        }
        project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "t", "--classes", "cat,dog,fox");
        ok("import", project, "--images", dir.resolve("images").toString());
        ok("predictions", "import", project, "--run", "m1", "--file", Files.writeString(dir.resolve("m1.csv"),
                "item,label,p_dog,p_cat,p_fox\nu03.png,fox,0.1,0.2,0.7\nu01.png,cat,0.3,0.6,0.1\n"
                        + "u02.png,dog,0.5,0.25,0.25\n").toString());
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    @Test
    void exportsARunThatImportsBackAsTheSameRun() throws Exception {
        Path out = dir.resolve("out.csv");

        CliRunner.Result exported = ok("predictions", "export", project, "--run", "m1", "--file", out.toString());

        assertThat(exported.out().strip()).isEqualTo("Wrote 3 predictions of run 'm1' to " + out);
        assertThat(Files.readAllLines(out)).containsExactly("item,label,confidence,p_dog,p_cat,p_fox",
                "u01.png,cat,0.6000000238418579,0.3,0.6,0.1", "u02.png,dog,0.5,0.5,0.25,0.25",
                "u03.png,fox,0.699999988079071,0.1,0.2,0.7");
        ok("predictions", "import", project, "--run", "m1-again", "--file", out.toString());
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            assertThat(SqlRows.of(store, RUN_ROWS, "m1-again")).isEqualTo(SqlRows.of(store, RUN_ROWS, "m1"))
                    .hasSize(3);
        }
    }

    @Test
    void jsonSaysWhatWasWrittenAndAnExistingFileIsReplaced() throws Exception {
        Path out = Files.writeString(dir.resolve("out.csv"), "old\n");

        JsonNode facts = JSON.readTree(ok("predictions", "export", project, "--run", "m1", "--file", out.toString(),
                "--json").out());

        assertThat(facts.get("run").asText()).isEqualTo("m1");
        assertThat(facts.get("rows").asLong()).isEqualTo(3);
        assertThat(facts.get("file").asText()).isEqualTo(out.toAbsolutePath().normalize().toString());
        assertThat(facts.get("probability_classes")).extracting(JsonNode::asText).containsExactly("dog", "cat", "fox");
        assertThat(Files.readAllLines(out)).hasSize(4).first().isEqualTo("item,label,confidence,p_dog,p_cat,p_fox");
    }

    @Test
    void anUnknownRunIsExit2NamingItAndWritesNoFile() throws Exception {
        Path out = dir.resolve("out.csv");

        CliRunner.Result result = CliRunner.run("predictions", "export", project, "--run", "m9", "--file",
                out.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: no prediction run named 'm9'; runs: m1");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void exportsWhileTheProjectIsOpenForWriting() throws Exception {
        try (ProjectStore writer = ProjectStore.open(Path.of(project))) {
            ok("predictions", "export", project, "--run", "m1", "--file", dir.resolve("out.csv").toString());
        }
        assertThat(Files.readAllLines(dir.resolve("out.csv"))).hasSize(4);
    }
}
