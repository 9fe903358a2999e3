package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.labeling.LabelingSession;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

/** `queue create --tag`: a queue over a manual or rule tag's items, stored and listed as "tag NAME". */
class QueueTagCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 0; i < 6; i++) {
            boolean cat = i % 2 == 0;
            // Cats are small, dogs wide: a rule on the width tags the cats.
            TestMedia.png(dir.resolve("images/" + (cat ? "cat" : "dog") + "/" + i + ".png"), cat ? 12 : 80, 12, i);
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

    private static void refused(String expectedError, String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: " + expectedError);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aQueueOverAManualTagServesItsItemsInKeyOrder() throws Exception {
        ok("tag", project, "--add", "picked", "--items", "dog/5.png,cat/0.png");

        JsonNode created = JSON.readTree(ok("queue", "create", project, "--name", "picked", "--tag", "picked",
                "--json").out());

        assertThat(created.get("items").asInt()).isEqualTo(2);
        assertThat(created.get("scope").asText()).isEqualTo("tag picked");
        try (ProjectStore store = ProjectStore.open(Path.of(project));
                LabelingSession session = LabelingSession.open(store, "picked", "ana", "labeler")) {
            assertThat(session.current().orElseThrow().item().key()).isEqualTo("cat/0.png");
        }
        assertThat(ok("queue", "list", project).out()).contains("(tag picked)");
    }

    @Test
    void aQueueOverARuleTagTakesTheItemsTheRuleMatches() {
        ok("tag", project, "--rule", "width < 64", "--name", "small");

        assertThat(ok("queue", "create", project, "--name", "smalls", "--tag", "small").out().strip())
                .isEqualTo("Created queue 'smalls': 3 items (tag small), sequential, overlap 1");
    }

    @Test
    void anUnknownTagOrATagWithAnotherScopeIsRefusedInOneLine() {
        refused("no tag named 'ghost'", "queue", "create", project, "--name", "q", "--tag", "ghost");
        refused("--tag cannot be combined with --items-file, --media, --attr or --unlabeled", "queue", "create",
                project, "--name", "q", "--tag", "ghost", "--unlabeled");
        assertThat(ok("queue", "list", project).out()).contains("No queues yet");
    }
}
