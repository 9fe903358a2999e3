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
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.LadderProject;
import org.labelbench.testing.SqlRows;

/** `assist ladder` end to end on {@link LadderProject} (its figures worked out there by hand). */
class AssistLadderCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        project = LadderProject.create(dir).toString();
    }

    @Test
    void printsTheFiveRungsWithTheirVerdicts() {
        CliRunner.Result result = CliRunner.run("assist", "ladder", project, "--run", "m1", "--by", "attr:camera");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Automation ladder of run 'm1' (truth: the adjudicated label, else the"
                + " majority label (ties left out); HLP 80.6 %)");
        assertThat(lines.get(1)).isEqualTo("1. Human only         [met] 10 items labeled by 3 people; HLP 80.6 % is the"
                + " bar the model is held to");
        assertThat(lines.get(2)).startsWith("2. Shadow             [not met] On 6 human-labeled items the model agrees"
                + " with the humans 77.8 % of the time");
        assertThat(result.out()).contains("     night                      3   55.6 %   61.1 %");
        assertThat(result.out()).contains("3. AI assistance      [no data] No suggestions shown yet");
        assertThat(result.out()).contains("4. Partial automation [met] Confidence ≥ 0.5 keeps the accuracy at 87.5 %");
        assertThat(result.out()).contains("     0.5           80.0 %    87.5 %  <- threshold");
        assertThat(result.out()).contains("5. Full automation    [not met] Not allowed: the run's accuracy on all 10"
                + " human-labeled items it predicted is 80.0 %, below HLP 80.6 % (0.6 points below)");
    }

    @Test
    void jsonCarriesTheFiguresAndTheCurve() throws Exception {
        CliRunner.Result result = CliRunner.run("assist", "ladder", project, "--run", "m1", "--target", "0.9", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode ladder = JSON.readTree(result.out());
        assertThat(ladder.at("/target/accuracy").asDouble()).isEqualTo(0.9);
        assertThat(ladder.at("/target/source").asText()).isEqualTo("target");
        assertThat(ladder.at("/shadow/model_agreement").asDouble()).isCloseTo(LadderProject.MODEL_AGREEMENT,
                within(1e-12));
        assertThat(ladder.at("/shadow/hlp").asDouble()).isCloseTo(LadderProject.HLP, within(1e-12));
        assertThat(ladder.at("/assistance/accepted_share").isNull()).isTrue();
        assertThat(ladder.at("/partial/threshold").asDouble()).isEqualTo(0.85);
        assertThat(ladder.at("/partial/coverage").asDouble()).isEqualTo(0.3);
        assertThat(ladder.at("/partial/auto_labels").asInt()).isEqualTo(3);
        assertThat(ladder.at("/partial/expected_wrong").asDouble()).isZero();
        assertThat(ladder.at("/partial/curve")).hasSize(10);
        assertThat(ladder.at("/partial/curve/3/accuracy").asDouble()).isEqualTo(0.75);
        assertThat(ladder.at("/full/allowed").asBoolean()).isFalse();
        assertThat(ladder.at("/rungs")).hasSize(5);
        assertThat(ladder.at("/rungs/2/standing").asText()).isEqualTo("no-data");
    }

    @Test
    void applyWritesAutoLabelsAndQueuesTheRest() throws Exception {
        CliRunner.Result result = CliRunner.run("assist", "ladder", project, "--run", "m1", "--apply", "--queue",
                "people");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Applied: 5 auto labels by model:m1 at confidence ≥ 0.5 (measured accuracy"
                + " 87.5 %, about 0.6 expected wrong)");
        assertThat(result.out()).contains("Queue 'people': the 1 unlabeled items left for people");
        CliRunner.Result queues = CliRunner.run("queue", "list", project);
        assertThat(queues.out()).contains("people");
        // The humans' HLP is as it was: auto labels are no one's opinion.
        CliRunner.Result hlp = CliRunner.run("hlp", project, "--json");
        assertThat(JSON.readTree(hlp.out()).at("/hlp").asDouble()).isCloseTo(LadderProject.HLP, within(1e-12));

        CliRunner.Result again = CliRunner.run("assist", "ladder", project, "--run", "m1", "--apply");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("error: nothing to apply: no unlabeled item has a confidence at or"
                + " above 0.5 in run 'm1'");
    }

    @Test
    void badInputExitsTwoInOneLineAndChangesNothing() throws Exception {
        assertRefused("error: --target 1.5 is outside (0, 1]: it is an accuracy, e.g. 0.95", "--run", "m1",
                "--target", "1.5", "--apply");
        assertRefused("error: --target 0.0 is outside (0, 1]: it is an accuracy, e.g. 0.95", "--run", "m1",
                "--target", "0");
        assertThat(run("--run", "nope").err()).startsWith("error: no prediction run named 'nope'");
        Files.writeString(dir.resolve("bare.csv"), "item,label\nu01.png,cat\n");
        CliRunner.run("predictions", "import", project, "--run", "bare", "--file", dir.resolve("bare.csv").toString());
        assertRefused("error: run 'bare' has no confidences: the ladder needs each prediction's confidence (a"
                + " confidence or p_<class> columns when importing)", "--run", "bare", "--apply");
        assertRefused("error: --queue names the queue --apply makes; add --apply", "--run", "m1", "--queue", "q");
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM annotation WHERE origin = 'auto'"))
                    .containsExactly(List.of("0"));
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM queue")).containsExactly(List.of("0"));
        }

        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        String bare = empty.resolve("p.lbproj").toString();
        CliRunner.run("init", bare, "--name", "e", "--classes", "cat,dog");
        org.labelbench.testing.TestMedia.png(empty.resolve("img/a.png"), 8, 8, 1);
        CliRunner.run("import", bare, "--images", empty.resolve("img").toString());
        Files.writeString(empty.resolve("p.csv"), "item,label,confidence\na.png,cat,0.9\n");
        CliRunner.run("predictions", "import", bare, "--run", "m", "--file", empty.resolve("p.csv").toString());
        CliRunner.Result unlabeled = CliRunner.run("assist", "ladder", bare, "--run", "m");
        assertThat(unlabeled.exitCode()).isEqualTo(2);
        assertThat(unlabeled.err().strip()).isEqualTo("error: the project has no human labels: the ladder measures the"
                + " model against them, so label some items first");
    }

    private CliRunner.Result run(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "assist";
        args[1] = "ladder";
        args[2] = project;
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRunner.run(args);
    }

    private void assertRefused(String message, String... options) {
        CliRunner.Result result = run(options);
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(message);
    }
}
