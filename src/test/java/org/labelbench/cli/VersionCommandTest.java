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

/** version create, list, show, diff and lineage from the command line, on a project of real PNGs. */
class VersionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** 40 pictures: every fourth a dog, the rest cats, i0..i4 unlabeled; split 0.5/0.25/0.25. */
    private String project() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        List<String> lines = new ArrayList<>(List.of("key,path,label,source"));
        for (int i = 0; i < 40; i++) {
            TestMedia.png(media.resolve("i" + i + ".png"), 12, 12, i);
            lines.add("i" + i + ",i" + i + ".png," + (i < 5 ? "" : i % 4 == 0 ? "dog" : "cat") + ",src" + (i % 8));
        }
        Files.write(media.resolve("manifest.csv"), lines);
        String project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "p", "--classes", "cat,dog");
        ok("import", project, "--manifest", media.resolve("manifest.csv").toString());
        ok("split", project, "--ratios", "0.5,0.25,0.25", "--seed", "4");
        return project;
    }

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    private static JsonNode json(String... args) throws Exception {
        return JSON.readTree(ok(args).out());
    }

    @Test
    void createListShowDiffAndLineage() throws Exception {
        String project = project();
        JsonNode v1 = json("version", "create", project, "--name", "v1", "--note", "first", "--json");
        assertThat(v1.get("items").asInt()).isEqualTo(40);
        assertThat(v1.get("unlabeled").asInt()).isEqualTo(5);
        assertThat(v1.get("label_rules").get("single").asInt()).isEqualTo(35);
        assertThat(v1.get("parent").isNull()).isTrue();
        assertThat(v1.get("manifest_sha256").asText()).hasSize(64);

        CliRunner.Result text = ok("version", "create", project, "--name", "dev-only", "--items", "split:dev");
        assertThat(text.out()).contains("Version dev-only:").contains("(split:dev)").contains("parent v1");

        ok("adjudicate", project, "--item", "i8", "--class", "cat", "--by", "lead", "--role", "lead");
        JsonNode v2 = json("version", "create", project, "--name", "v2", "--json");
        assertThat(v2.get("parent").asText()).isEqualTo("dev-only");
        assertThat(v2.get("label_rules").get("adjudicated").asInt()).isEqualTo(1);
        assertThat(v2.get("manifest_sha256").asText()).isNotEqualTo(v1.get("manifest_sha256").asText());

        JsonNode list = json("version", "list", project, "--json");
        assertThat(list).extracting(n -> n.get("name").asText()).containsExactly("v1", "dev-only", "v2");
        assertThat(ok("version", "list", project).out()).contains("v1").contains("first");

        JsonNode show = json("version", "show", project, "v2", "--json");
        assertThat(show.get("classes").get("cat").asInt()).isEqualTo(28);
        assertThat(show.get("classes").get("dog").asInt()).isEqualTo(7);
        assertThat(show.get("classes").get("(unlabeled)").asInt()).isEqualTo(5);
        int perSplit = 0;
        for (JsonNode split : show.get("splits")) {
            perSplit += split.asInt();
        }
        assertThat(perSplit).isEqualTo(40);
        assertThat(show.get("label_rules").get("adjudicated").asInt()).isEqualTo(1);
        assertThat(show.get("annotators")).anySatisfy(a -> assertThat(a.get("annotator").asText()).isEqualTo("lead"));
        assertThat(ok("version", "show", project, "v2").out()).contains("Version v2: 40 items").contains("class")
                .contains("Label rules: (unlabeled) 5, adjudicated 1, single 34");

        JsonNode diff = json("version", "diff", project, "v1", "v2", "--json");
        assertThat(diff.get("added").get("count").asInt()).isZero();
        assertThat(diff.get("removed").get("count").asInt()).isZero();
        assertThat(diff.get("moved").get("count").asInt()).isZero();
        assertThat(diff.get("relabeled").get("count").asInt()).isEqualTo(1);
        JsonNode relabeled = diff.get("relabeled").get("first").get(0);
        assertThat(relabeled.get("key").asText()).isEqualTo("i8");
        assertThat(relabeled.get("old_label").asText()).isEqualTo("dog");
        assertThat(relabeled.get("new_label").asText()).isEqualTo("cat");
        assertThat(ok("version", "diff", project, "v1", "v2").out())
                .contains("From v1 to v2: 0 added, 0 removed, 1 relabeled, 0 moved between splits.")
                .contains("i8: dog -> cat");
        JsonNode shrunk = json("version", "diff", project, "v2", "dev-only", "--json", "--rows", "2");
        assertThat(shrunk.get("removed").get("count").asInt()).isEqualTo(40 - v1ItemsOf(project, "dev-only"));
        assertThat(shrunk.get("removed").get("first")).hasSize(2);
        JsonNode every = json("version", "diff", project, "v2", "dev-only", "--json");
        assertThat(every.get("removed").get("first")).hasSize(every.get("removed").get("count").asInt());

        JsonNode lineage = json("version", "lineage", project, "v2", "--json");
        assertThat(lineage.get("nodes")).extracting(n -> n.get("id").asText()).contains("labels:import", "labels:lead",
                "version:dev-only", "version:v2");
        assertThat(lineage.get("edges")).anySatisfy(e -> {
            assertThat(e.get("from").asText()).isEqualTo("labels:lead");
            assertThat(e.get("to").asText()).isEqualTo("version:v2");
            assertThat(e.get("items").asInt()).isEqualTo(1);
        });
        assertThat(ok("version", "lineage", project, "v2").out()).contains("labels by lead -> version v2");
    }

    private static int v1ItemsOf(String project, String version) throws Exception {
        return json("version", "show", project, version, "--json").get("items").asInt();
    }

    @Test
    void refusalsExitTwoWithOneLineAndStoreNothing() throws Exception {
        String project = project();
        ok("version", "create", project, "--name", "v1");
        ok("tag", project, "--rule", "width < 1", "--name", "none");
        String[][] refused = {
            {"'v1' exists", "version", "create", project, "--name", "v1"},
            {"split:holdout", "version", "create", project, "--name", "v2", "--items", "split:holdout"},
            {"no tag 'nope'", "version", "create", project, "--name", "v2", "--items", "tag:nope"},
            {"selects no items", "version", "create", project, "--name", "v2", "--items", "tag:none"},
            {"--items takes", "version", "create", project, "--name", "v2", "--items", "some"},
            {"no annotator 'zed'", "version", "create", project, "--name", "v2", "--truth", "annotator:zed"},
            {"no version 'v9'", "version", "show", project, "v9"},
            {"no version 'v9'", "version", "diff", project, "v1", "v9"},
        };
        for (String[] row : refused) {
            CliRunner.Result result = CliRunner.run(java.util.Arrays.copyOfRange(row, 1, row.length));
            assertThat(result.exitCode()).as(String.join(" ", row)).isEqualTo(2);
            assertThat(result.err()).contains(row[0]);
            assertThat(result.err().strip().lines()).hasSize(1);
        }
        assertThat(json("version", "list", project, "--json")).hasSize(1);
    }
}
