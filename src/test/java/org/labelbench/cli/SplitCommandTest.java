package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.TestMedia;

/** split, split check and split freeze from the command line, on a project of real PNGs. */
class SplitCommandTest {
    @TempDir
    Path dir;

    private String project() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        List<String> lines = new ArrayList<>(List.of("key,path,label,source"));
        for (int i = 0; i < 40; i++) {
            TestMedia.png(media.resolve("i" + i + ".png"), 12, 12, i);
            lines.add("i" + i + ",i" + i + ".png," + (i % 4 == 0 ? "dog" : "cat") + ",src" + (i % 8));
        }
        Files.write(media.resolve("manifest.csv"), lines);
        String project = dir.resolve("p.lbproj").toString();
        assertThat(CliRunner.run("init", project, "--name", "p", "--classes", "cat,dog").exitCode()).isZero();
        assertThat(CliRunner.run("import", project, "--manifest", media.resolve("manifest.csv").toString())
                .exitCode()).isZero();
        return project;
    }

    @Test
    void splitReportsCountsAndSharesAndCheckAndFreezeFollow() throws Exception {
        String project = project();
        CliRunner.Result made = CliRunner.run("split", project, "--ratios", "0.5,0.25,0.25", "--seed", "4",
                "--group-by", "attr:source", "--json");
        assertThat(made.exitCode()).as(made.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(made.out());
        assertThat(json.get("items").asInt()).isEqualTo(40);
        assertThat(json.get("splits").get(0).get("name").asText()).isEqualTo("train");
        // Eight sources of five items: whole sources per split, so counts are multiples of five.
        int total = 0;
        for (JsonNode split : json.get("splits")) {
            assertThat(split.get("items").asInt() % 5).isZero();
            total += split.get("items").asInt();
        }
        assertThat(total).isEqualTo(40);
        assertThat(json.get("rule").get("group_by").asText()).isEqualTo("attr:source");
        assertThat(json.get("replaced").isNull()).isTrue();
        assertThat(json.get("leakage").get("near_duplicate_threshold_bits").asInt()).isEqualTo(4);

        CliRunner.Result again = CliRunner.run("split", project, "--ratios", "0.5,0.25,0.25", "--seed", "5");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Replaced the previous split (train 0.5, dev 0.25, test 0.25, seed 4)")
                .contains("Largest deviation from the whole:");

        CliRunner.Result check = CliRunner.run("split", "check", project);
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("no identical content across splits");

        assertThat(CliRunner.run("split", "freeze", project).exitCode()).isZero();
        CliRunner.Result refused = CliRunner.run("split", project, "--ratios", "0.8,0.2", "--seed", "1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("frozen").contains("nothing changed");
        assertThat(CliRunner.run("split", "freeze", project, "--off").exitCode()).isZero();
        assertThat(CliRunner.run("split", project, "--ratios", "0.8,0.2", "--seed", "1").exitCode()).isZero();
    }

    @Test
    void badInputExitsTwoWithTheReason() throws Exception {
        String project = project();
        CliRunner.Result noRatios = CliRunner.run("split", project, "--seed", "1");
        assertThat(noRatios.exitCode()).isEqualTo(2);
        assertThat(noRatios.err()).contains("--ratios");
        CliRunner.Result badSum = CliRunner.run("split", project, "--ratios", "0.7,0.1", "--seed", "1");
        assertThat(badSum.exitCode()).isEqualTo(2);
        assertThat(badSum.err()).contains("--ratios 0.7,0.1: the shares sum to 0.8, not 1 (or 100)");
        CliRunner.Result noSplit = CliRunner.run("split", "check", project);
        assertThat(noSplit.exitCode()).isEqualTo(2);
        assertThat(noSplit.err()).contains("no split yet");
        CliRunner.Result noAttribute = CliRunner.run("split", project, "--ratios", "0.5,0.5", "--seed", "1",
                "--group-by", "attr:speaker");
        assertThat(noAttribute.exitCode()).isEqualTo(2);
        assertThat(noAttribute.err()).contains("no item has that attribute");
    }
}
