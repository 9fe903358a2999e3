package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.testing.TestMedia;

/**
 * `queue create --uncertain-first RUN`: the run is sure of u1 (margin 1 − 0.85 = 0.15), unsure of
 * u2 (0.95) and in between on u3 (0.7), and did not predict u4: the queue serves u2, u3, u1, u4.
 */
class QueueUncertaintyCommandTest {
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 1; i <= 4; i++) {
            TestMedia.png(dir.resolve("images/u" + i + ".png"), 8, 8, i);
        }
        project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "t", "--classes", "cat,dog,fox");
        ok("import", project, "--images", dir.resolve("images").toString());
        ok("predictions", "import", project, "--run", "m1", "--file", Files.writeString(dir.resolve("m1.csv"), """
                item,label,p_cat,p_dog,p_fox
                u1.png,cat,0.9,0.05,0.05
                u2.png,cat,0.4,0.35,0.25
                u3.png,cat,0.6,0.3,0.1
                """).toString());
        ok("predictions", "import", project, "--run", "bare", "--file",
                Files.writeString(dir.resolve("bare.csv"), "item,label\nu1.png,cat\n").toString());
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    private List<String> order(String queue) {
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            return SqlRows.of(store, "SELECT i.key FROM queue_item qi JOIN queue q ON q.id = qi.queue"
                    + " JOIN item i ON i.id = qi.item WHERE q.name = ? ORDER BY qi.position", queue)
                    .stream().map(row -> row.get(0)).toList();
        }
    }

    @Test
    void theMostUncertainItemsComeFirstAndTheQueueSaysSo() {
        CliRunner.Result created = ok("queue", "create", project, "--name", "al", "--uncertain-first", "m1");
        assertThat(created.out()).contains("(all items, most uncertain first (margin of run m1))");
        assertThat(order("al")).containsExactly("u2.png", "u3.png", "u1.png", "u4.png");

        ok("queue", "create", project, "--name", "al-entropy", "--uncertain-first", "m1", "--uncertainty", "entropy");
        assertThat(order("al-entropy")).containsExactly("u2.png", "u3.png", "u1.png", "u4.png");
    }

    @Test
    void aRunWithoutProbabilitiesOrAnUnknownMeasureIsRefusedAndMakesNoQueue() {
        CliRunner.Result bare = CliRunner.run("queue", "create", project, "--name", "x", "--uncertain-first", "bare");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("run 'bare' has no probabilities");
        CliRunner.Result measure = CliRunner.run("queue", "create", project, "--name", "x", "--uncertain-first", "m1",
                "--uncertainty", "vibes");
        assertThat(measure.exitCode()).isEqualTo(2);
        assertThat(measure.err()).contains("unknown uncertainty 'vibes'");
        assertThat(ok("queue", "list", project).out()).doesNotContain("x ");
    }
}
