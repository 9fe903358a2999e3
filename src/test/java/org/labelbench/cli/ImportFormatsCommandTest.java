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
}
