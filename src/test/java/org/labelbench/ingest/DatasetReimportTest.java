package org.labelbench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.analysis.TruthSource;
import org.labelbench.dataset.SplitRule;
import org.labelbench.dataset.SplitService;
import org.labelbench.dataset.VersionEntry;
import org.labelbench.dataset.VersionManifest;
import org.labelbench.dataset.VersionScope;
import org.labelbench.dataset.VersionService;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CsvCells;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.testing.TestMedia;

/**
 * A version's jsonl or csv export (written here exactly as docs/datasets.md's export contract
 * says) re-imported into a new project restores keys, labels, splits and attributes, so a version
 * made there has the manifest hash the export's manifest.json states.
 */
class DatasetReimportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COLUMNS = List.of("key", "path", "sha256", "media", "label", "split", "tags",
            "attributes", "label_rule", "annotators", "guideline_version", "model_run");

    @TempDir
    Path dir;

    /** A project of PNGs and WAVs with labels, attributes (formula-like ones too), a split and version v1. */
    static ProjectStore sourceProject(Path dir) throws IOException {
        Path media = Files.createDirectories(dir.resolve("source-media"));
        List<String> manifest = new ArrayList<>(List.of("key,path,label,speaker,note"));
        String[] notes = {"=1+2", "-3 dB", "@home", "'=already quoted", "+x", "plain, with comma", "", "line\\nbreak"};
        for (int i = 0; i < 16; i++) {
            String file = i < 12 ? "p" + i + ".png" : "s" + i + ".wav";
            if (i < 12) {
                // p11 has p10's content: an export keeps both items, and so must its re-import.
                TestMedia.png(media.resolve(file), 8, 8, i == 11 ? 10 : i);
            } else {
                TestMedia.wav(media.resolve(file), 8000, 0.25, 200 + 50 * i);
            }
            String label = i % 7 == 6 ? "" : i % 3 == 0 ? "dog" : "cat";
            String key = i == 5 ? "-leading-dash" : "item" + i;
            manifest.add(key + "," + file + "," + label + "," + (i % 2 == 0 ? "alice" : "bob") + ",\""
                    + notes[i % notes.length] + "\"");
        }
        Files.write(media.resolve("manifest.csv"), manifest);
        ProjectStore store = ProjectStore.create(Files.createDirectories(dir.resolve("source")).resolve("s.lbproj"),
                new ProjectSettings("s", List.of("cat", "dog"), false));
        ImportReport imported = new ImportService(2).run(store, ImportRequest.of(ImportSource.MANIFEST,
                media.resolve("manifest.csv")).withKeepDuplicates(true), JobContext.silent());
        assertThat(imported.added()).isEqualTo(16);
        new SplitService().split(store, SplitRule.parse("0.5,0.25,0.25", null, 7, "label", null), "lead",
                JobContext.silent());
        new VersionService().create(store, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "lead");
        return store;
    }

    private static List<VersionEntry> entries(ProjectStore store) {
        List<VersionEntry> entries = new ArrayList<>();
        new VersionService().entries(store, "v1", entries::add);
        return entries;
    }

    static String manifestHash(Path export) throws IOException {
        return JSON.readTree(export.resolve("manifest.json").toFile()).get("manifest_sha256").asText();
    }

    /** items.jsonl with the project's absolute paths (an export without --copy), text neutralised as CSV cells. */
    private static Path jsonlExport(ProjectStore store, Path out) throws IOException {
        Files.createDirectories(out);
        VersionManifest.writeJson(out, new VersionService().summary(store, "v1"));
        List<String> lines = new ArrayList<>();
        for (VersionEntry e : entries(store)) {
            ObjectNode row = JSON.createObjectNode();
            row.put("key", CsvCells.neutralise(e.key()));
            row.put("path", store.directory().resolve(e.path()).toAbsolutePath().normalize().toString());
            row.put("sha256", e.sha256());
            row.put("media", e.media());
            row.put("label", e.label());
            row.put("split", e.split());
            e.tags().forEach(row.putArray("tags")::add);
            ObjectNode attributes = row.putObject("attributes");
            e.attributes().forEach((name, value) -> attributes.put(name, CsvCells.neutralise(value)));
            row.put("label_rule", e.labelRule());
            row.putArray("annotators").addAll(e.annotators().stream().map(JSON.getNodeFactory()::textNode).toList());
            row.put("guideline_version", e.guidelineVersion());
            row.put("model_run", e.modelRun());
            lines.add(JSON.writeValueAsString(row));
        }
        Files.write(out.resolve("items.jsonl"), lines, StandardCharsets.UTF_8);
        return out;
    }

    /** items.csv with media copied to media/SPLIT/CLASS/FILE and relative paths, cells neutralised. */
    private static Path csvExport(ProjectStore store, Path out) throws IOException {
        Files.createDirectories(out);
        VersionManifest.writeJson(out, new VersionService().summary(store, "v1"));
        List<VersionEntry> entries = entries(store);
        TreeSet<String> names = new TreeSet<>(VersionManifest.KEY_ORDER);
        entries.forEach(e -> names.addAll(e.attributes().keySet()));
        List<String> header = new ArrayList<>(COLUMNS);
        header.remove("attributes");
        header.addAll(header.indexOf("label_rule"), names.stream().map(n -> "attr." + n).toList());
        try (Writer writer = Files.newBufferedWriter(out.resolve("items.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
            csv.printRecord(header);
            for (VersionEntry e : entries) {
                Path source = store.directory().resolve(e.path());
                // Two items share a file name here only when they share content, so one copy serves both.
                String path = "media/" + (e.split() == null ? "_" : e.split()) + "/"
                        + (e.label() == null ? "_unlabeled" : e.label()) + "/" + source.getFileName();
                Files.createDirectories(out.resolve(path).getParent());
                if (!Files.exists(out.resolve(path))) {
                    Files.copy(source, out.resolve(path));
                }
                List<Object> cells = new ArrayList<>(List.of(e.key(), path, e.sha256(), e.media()));
                cells.add(e.label());
                cells.add(e.split());
                cells.add(String.join(";", e.tags()));
                names.forEach(n -> cells.add(e.attributes().get(n)));
                cells.add(e.labelRule());
                cells.add(String.join(";", e.annotators()));
                cells.add(e.guidelineVersion());
                cells.add(e.modelRun());
                CsvCells.printRow(csv, cells.toArray());
            }
        }
        return out;
    }

    static ImportReport reimport(ProjectStore target, Path export) {
        return new ImportService(2).run(target, ImportRequest.of(ImportSource.DATASET, export), JobContext.silent());
    }

    static String versionHash(ProjectStore store) {
        return new VersionService().create(store, "again", null, VersionScope.ALL, TruthSource.DEFAULT, "lead")
                .version().manifestSha256();
    }

    static List<List<String>> restored(ProjectStore store) {
        return SqlRows.of(store, "SELECT i.key, i.sha256, i.media, c.name, s.split,"
                + " (SELECT group_concat(name || '=' || value, '|') FROM (SELECT name, value FROM item_attr"
                + "  WHERE item = i.id ORDER BY name))"
                + " FROM item i LEFT JOIN item_split s ON s.item = i.id"
                + " LEFT JOIN annotation a ON a.item = i.id LEFT JOIN label_class c ON c.id = a.label_class"
                + " ORDER BY i.key");
    }

    @Test
    void jsonlExportReimportedGivesTheSameManifestHashLabelsSplitsAndAttributes() throws Exception {
        try (ProjectStore source = sourceProject(dir)) {
            Path export = jsonlExport(source, dir.resolve("out-jsonl"));
            try (ProjectStore target = ProjectStore.create(Files.createDirectories(dir.resolve("target")).resolve("t.lbproj"),
                    new ProjectSettings("t", List.of(), false))) {
                ImportReport report = reimport(target, export);

                assertThat(report.skipped()).isEmpty();
                assertThat(report.added()).isEqualTo(16);
                assertThat(report.labelsAdded()).isEqualTo(14);
                assertThat(restored(target)).isEqualTo(restored(source));
                assertThat(SqlRows.of(target, "SELECT DISTINCT n.name, n.role, a.origin FROM annotation a"
                        + " JOIN annotator n ON n.id = a.annotator")).containsExactly(List.of("dataset:v1", "import",
                        "import"));
                assertThat(SqlRows.of(target, "SELECT names, frozen, created_by FROM split_rule"))
                        .containsExactly(List.of("train,dev,test", "0", "import"));
                assertThat(new SplitService().rule(target)).isPresent();
                assertThat(versionHash(target)).isEqualTo(manifestHash(export));
            }
        }
    }

    @Test
    void csvExportReimportedStripsExactlyTheFormulaPrefixAndGivesTheSameManifestHash() throws Exception {
        try (ProjectStore source = sourceProject(dir)) {
            Path export = csvExport(source, dir.resolve("out-csv"));
            assertThat(Files.readString(export.resolve("items.csv"))).contains("\n'-leading-dash,", ",'=1+2,",
                    ",''=already quoted,");
            try (ProjectStore target = ProjectStore.create(Files.createDirectories(dir.resolve("target")).resolve("t.lbproj"),
                    new ProjectSettings("t", List.of(), false))) {
                ImportReport report = reimport(target, export);

                assertThat(report.skipped()).isEmpty();
                assertThat(restored(target)).isEqualTo(restored(source));
                assertThat(SqlRows.of(target, "SELECT value FROM item_attr WHERE name = 'note' ORDER BY value"))
                        .extracting(row -> row.get(0)).contains("=1+2", "-3 dB", "@home", "'=already quoted", "+x");
                assertThat(SqlRows.of(target, "SELECT key FROM item WHERE key LIKE '-%'"))
                        .containsExactly(List.of("-leading-dash"));
                // Relative paths are read from the export folder's copies.
                assertThat(SqlRows.of(target, "SELECT path FROM item WHERE key = 'item0'").get(0).get(0))
                        .contains("out-csv/media/");
                assertThat(versionHash(target)).isEqualTo(manifestHash(export));
            }
        }
    }

    @Test
    void rowsThatDoNotMatchTheExportAreSkippedWithReasonsAndAFolderThatIsNoExportFails() throws Exception {
        try (ProjectStore source = sourceProject(dir)) {
            Path export = csvExport(source, dir.resolve("out-csv"));
            List<String> lines = new ArrayList<>(Files.readAllLines(export.resolve("items.csv")));
            // Row 2 (item0): its copy replaced by other content; row 3: its path pointed outside the folder;
            // row 4: a split name no rule can hold.
            String item0Path = lines.get(1).split(",")[1];
            TestMedia.png(export.resolve(item0Path), 8, 8, 99);
            String[] third = lines.get(2).split(",", -1);
            third[1] = "../elsewhere.png";
            lines.set(2, String.join(",", third));
            String[] fourth = lines.get(3).split(",", -1);
            fourth[5] = "bad split";
            lines.set(3, String.join(",", fourth));
            Files.write(export.resolve("items.csv"), lines);
            try (ProjectStore target = ProjectStore.create(Files.createDirectories(dir.resolve("target")).resolve("t.lbproj"),
                    new ProjectSettings("t", List.of(), false))) {
                ImportReport report = reimport(target, export);

                Map<String, String> reasons = ImportServiceTest.reasons(report);
                assertThat(reasons.get("items.csv row 2")).startsWith("content differs from the export's SHA-256 ");
                assertThat(reasons.get("items.csv row 3")).isEqualTo("path escapes the export's folder: ../elsewhere.png");
                assertThat(reasons.get("items.csv row 4")).isEqualTo("split 'bad split' is not a split name (letters,"
                        + " digits, _ . -, at most 40)");
                assertThat(report.added()).isEqualTo(13);
                assertThat(SqlRows.of(target, "SELECT COUNT(*) FROM label_class")).containsExactly(List.of("2"));

                Path notAnExport = Files.createDirectories(dir.resolve("plain"));
                assertThatThrownBy(() -> reimport(target, notAnExport)).isInstanceOf(BadInputException.class)
                        .hasMessage(notAnExport + ": not a Labelbench export (no manifest.json)");
                Files.delete(export.resolve("items.csv"));
                assertThatThrownBy(() -> reimport(target, export)).isInstanceOf(BadInputException.class)
                        .hasMessageContaining("has no items.jsonl or items.csv");
            }
        }
    }
}
