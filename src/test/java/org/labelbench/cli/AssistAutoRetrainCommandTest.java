package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.RetrainingProject;

/** Setting, showing and stopping a queue's background retraining from the command line, and its refusals. */
class AssistAutoRetrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void setsShowsAndStopsAQueuesRetraining() throws Exception {
        String project = RetrainingProject.create(dir).toString();
        assertThat(ok("assist", "auto-retrain", project, "--queue", "next").out())
                .contains("Queue 'next' does not retrain in the background");

        JsonNode set = JSON.readTree(ok("assist", "auto-retrain", project, "--queue", "next", "--model", "m1",
                "--every", "25", "--uncertainty", "entropy", "--json").out());
        assertThat(set.get("model").asText()).isEqualTo("m1");
        assertThat(set.get("every_labels").asInt()).isEqualTo(25);
        assertThat(set.get("uncertainty").asText()).isEqualTo("entropy");
        assertThat(set.get("labels_to_next").asInt()).isEqualTo(25);
        assertThat(set.get("last_model").isNull()).isTrue();
        assertThat(ok("assist", "auto-retrain", project, "--queue", "next").out())
                .contains("Queue 'next' retrains 'm1' every 25 new labels and re-ranks by entropy: 25 labels to the"
                        + " next round");

        assertThat(ok("assist", "auto-retrain", project, "--queue", "next", "--off").out())
                .contains("no longer retrains");
        assertThat(ok("assist", "auto-retrain", project, "--queue", "next").out()).contains("does not retrain");
    }

    @Test
    void refusesWithOneLineAndChangesNothing() throws Exception {
        String project = RetrainingProject.create(dir).toString();
        refused("no queue named 'ghost'", "assist", "auto-retrain", project, "--queue", "ghost", "--model", "m1",
                "--every", "5");
        refused("no model named 'nope'", "assist", "auto-retrain", project, "--queue", "next", "--model", "nope", "--every", "5");
        refused("out of range", "assist", "auto-retrain", project, "--queue", "next", "--model", "m1", "--every",
                "0");
        refused("needs both --model and --every", "assist", "auto-retrain", project, "--queue", "next", "--every",
                "5");
        refused("--off stops", "assist", "auto-retrain", project, "--queue", "next", "--off", "--model", "m1");
        assertThat(ok("assist", "auto-retrain", project, "--queue", "next").out()).contains("does not retrain");
    }

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    private static void refused(String reason, String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(result.err()).contains(reason);
        assertThat(result.err().strip().lines().count()).isEqualTo(1);
    }
}
