package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.TestMedia;

/** import --labelstudio and --dataset from the command line: reports, exit codes, nothing changed on bad input. */
class ImportFormatsCommandTest {
    @TempDir
    Path dir;

    private Path imageExport() throws Exception {
        Path target = dir.resolve("image-classification.json");
        try (InputStream in = getClass().getResourceAsStream("/org/labelbench/ingest/labelstudio/image-classification.json")) {
            Files.copy(in, target);
        }
        return target;
    }

    private static String info(String project) throws Exception {
        CliRunner.Result info = CliRunner.run("info", project, "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        return info.out();
    }

    @Test
    void labelStudioImportReportsEachSkippedTaskAndAMalformedFileExitsTwoChangingNothing() throws Exception {
        Path root = dir.resolve("ls-media");
        TestMedia.png(root.resolve("upload/7/3f2a9c1e-cat_1.png"), 16, 16, 1);
        TestMedia.png(root.resolve("pets/dog 1.png"), 16, 16, 2);
        String project = dir.resolve("p.lbproj").toString();
        assertThat(CliRunner.run("init", project, "--name", "p", "--classes", "cat,dog").exitCode()).isZero();

        Path export = imageExport();
        Path broken = Files.writeString(dir.resolve("broken.json"), Files.readString(export).replace("\"id\": 102,",
                "\"id\": 102"));
        String before = info(project);
        CliRunner.Result bad = CliRunner.run("import", project, "--labelstudio", broken.toString(), "--media-root",
                root.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("error: " + broken + ": malformed JSON at line 98, column 5: ").doesNotContain("\n");
        assertThat(info(project)).isEqualTo(before);

        CliRunner.Result misplaced = CliRunner.run("import", project, "--manifest", export.toString(), "--media-root",
                root.toString());
        assertThat(misplaced.exitCode()).isEqualTo(2);
        assertThat(misplaced.err()).contains("--media-root " + root + ": only a --labelstudio import reads it");

        CliRunner.Result ok = CliRunner.run("import", project, "--labelstudio", export.toString(), "--media-root",
                root.toString(), "--json");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(ok.out());
        assertThat(json.get("added").asInt()).isEqualTo(2);
        assertThat(json.get("labels_added").asInt()).isEqualTo(3);
        assertThat(json.get("skipped")).hasSize(4);
        assertThat(json.get("skipped").findValuesAsText("file")).containsExactlyInAnyOrder("task 103", "task 104",
                "task 105", "task 106");

        CliRunner.Result text = CliRunner.run("import", dir.resolve("q.lbproj").toString(), "--labelstudio",
                export.toString());
        assertThat(text.exitCode()).isEqualTo(2); // no such project: nothing is created
    }

    @Test
    void datasetImportOfAFolderThatIsNoExportExitsTwoNamingIt() throws Exception {
        String project = dir.resolve("p.lbproj").toString();
        assertThat(CliRunner.run("init", project, "--name", "p").exitCode()).isZero();
        Path folder = Files.createDirectories(dir.resolve("not-an-export"));
        CliRunner.Result bad = CliRunner.run("import", project, "--dataset", folder.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("error: " + folder + ": not a Labelbench export (no manifest.json)");
    }

    @Test
    void versionExportedAsCsvAndImportedIntoANewProjectHasTheSameManifestHash() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        StringBuilder manifest = new StringBuilder("key,path,label,speaker\n");
        for (int i = 0; i < 12; i++) {
            TestMedia.png(media.resolve("i" + i + ".png"), 10, 10, i);
            manifest.append("i").append(i).append(",i").append(i).append(".png,").append(i % 5 == 4 ? "" : i % 2 == 0
                    ? "cat" : "dog").append(",").append(i % 3 == 0 ? "=cmd()" : "s" + (i % 3)).append("\n");
        }
        Files.writeString(media.resolve("manifest.csv"), manifest);
        String source = dir.resolve("s.lbproj").toString();
        assertThat(CliRunner.run("init", source, "--name", "s", "--classes", "cat,dog").exitCode()).isZero();
        assertThat(CliRunner.run("import", source, "--manifest", media.resolve("manifest.csv").toString())
                .exitCode()).isZero();
        assertThat(CliRunner.run("split", source, "--ratios", "0.5,0.5", "--seed", "3").exitCode()).isZero();
        CliRunner.Result made = CliRunner.run("version", "create", source, "--name", "v1", "--json");
        assertThat(made.exitCode()).as(made.err()).isZero();
        Path out = dir.resolve("export");
        CliRunner.Result exported = CliRunner.run("export", source, "--version", "v1", "--format", "csv", "--out",
                out.toString(), "--copy");
        assertThat(exported.exitCode()).as(exported.err()).isZero();

        String target = dir.resolve("t.lbproj").toString();
        assertThat(CliRunner.run("init", target, "--name", "t").exitCode()).isZero();
        CliRunner.Result imported = CliRunner.run("import", target, "--dataset", out.toString(), "--json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(new ObjectMapper().readTree(imported.out()).get("skipped")).isEmpty();
        CliRunner.Result again = CliRunner.run("version", "create", target, "--name", "v1", "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();

        String stated = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("manifest_sha256")
                .asText();
        assertThat(new ObjectMapper().readTree(again.out()).findValue("manifest_sha256").asText()).isEqualTo(stated)
                .isEqualTo(new ObjectMapper().readTree(made.out()).findValue("manifest_sha256").asText());
    }
}
