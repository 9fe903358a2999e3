package org.labelbench.dataset.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelbench.dataset.export.ExportFixtures.attrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.dataset.VersionEntry;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.media.Sha256;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CsvCells;

/** Exports of hand-made versions over real files, read back as a user's tools read them. */
class ExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Exporter exporter = new Exporter();

    private Path project() {
        return dir.resolve("project");
    }

    /** Five images: two splits, three classes, one unlabeled, one without a split; two share a file name. */
    private ExportFixtures.ListVersion sample() throws IOException {
        return new ExportFixtures.Entries(project())
                .image("a/cat1.png", "media/a/cat1.png", "cat", "train", attrs("site", "s1"), List.of("ben", "ana"))
                .image("b/cat1.png", "media/b/cat1.png", "cat", "train", attrs("site", "s2"), List.of("ana"))
                .image("dog1.png", "media/dog1.png", "dog", "dev", attrs("device", "phone"), List.of("ana"))
                .image("owl1.png", "media/owl1.png", "owl", null, attrs(), List.of("ben"))
                .image("x.png", "media/x.png", null, "test", attrs("site", "s1"), List.of())
                .version();
    }

    private ExportResult export(ExportedVersion version, ExportFormat format, MediaMode media, Path out)
            throws IOException {
        return exporter.export(version, new ExportRequest(format, media, out, false, null), JobContext.silent());
    }

    @Test
    void jsonlHasOneObjectPerItemInKeyOrderWithTheContractsFieldsAndRelativePathsWhenCopied() throws IOException {
        Path out = dir.resolve("out");
        export(sample(), ExportFormat.JSONL, MediaMode.COPY, out);

        List<String> lines = Files.readAllLines(out.resolve("items.jsonl"));
        assertThat(lines).hasSize(5);
        JsonNode first = JSON.readTree(lines.get(0));
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("key", "path", "sha256", "media", "label", "split", "tags", "attributes",
                "label_rule", "annotators", "guideline_version", "model_run");
        assertThat(lines.stream().map(l -> read(l).get("key").asText()))
                .containsExactly("a/cat1.png", "b/cat1.png", "dog1.png", "owl1.png", "x.png");
        // two cat1.png in media/train/cat: both get the key's hash, so neither depends on the other
        assertThat(first.get("path").asText()).isEqualTo("media/train/cat/cat1-" + SafeNames.keyHash("a/cat1.png")
                + ".png");
        assertThat(out.resolve(first.get("path").asText())).exists();
        assertThat(Sha256.of(out.resolve(first.get("path").asText()))).isEqualTo(first.get("sha256").asText());
        assertThat(first.get("annotators")).hasSize(2);
        assertThat(first.get("annotators").get(0).asText()).isEqualTo("ana");
        assertThat(first.get("attributes").get("site").asText()).isEqualTo("s1");
        assertThat(first.get("guideline_version").asInt()).isEqualTo(2);
        assertThat(first.get("model_run").isNull()).isTrue();
        JsonNode owl = read(lines.get(3));
        assertThat(owl.get("split").isNull()).isTrue();
        assertThat(owl.get("path").asText()).isEqualTo("media/_/owl/owl1.png");
        JsonNode unlabeled = read(lines.get(4));
        assertThat(unlabeled.get("label").isNull()).isTrue();
        assertThat(unlabeled.get("path").asText()).isEqualTo("media/test/_unlabeled/x.png");
    }

    @Test
    void pathsOnlyWritesTheProjectFilesAbsolutePathsAndCopiesNothing() throws IOException {
        Path out = dir.resolve("out");
        ExportResult result = export(sample(), ExportFormat.JSONL, MediaMode.PATHS, out);

        JsonNode first = read(Files.readAllLines(out.resolve("items.jsonl")).get(0));
        assertThat(first.get("path").asText()).isEqualTo(project().resolve("media/a/cat1.png").toAbsolutePath()
                .normalize().toString());
        assertThat(out.resolve("media")).doesNotExist();
        assertThat(result.mediaFiles()).isZero();
    }

    @Test
    void everyExportHasManifestChecksumsThatVerifyAndADatasetCard() throws IOException {
        Path out = dir.resolve("out");
        export(sample(), ExportFormat.CSV, MediaMode.COPY, out);

        List<String> checksums = Files.readAllLines(out.resolve("files.sha256"));
        List<String> listed = new ArrayList<>();
        for (String line : checksums) {
            String[] parts = line.split("  ", 2);
            assertThat(Sha256.of(out.resolve(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
            listed.add(parts[1]);
        }
        assertThat(listed).isSorted().contains("README.md", "items.csv", "manifest.json")
                .doesNotContain("files.sha256");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ExportFixtures.tree(out).keySet().stream()
                .filter(p -> !p.equals("files.sha256")).toList());
        assertThat(JSON.readTree(out.resolve("manifest.json").toFile()).get("items").asInt()).isEqualTo(5);
        String card = Files.readString(out.resolve("README.md"));
        assertThat(card).contains("Items: 5", "unlabeled: 1", "| train | 2 |", "v2", "Format: csv",
                "copied into this folder", "import batch 1");
    }

    @Test
    void csvHasTheColumnsThenOneColumnPerAttributeAndNeutralisesFormulas() throws IOException {
        List<String> nasty = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx",
                "'=already");
        ExportFixtures.Entries entries = new ExportFixtures.Entries(project());
        for (int i = 0; i < nasty.size(); i++) {
            entries.image("k" + i, "media/k" + i + ".png", "cat", "train", attrs("note", nasty.get(i)),
                    List.of("ana"));
        }
        Path out = dir.resolve("out");
        export(entries.version(), ExportFormat.CSV, MediaMode.PATHS, out);

        String text = Files.readString(out.resolve("items.csv"));
        assertThat(text).doesNotContain("\r\n");
        try (Reader reader = Files.newBufferedReader(out.resolve("items.csv"))) {
            Iterator<CSVRecord> records = CSVFormat.RFC4180.parse(reader).iterator();
            assertThat(records.next().toList()).containsExactly("key", "path", "sha256", "media", "label", "split",
                    "tags", "label_rule", "annotators", "guideline_version", "model_run", "attr.note");
            for (String value : nasty) {
                CSVRecord row = records.next();
                String cell = row.get(11);
                assertThat(cell).startsWith("'");
                assertThat(CsvCells.restoreText(cell)).isEqualTo(value);
                assertThat(row.get(4)).isEqualTo("cat");
                assertThat(row.get(9)).isEqualTo("2");
            }
        }
        for (String line : Files.readAllLines(out.resolve("items.csv")).subList(1, 1)) {
            assertThat(line).doesNotStartWith("=");
        }
    }

    @Test
    void jsonlNeutralisesFormulaTextToo() throws IOException {
        ExportFixtures.ListVersion version = new ExportFixtures.Entries(project())
                .image("=cmd", "media/a.png", "cat", null, attrs("n", "@SUM(1)"), List.of("+ana")).version();
        Path out = dir.resolve("out");
        export(version, ExportFormat.JSONL, MediaMode.PATHS, out);

        JsonNode item = read(Files.readAllLines(out.resolve("items.jsonl")).get(0));
        assertThat(item.get("key").asText()).isEqualTo("'=cmd");
        assertThat(item.get("attributes").get("n").asText()).isEqualTo("'@SUM(1)");
        assertThat(item.get("annotators").get(0).asText()).isEqualTo("'+ana");
    }

    @Test
    void imagefolderPutsFilesUnderSplitAndClassAndLeavesOutUnlabeledItems() throws IOException {
        Path out = dir.resolve("out");
        ExportResult result = export(sample(), ExportFormat.IMAGEFOLDER, MediaMode.COPY, out);

        assertThat(ExportFixtures.tree(out).keySet()).contains("train/cat/cat1-" + SafeNames.keyHash("a/cat1.png")
                + ".png", "train/cat/cat1-" + SafeNames.keyHash("b/cat1.png") + ".png", "dev/dog/dog1.png",
                "owl/owl1.png").noneMatch(p -> p.contains("x.png"));
        assertThat(result.leftOut()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("README.md"))).contains("Left out by this format: 1 (unlabeled items)");
    }

    @Test
    void layoutsMadeOfFilesRefusePathsOnly() {
        assertThatThrownBy(() -> export(sample(), ExportFormat.IMAGEFOLDER, MediaMode.PATHS, dir.resolve("out")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--copy or --link");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void huggingFaceHasHfSplitFoldersEachWithMetadataCsvNamingFilesBesideIt() throws IOException {
        Path out = dir.resolve("out");
        export(sample(), ExportFormat.HF, MediaMode.COPY, out);

        assertThat(out.resolve("train/metadata.csv")).exists();
        assertThat(out.resolve("validation/metadata.csv")).exists();
        assertThat(out.resolve("test/metadata.csv")).exists();
        assertThat(out.resolve("dev")).doesNotExist();
        List<CSVRecord> train = csv(out.resolve("train/metadata.csv"));
        assertThat(train.get(0).toList()).containsExactly("file_name", "label", "device", "site");
        // the two train cats and the unsplit owl
        assertThat(train).hasSize(4);
        for (CSVRecord row : train.subList(1, train.size())) {
            assertThat(out.resolve("train").resolve(row.get(0))).isRegularFile();
        }
        assertThat(train.get(3).get(0)).isEqualTo("owl1.png");
        assertThat(train.get(3).get(1)).isEqualTo("owl");
        List<CSVRecord> validation = csv(out.resolve("validation/metadata.csv"));
        assertThat(validation.get(1).toList()).containsExactly("dog1.png", "dog", "phone", "");
        List<CSVRecord> test = csv(out.resolve("test/metadata.csv"));
        assertThat(test.get(1).get(1)).isEmpty();
    }

    @Test
    void huggingFaceWritesAttributesNamedLikeItsOwnColumnsAsAttrName() throws IOException {
        Path out = dir.resolve("out");
        ExportFixtures.ListVersion version = new ExportFixtures.Entries(project())
                .image("a.png", "media/a.png", "cat", "train",
                        attrs("label", "tabby", "file_name", "orig.png", "image", "scan", "attr_label", "x"), List.of())
                .image("b.png", "media/b.png", "dog", "train", attrs("audio", "none", "site", "s1"), List.of())
                .version();
        export(version, ExportFormat.HF, MediaMode.COPY, out);

        List<CSVRecord> train = csv(out.resolve("train/metadata.csv"));
        // the attribute attr_label keeps its name, so the attribute label moves one prefix further
        assertThat(train.get(0).toList()).containsExactly("file_name", "label", "attr_label", "attr_audio",
                "attr_file_name", "attr_image", "attr_attr_label", "site");
        assertThat(train.get(1).toList()).containsExactly("a.png", "cat", "x", "", "orig.png", "scan", "tabby", "");
        assertThat(train.get(2).toList()).containsExactly("b.png", "dog", "", "none", "", "", "", "s1");
        assertThat(out.resolve("train").resolve(train.get(1).get(0))).isRegularFile();
    }

    @Test
    void labelStudioTasksHaveDataAndOneChoicesResultFromLabelToImage() throws IOException {
        Path out = dir.resolve("out");
        export(sample(), ExportFormat.LABELSTUDIO, MediaMode.COPY, out);

        JsonNode tasks = JSON.readTree(out.resolve("tasks.json").toFile());
        assertThat(tasks.isArray()).isTrue();
        assertThat(tasks).hasSize(5);
        JsonNode dog = tasks.get(2);
        assertThat(dog.get("data").get("image").asText()).isEqualTo("media/dev/dog/dog1.png");
        assertThat(dog.get("data").get("key").asText()).isEqualTo("dog1.png");
        JsonNode result = dog.get("annotations").get(0).get("result");
        assertThat(result).hasSize(1);
        assertThat(result.get(0).get("type").asText()).isEqualTo("choices");
        assertThat(result.get(0).get("from_name").asText()).isEqualTo("label");
        assertThat(result.get(0).get("to_name").asText()).isEqualTo("image");
        assertThat(result.get(0).get("value").get("choices").get(0).asText()).isEqualTo("dog");
        assertThat(tasks.get(4).get("annotations")).isEmpty();
        String config = Files.readString(out.resolve("label_config.xml"));
        assertThat(config).contains("<Image name=\"image\" value=\"$image\"/>",
                "<Choices name=\"label\" toName=\"image\"", "<Choice value=\"cat\"/>", "<Choice value=\"owl\"/>");
    }

    @Test
    void cocoSwapsWidthAndHeightOfAnExifRotatedJpegAndNumbersCategoriesFromOne() throws IOException {
        Path root = project();
        Files.createDirectories(root.resolve("media"));
        Path rotated = root.resolve("media/side.jpg");
        Files.write(rotated, ExportFixtures.jpegWithOrientation(40, 30, 6));
        Path upright = root.resolve("media/up.jpg");
        Files.write(upright, ExportFixtures.jpegWithOrientation(40, 30, 1));
        assertThat(ExifOrientation.of(rotated)).isEqualTo(6);
        assertThat(ExifOrientation.of(upright)).isEqualTo(1);
        ExportFixtures.ListVersion version = new ExportFixtures.Entries(root)
                .entry(new VersionEntry("side.jpg", "media/side.jpg", Sha256.of(rotated), "image", 40, 30, "dog",
                        "single", "train", List.of(), new TreeMap<>(), 1, List.of("ana"), null, null))
                .entry(new VersionEntry("up.jpg", "media/up.jpg", Sha256.of(upright), "image", 40, 30, "cat",
                        "single", "train", List.of(), new TreeMap<>(), 1, List.of("ana"), null, null))
                .entry(new VersionEntry("zz.wav", "media/zz.wav", "00", "audio", null, null, "cat", "single", null,
                        List.of(), new TreeMap<>(), 1, List.of(), null, null))
                .version();
        Path out = dir.resolve("out");
        ExportResult result = export(version, ExportFormat.COCO, MediaMode.COPY, out);

        JsonNode coco = JSON.readTree(out.resolve("annotations.json").toFile());
        JsonNode side = coco.get("images").get(0);
        assertThat(side.get("id").asInt()).isEqualTo(1);
        assertThat(side.get("file_name").asText()).isEqualTo("images/train/side.jpg");
        assertThat(side.get("width").asInt()).isEqualTo(30);
        assertThat(side.get("height").asInt()).isEqualTo(40);
        JsonNode up = coco.get("images").get(1);
        assertThat(up.get("width").asInt()).isEqualTo(40);
        assertThat(up.get("height").asInt()).isEqualTo(30);
        assertThat(coco.get("images")).hasSize(2);
        assertThat(result.leftOut()).isEqualTo(1);
        assertThat(coco.get("categories").get(0).get("id").asInt()).isEqualTo(1);
        assertThat(coco.get("categories").get(0).get("name").asText()).isEqualTo("cat");
        assertThat(coco.get("categories").get(1).get("id").asInt()).isEqualTo(2);
        JsonNode first = coco.get("annotations").get(0);
        assertThat(first.get("image_id").asInt()).isEqualTo(1);
        assertThat(first.get("category_id").asInt()).isEqualTo(2);
        assertThat(first.get("bbox").toString()).isEqualTo("[0,0,30,40]");
        assertThat(first.get("area").asInt()).isEqualTo(1200);
        assertThat(coco.get("annotations")).hasSize(2);
    }

    @Test
    void theSameVersionExportedTwiceGivesByteIdenticalFolders() throws IOException {
        for (ExportFormat format : ExportFormat.values()) {
            Path first = dir.resolve(format.id() + "-1");
            Path second = dir.resolve(format.id() + "-2");
            export(sample(), format, MediaMode.COPY, first);
            export(sample(), format, MediaMode.COPY, second);
            Map<String, byte[]> a = ExportFixtures.tree(first);
            Map<String, byte[]> b = ExportFixtures.tree(second);
            assertThat(b.keySet()).as(format.id()).isEqualTo(a.keySet());
            a.forEach((path, bytes) -> assertThat(b.get(path)).as(format.id() + " " + path).isEqualTo(bytes));
        }
    }

    @Test
    void aMissingMediaFileFailsTheExportNamingItAndLeavesNoFolder() throws IOException {
        ExportFixtures.ListVersion version = sample();
        Files.delete(project().resolve("media/owl1.png"));
        Path out = dir.resolve("out");

        assertThatThrownBy(() -> export(version, ExportFormat.JSONL, MediaMode.COPY, out))
                .isInstanceOf(BadInputException.class).hasMessageContaining("owl1.png").hasMessageContaining("missing");
        assertThat(out).doesNotExist();
        assertThat(siblings()).containsExactly("project");
    }

    @Test
    void copiesMadeOnSeveralThreadsAreEveryFileWholeAndAFileMissingLateStillFailsTheExportWhole()
            throws IOException {
        ExportFixtures.Entries entries = new ExportFixtures.Entries(project());
        for (int i = 0; i < 1500; i++) {
            entries.image(String.format("k%04d.png", i), String.format("media/%02d/k%04d.png", i % 7, i),
                    i % 2 == 0 ? "cat" : "dog", "train", attrs(), List.of("ana"));
        }
        ExportFixtures.ListVersion version = entries.version();
        Path out = dir.resolve("copied");
        ExportResult copied = export(version, ExportFormat.JSONL, MediaMode.COPY, out);

        assertThat(copied.mediaFiles()).isEqualTo(1500);
        List<String> checksums = Files.readAllLines(out.resolve("files.sha256"));
        assertThat(checksums).hasSizeGreaterThan(1500);
        for (String line : checksums) { // every copied file whole: its bytes hash to the version's SHA-256
            String[] parts = line.split("  ", 2);
            assertThat(Sha256.of(out.resolve(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }

        Files.delete(project().resolve("media/04/k1404.png"));
        Path failed = dir.resolve("failed");
        assertThatThrownBy(() -> export(version, ExportFormat.JSONL, MediaMode.COPY, failed))
                .isInstanceOf(BadInputException.class).hasMessageContaining("k1404.png").hasMessageContaining("missing");
        assertThat(failed).doesNotExist();
        assertThat(siblings()).containsExactlyInAnyOrder("project", "copied");
    }

    @Test
    void aCancelledExportLeavesNoFolderNotEvenTheParentsItMade() throws IOException {
        Path out = dir.resolve("new/deeper/out");
        JobContext cancelled = new JobContext() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public void message(String text) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> exporter.export(sample(), new ExportRequest(ExportFormat.CSV, MediaMode.COPY, out,
                false, null), cancelled)).isInstanceOf(JobCancelledException.class);
        assertThat(out).doesNotExist();
        assertThat(siblings()).containsExactly("project");
    }

    @Test
    void aNonEmptyFolderIsRefusedUnlessForcedAndForceReplacesItOnlyAfterSuccess() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "old");

        assertThatThrownBy(() -> export(sample(), ExportFormat.CSV, MediaMode.PATHS, out))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not empty").hasMessageContaining("--force");
        assertThat(out.resolve("old.txt")).exists();

        ExportFixtures.ListVersion broken = sample();
        Files.delete(project().resolve("media/dog1.png"));
        assertThatThrownBy(() -> exporter.export(broken, new ExportRequest(ExportFormat.CSV, MediaMode.COPY, out,
                true, null), JobContext.silent())).isInstanceOf(BadInputException.class);
        assertThat(out.resolve("old.txt")).as("a failed --force keeps the old export").exists();

        Files.write(project().resolve("media/dog1.png"), ExportFixtures.png(1));
        ExportResult result = exporter.export(broken, new ExportRequest(ExportFormat.CSV, MediaMode.COPY, out, true,
                null), JobContext.silent());
        assertThat(result.replaced()).isTrue();
        assertThat(out.resolve("old.txt")).doesNotExist();
        assertThat(out.resolve("items.csv")).exists();
        assertThat(siblings()).containsExactlyInAnyOrder("project", "out");
    }

    @Test
    void anEmptyFolderIsUsedAsItIs() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        export(sample(), ExportFormat.CSV, MediaMode.PATHS, out);
        assertThat(out.resolve("items.csv")).exists();
    }

    @Test
    void noKeyPathClassOrSplitWritesOutsideTheFolder() throws IOException {
        Path root = project().resolve("deep/er");
        Path out = dir.resolve("out");
        ExportFixtures.ListVersion version = new ExportFixtures.Entries(root)
                .image("../../evil", "../../evil.png", "..", "../../x", attrs(), List.of())
                .image("..\\..\\win", "media/..", "a/../../b", "/etc", attrs(), List.of())
                .version();
        for (ExportFormat format : ExportFormat.values()) {
            Path target = dir.resolve("out-" + format.id());
            export(version, format, MediaMode.COPY, target);
            try (Stream<Path> all = Files.walk(target)) {
                assertThat(all.map(p -> p.toAbsolutePath().normalize())).allMatch(p -> p.startsWith(target));
            }
        }
        assertThat(siblings()).noneMatch(name -> name.contains("evil") || name.equals("x") || name.equals("b"));
        assertThat(out).doesNotExist();
        ExportFolder folder = new ExportFolder(Files.createDirectories(dir.resolve("plain")));
        assertThatThrownBy(() -> folder.resolve("../escape.txt")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> folder.resolve("a/../../escape.txt")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> folder.resolve("/etc/passwd")).isInstanceOf(BadInputException.class);
    }

    @Test
    void linkHardLinksTheProjectsFiles() throws IOException {
        Path out = dir.resolve("out");
        ExportResult result = export(sample(), ExportFormat.IMAGEFOLDER, MediaMode.LINK, out);

        assertThat(Files.isSameFile(out.resolve("dev/dog/dog1.png"), project().resolve("media/dog1.png"))).isTrue();
        assertThat(result.mediaFiles()).isEqualTo(4);
        assertThat(result.linkFallbacks()).isZero();
        assertThat(Files.readString(out.resolve("README.md"))).contains("hard-linked");
    }

    @Test
    void pseudonymizedExportsNameAnnotatorsByAStableKeyedHash() throws IOException {
        byte[] key = new byte[32];
        key[0] = 7;
        Pseudonyms pseudonyms = new Pseudonyms(key);
        Path out = dir.resolve("out");
        exporter.export(sample(), new ExportRequest(ExportFormat.JSONL, MediaMode.PATHS, out, false, pseudonyms),
                JobContext.silent());

        String text = Files.readString(out.resolve("items.jsonl"));
        assertThat(text).doesNotContain("\"ana\"", "\"ben\"");
        JsonNode first = read(text.lines().findFirst().orElseThrow());
        List<String> names = new ArrayList<>();
        first.get("annotators").forEach(n -> names.add(n.asText()));
        assertThat(names).containsExactlyInAnyOrder(pseudonyms.of("ana"), pseudonyms.of("ben")).isSorted();
        assertThat(pseudonyms.of("ana")).matches("annotator-[0-9a-f]{10}").isEqualTo(new Pseudonyms(key).of("ana"))
                .isNotEqualTo(pseudonyms.of("ben"));
        byte[] other = key.clone();
        other[0] = 8;
        assertThat(new Pseudonyms(other).of("ana")).isNotEqualTo(pseudonyms.of("ana"));
        assertThat(Files.readString(out.resolve("README.md"))).contains("pseudonymized");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(reader).getRecords();
        }
    }
}
