package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.TestMedia;

class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        TestMedia.png(dir.resolve("images/cat/1.png"), 20, 10, 1);
        TestMedia.png(dir.resolve("images/cat/2.png"), 20, 10, 2);
        TestMedia.png(dir.resolve("images/dog/3.png"), 20, 10, 3);
        TestMedia.wav(dir.resolve("audio/yes.wav"), 16000, 0.5, 440);
        project = dir.resolve("p.lbproj").toString();
    }

    private JsonNode json(CliRunner.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    @Test
    void initImportInfoAsAScriptWouldUseThem() throws Exception {
        JsonNode init = json(CliRunner.run("init", project, "--name", "Pets", "--classes", "cat,dog", "--json"));
        assertThat(init.get("classes").toString()).isEqualTo("[\"cat\",\"dog\"]");

        JsonNode images = json(CliRunner.run("import", project, "--images", dir.resolve("images").toString(),
                "--json"));
        assertThat(images.get("added").asInt()).isEqualTo(3);
        JsonNode audio = json(CliRunner.run("import", project, "--audio", dir.resolve("audio").toString(), "--json"));
        assertThat(audio.get("added").asInt()).isEqualTo(1);

        JsonNode info = json(CliRunner.run("info", project, "--json"));
        assertThat(info.get("items").asInt()).isEqualTo(4);
        assertThat(info.get("images").asInt()).isEqualTo(3);
        assertThat(info.get("audio").asInt()).isEqualTo(1);
        assertThat(info.get("classes").toString()).isEqualTo("[\"cat\",\"dog\"]");
        assertThat(info.get("annotators").asInt()).isZero();
        assertThat(info.get("annotations").asInt()).isZero();
        assertThat(info.get("schema_version").asInt())
                .isEqualTo(org.labelbench.project.Migrations.builtIn().latestVersion());

        CliRunner.Result text = CliRunner.run("info", project);
        assertThat(text.out()).contains("items").contains("4").contains("cat, dog");
    }

    @Test
    void labelsRoundTripAndReimportingChangesNothing() throws Exception {
        CliRunner.run("init", project, "--name", "Pets", "--classes", "cat,dog");
        CliRunner.run("import", project, "--images", dir.resolve("images").toString());
        Path guideline = Files.writeString(dir.resolve("g.md"), "# Pets\n");
        CliRunner.run("guideline", "add", project, "--file", guideline.toString());
        Path v2 = Files.writeString(dir.resolve("g2.md"), "# Pets\n\nKittens are cats.\n");
        CliRunner.run("guideline", "add", project, "--file", v2.toString(), "--change", "kittens");
        Path labels = Files.writeString(dir.resolve("labels.csv"), """
                item,annotator,label,guideline_version
                cat/1.png,ana,cat,1
                cat/1.png,ben,dog,
                dog/3.png,ana,dog,v2
                """);

        JsonNode first = json(CliRunner.run("labels", "import", project, "--file", labels.toString(), "--json"));
        assertThat(first.get("added").asInt()).isEqualTo(3);
        assertThat(first.get("annotators_created").toString()).isEqualTo("[\"ana\",\"ben\"]");
        JsonNode second = json(CliRunner.run("labels", "import", project, "--file", labels.toString(), "--json"));
        assertThat(second.get("added").asInt()).isZero();
        assertThat(second.get("unchanged").asInt()).isEqualTo(3);

        Path exported = dir.resolve("out.csv");
        json(CliRunner.run("labels", "export", project, "--file", exported.toString(), "--json"));
        assertThat(Files.readString(exported).replaceAll(",\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z,", ",IMPORT-TIME,"))
                .as("submitted_at is the time of the import").isEqualToNormalizingNewlines("""
                item,annotator,label,guideline_version,transcript,note,unsure,skip_reason,origin,started_at,submitted_at,seconds,prediction_run
                cat/1.png,ana,cat,1,,,false,,import,,IMPORT-TIME,,
                cat/1.png,ben,dog,,,,false,,import,,IMPORT-TIME,,
                dog/3.png,ana,dog,2,,,false,,import,,IMPORT-TIME,,
                """);
        JsonNode info = json(CliRunner.run("info", project, "--json"));
        assertThat(info.get("annotators").asInt()).isEqualTo(2);
        assertThat(info.get("annotations").asInt()).isEqualTo(3);
    }

    @Test
    void anUnknownItemOrClassFailsTheWholeLabelFile() throws Exception {
        CliRunner.run("init", project, "--name", "Pets", "--classes", "cat,dog");
        CliRunner.run("import", project, "--images", dir.resolve("images").toString());
        Path labels = Files.writeString(dir.resolve("labels.csv"), """
                item,annotator,label
                cat/1.png,ana,cat
                cat/9.png,ana,cat
                dog/3.png,ana,horse
                """);

        CliRunner.Result result = CliRunner.run("labels", "import", project, "--file", labels.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: " + labels + ": row 3: unknown item 'cat/9.png'"
                + " (and 1 more problems); nothing imported");
        assertThat(json(CliRunner.run("info", project, "--json")).get("annotations").asInt()).isZero();
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        CliRunner.run("init", project, "--name", "Pets");
        Path text = Files.writeString(dir.resolve("notes.lbproj"), "not a database ".repeat(100));
        Path manifest = Files.writeString(dir.resolve("m.csv"), "name\nx\n");

        for (String[] args : new String[][] {
            {"info", dir.resolve("missing.lbproj").toString()},
            {"info", text.toString()},
            {"import", project, "--images", dir.resolve("no-such-dir").toString()},
            {"import", project, "--manifest", manifest.toString()},
            {"init", project, "--name", "again"},
            {"init", dir.resolve("q.lbproj").toString(), "--name", "Q", "--classes", "a,,b"},
            {"labels", "import", project, "--file", dir.resolve("none.csv").toString()},
        }) {
            CliRunner.Result result = CliRunner.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err().strip()).as(String.join(" ", args)).startsWith("error: ").doesNotContain("\n")
                    .doesNotContain("Exception");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void strictImportExitsTwoAndWritesTheReport() throws Exception {
        CliRunner.run("init", project, "--name", "Pets");
        Files.writeString(dir.resolve("images/readme.txt"), "about these images");

        CliRunner.Result strict = CliRunner.run("import", project, "--images", dir.resolve("images").toString(),
                "--strict", "--report", dir.resolve("report.csv").toString());

        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).contains("import rejected (--strict), nothing changed: readme.txt: unsupported format");
        assertThat(Files.readString(dir.resolve("report.csv"))).contains("readme.txt,skipped,unsupported format: .txt");
        assertThat(json(CliRunner.run("info", project, "--json")).get("items").asInt()).isZero();

        CliRunner.Result lenient = CliRunner.run("import", project, "--images", dir.resolve("images").toString());
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("Imported 3 items").contains("1 skipped").contains("Report: ");
        assertThat(lenient.err()).contains("skipped readme.txt: unsupported format: .txt");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRunner.run("import", "x.lbproj").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("frobnicate").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("--help").exitCode()).isZero();
    }
}
