package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.analysis.TruthSource;
import org.labelbench.dataset.VersionExport;
import org.labelbench.dataset.VersionScope;
import org.labelbench.dataset.VersionService;
import org.labelbench.media.Sha256;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

/** export from the command line: a real project of PNGs with labels by two annotators, a stored version. */
class ExportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String project() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        List<String> manifest = new ArrayList<>(List.of("key,path,source"));
        List<String> labels = new ArrayList<>(List.of("item,annotator,label"));
        for (int i = 0; i < 12; i++) {
            TestMedia.png(media.resolve("i" + i + ".png"), 10, 8, i);
            manifest.add("i" + i + ",i" + i + ".png,src" + (i % 3));
            if (i < 10) {
                labels.add("i" + i + ",ana," + (i % 2 == 0 ? "cat" : "dog"));
                labels.add("i" + i + ",ben," + (i % 2 == 0 ? "cat" : "dog"));
            }
        }
        Files.write(media.resolve("manifest.csv"), manifest);
        String project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "p", "--classes", "cat,dog");
        ok("import", project, "--manifest", media.resolve("manifest.csv").toString());
        ok("labels", "import", project, "--file", Files.write(dir.resolve("labels.csv"), labels).toString());
        ok("split", project, "--ratios", "0.5,0.25,0.25", "--seed", "3");
        try (ProjectStore store = ProjectStore.open(Path.of(project))) {
            new VersionService().create(store, "v1", "first", VersionScope.ALL, TruthSource.DEFAULT, "lead");
        }
        return project;
    }

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    @Test
    void exportWritesTheFormatTheManifestAndChecksumsAndRecordsItInTheLineage() throws Exception {
        String project = project();
        Path out = dir.resolve("out");
        JsonNode json = JSON.readTree(ok("export", project, "--version", "v1", "--format", "csv", "--out",
                out.toString(), "--copy", "--json").out());

        assertThat(json.get("items").asInt()).isEqualTo(12);
        assertThat(json.get("media_files").asInt()).isEqualTo(12);
        List<String> rows = Files.readAllLines(out.resolve("items.csv"));
        assertThat(rows).hasSize(13);
        assertThat(rows.get(0)).startsWith("key,path,sha256,media,label,split,tags,label_rule,annotators")
                .endsWith(",attr.source");
        assertThat(rows.get(1)).startsWith("i0,media/").contains(",cat,", "ana;ben");
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("version").asText()).isEqualTo("v1");
        assertThat(manifest.get("manifest_sha256").asText()).isEqualTo(json.get("manifest_sha256").asText());
        for (String line : Files.readAllLines(out.resolve("files.sha256"))) {
            String[] parts = line.split("  ", 2);
            assertThat(Sha256.of(out.resolve(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }
        assertThat(Files.readString(out.resolve("README.md"))).contains("Deciding labels by ana", "Import batch");
        Path paths = dir.resolve("paths");
        ok("export", project, "--version", "v1", "--format", "csv", "--out", paths.toString());
        List<String> pathRows = Files.readAllLines(paths.resolve("items.csv"));
        assertThat(pathRows.get(0)).isEqualTo(rows.get(0));
        assertThat(pathRows.get(1)).startsWith("i0," + dir.resolve("media/i0.png").toAbsolutePath());
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            List<VersionExport> exports = new VersionService().exports(store, "v1");
            assertThat(exports).hasSize(2);
            assertThat(exports.get(0).format()).isEqualTo("csv");
            assertThat(exports.get(0).filesSha256()).isEqualTo(Sha256.of(out.resolve("files.sha256")));
        }
    }

    @Test
    void aVersionReExportedAfterTheLabelsChangedIsByteIdentical() throws Exception {
        String project = project();
        Path first = dir.resolve("first");
        ok("export", project, "--version", "v1", "--format", "jsonl", "--out", first.toString(), "--copy");
        List<String> relabel = List.of("item,annotator,label", "i0,ana,dog", "i0,ben,dog", "i11,ana,cat");
        ok("labels", "import", project, "--file", Files.write(dir.resolve("relabel.csv"), relabel).toString());
        Path second = dir.resolve("second");
        ok("export", project, "--version", "v1", "--format", "jsonl", "--out", second.toString(), "--copy");

        Map<String, byte[]> a = tree(first);
        Map<String, byte[]> b = tree(second);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((path, bytes) -> assertThat(b.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void aMissingMediaFileExitsTwoNamingItAndLeavesNoFolder() throws Exception {
        String project = project();
        Files.delete(dir.resolve("media/i5.png"));
        Path out = dir.resolve("out");

        CliRunner.Result result = CliRunner.run("export", project, "--version", "v1", "--format", "imagefolder",
                "--out", out.toString(), "--copy");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("i5.png").contains("missing");
        assertThat(out).doesNotExist();
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("out"));
        }
        try (ProjectStore store = ProjectStore.openReadOnly(Path.of(project))) {
            assertThat(new VersionService().exports(store, "v1")).isEmpty();
        }
    }

    @Test
    void aNonEmptyFolderIsRefusedWithoutForceAndReplacedWithIt() throws Exception {
        String project = project();
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");

        CliRunner.Result refused = CliRunner.run("export", project, "--version", "v1", "--format", "coco", "--out",
                out.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(out.toString()).contains("not empty");
        assertThat(out.resolve("keep.txt")).exists();

        ok("export", project, "--version", "v1", "--format", "coco", "--out", out.toString(), "--force");
        assertThat(out.resolve("keep.txt")).doesNotExist();
        assertThat(out.resolve("annotations.json")).exists();
    }

    @Test
    void refusalsNameTheReason() throws Exception {
        String project = project();
        CliRunner.Result paths = CliRunner.run("export", project, "--version", "v1", "--format", "hf", "--out",
                dir.resolve("hf").toString());
        assertThat(paths.exitCode()).isEqualTo(2);
        assertThat(paths.err()).contains("--copy or --link");
        CliRunner.Result version = CliRunner.run("export", project, "--version", "v9", "--format", "csv", "--out",
                dir.resolve("x").toString());
        assertThat(version.exitCode()).isEqualTo(2);
        assertThat(version.err()).contains("v9");
        CliRunner.Result format = CliRunner.run("export", project, "--version", "v1", "--format", "parquet", "--out",
                dir.resolve("x").toString());
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("parquet");
        assertThat(dir.resolve("hf")).doesNotExist();
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void pseudonymizeHidesAnnotatorNamesAndKeepsThePseudonymsAcrossExports() throws Exception {
        String project = project();
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        ok("export", project, "--version", "v1", "--format", "jsonl", "--out", first.toString(), "--pseudonymize");
        ok("export", project, "--version", "v1", "--format", "labelstudio", "--out", second.toString(),
                "--pseudonymize");

        String items = Files.readString(first.resolve("items.jsonl"));
        assertThat(items + Files.readString(first.resolve("README.md"))).doesNotContain("ana", "ben");
        JsonNode item = JSON.readTree(items.lines().findFirst().orElseThrow());
        String pseudonym = item.get("annotators").get(0).asText();
        assertThat(pseudonym).matches("annotator-[0-9a-f]{10}");
        JsonNode tasks = JSON.readTree(second.resolve("tasks.json").toFile());
        List<String> again = new ArrayList<>();
        tasks.get(0).get("meta").get("annotators").forEach(n -> again.add(n.asText()));
        assertThat(again).contains(pseudonym);
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
