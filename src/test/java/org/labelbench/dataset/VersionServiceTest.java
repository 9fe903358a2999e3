package org.labelbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.analysis.TruthSource;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.StoreException;
import org.labelbench.project.TagRepository;

/** Versions on a project of real PNGs in a real SQLite file: create, read back, immutability, diff, lineage. */
class VersionServiceTest {
    @TempDir
    Path dir;

    private final VersionService versions = new VersionService();

    /**
     * a1 cat (import only: single), a2 dog by import and alice under guideline 2 (majority),
     * a3 cat by import against alice's dog (a tie: unlabeled), a4 owl adjudicated by lead,
     * a5 unlabeled, a6 cat (single).
     */
    private Path project() throws Exception {
        Path project = SplitProject.create(dir, List.of(new SplitProject.Row("a1", "cat", "s1"),
                new SplitProject.Row("a2", "dog", "s1"), new SplitProject.Row("a3", "cat", "s2"),
                new SplitProject.Row("a4", "", "s2"), new SplitProject.Row("a5", "", ""),
                new SplitProject.Row("a6", "cat", "s3")));
        try (ProjectStore store = ProjectStore.open(project)) {
            label(store, "a2", "alice", "labeler", "dog", 2, "human");
            label(store, "a3", "alice", "labeler", "dog", 1, "human");
            label(store, "a4", "lead", "lead", "owl", 3, "adjudicated");
        }
        return project;
    }

    private static void label(ProjectStore store, String key, String annotator, String role, String label,
            Integer guideline, String origin) {
        store.write(tx -> {
            long item = new ItemRepository().findByKey(tx, key).orElseThrow().id();
            long who = new AnnotatorRepository().findOrCreate(tx, annotator, role).id();
            long labelClass = new LabelClassRepository().list(tx).stream().filter(c -> c.name().equals(label))
                    .findFirst().orElseThrow().id();
            new AnnotationRepository().appendOne(tx, NewAnnotation.classLabel(item, who, labelClass, guideline, origin,
                    Instant.now()));
            return null;
        });
    }

    private static void sql(ProjectStore store, String... statements) {
        store.write(tx -> {
            try (Statement s = tx.connection().createStatement()) {
                for (String statement : statements) {
                    s.executeUpdate(statement);
                }
            }
            return null;
        });
    }

    private List<VersionEntry> entries(ProjectStore store, String version) {
        List<VersionEntry> entries = new ArrayList<>();
        versions.entries(store, version, entries::add);
        return entries;
    }

    @Test
    void aVersionFreezesEveryItemWithItsLabelRuleAndProvenance() throws Exception {
        try (ProjectStore store = ProjectStore.open(project())) {
            VersionService.Created created = versions.create(store, "v1", "first cut", VersionScope.ALL,
                    TruthSource.DEFAULT, "tester");
            assertThat(created.version().items()).isEqualTo(6);
            assertThat(created.unlabeled()).isEqualTo(2);
            assertThat(created.labelRules()).containsExactlyInAnyOrderEntriesOf(Map.of("single", 2L, "majority", 1L,
                    "adjudicated", 1L));
            assertThat(created.version().parent()).isNull();
            assertThat(created.version().note()).isEqualTo("first cut");

            List<VersionEntry> entries = entries(store, "v1");
            assertThat(entries).extracting(VersionEntry::key).containsExactly("a1", "a2", "a3", "a4", "a5", "a6");
            assertThat(entries).extracting(VersionEntry::label).containsExactly("cat", "dog", null, "owl", null,
                    "cat");
            assertThat(entries).extracting(VersionEntry::labelRule).containsExactly("single", "majority", null,
                    "adjudicated", null, "single");
            VersionEntry a2 = entries.get(1);
            assertThat(a2.annotators()).containsExactly("alice", "import");
            assertThat(a2.guidelineVersion()).isEqualTo(2);
            assertThat(a2.attributes()).containsEntry("speaker", "s1");
            assertThat(a2.media()).isEqualTo("image");
            assertThat(a2.width()).isEqualTo(32);
            assertThat(a2.sha256()).isEqualTo(org.labelbench.media.Sha256.of(dir.resolve("batch1/a2.png")));
            assertThat(entries.get(3).annotators()).containsExactly("lead");
            assertThat(entries.get(3).guidelineVersion()).isEqualTo(3);
            assertThat(entries.get(4).attributes()).doesNotContainKey("speaker");
            // The stored hash is what anyone recomputes from the streamed entries.
            assertThat(VersionManifest.sha256(entries.stream())).isEqualTo(created.version().manifestSha256());

            assertThat(versions.list(store)).extracting(DatasetVersion::name).containsExactly("v1");
            VersionSummary summary = versions.summary(store, "v1");
            assertThat(summary.classCounts()).containsExactly(Map.entry("(unlabeled)", 2L), Map.entry("cat", 2L),
                    Map.entry("dog", 1L), Map.entry("owl", 1L));
            assertThat(summary.splitCounts()).containsExactly(Map.entry("(none)", 6L));
            assertThat(summary.annotators()).contains(new VersionSummary.AnnotatorShare("alice", 2, 1),
                    new VersionSummary.AnnotatorShare("lead", 3, 1));
            assertThat(summary.importBatches()).hasSize(1);
            assertThat(summary.importBatches().get(0).items()).isEqualTo(6);
        }
    }

    @Test
    void theDatabaseRefusesToChangeAVersion() throws Exception {
        try (ProjectStore store = ProjectStore.open(project())) {
            versions.create(store, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "tester");
            assertThatThrownBy(() -> sql(store, "UPDATE dataset_version SET note = 'edited'"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> sql(store, "UPDATE version_item SET label = 'owl' WHERE key = 'a1'"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> sql(store, "DELETE FROM version_item"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> sql(store, "DELETE FROM dataset_version"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("immutable");
            assertThat(versions.version(store, "v1").note()).isNull();
            assertThat(entries(store, "v1").get(0).label()).isEqualTo("cat");
        }
    }

    @Test
    void sameDataSameHashParentsChainAndARelabelChangesTheHash() throws Exception {
        try (ProjectStore store = ProjectStore.open(project())) {
            DatasetVersion v1 = versions.create(store, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "t").version();
            DatasetVersion v2 = versions.create(store, "v2", null, VersionScope.ALL, TruthSource.DEFAULT, "t").version();
            assertThat(v2.parent()).isEqualTo("v1");
            assertThat(v2.manifestSha256()).isEqualTo(v1.manifestSha256());
            assertThat(v2.labelsFingerprint()).isEqualTo(v1.labelsFingerprint());
            label(store, "a1", "lead", "lead", "dog", 3, "adjudicated");
            DatasetVersion v3 = versions.create(store, "v3", null, VersionScope.ALL, TruthSource.DEFAULT, "t").version();
            assertThat(v3.parent()).isEqualTo("v2");
            assertThat(v3.manifestSha256()).isNotEqualTo(v1.manifestSha256());
            assertThat(v3.labelsFingerprint()).isNotEqualTo(v1.labelsFingerprint());
            assertThat(versions.list(store)).extracting(DatasetVersion::parent).containsExactly(null, "v1", "v2");
            // v1 still says what it said.
            assertThat(entries(store, "v1").get(0).label()).isEqualTo("cat");
        }
    }

    @Test
    void diffListsAddedRemovedRelabeledAndMovedItemsExactly() throws Exception {
        try (ProjectStore store = ProjectStore.open(project())) {
            store.write(tx -> {
                TagRepository tags = new TagRepository();
                long first = tags.define(tx, "first", "manual", null, Instant.now());
                ItemRepository items = new ItemRepository();
                List<Long> ids = new ArrayList<>();
                for (String key : List.of("a1", "a2", "a3", "a4", "a5")) {
                    ids.add(items.findByKey(tx, key).orElseThrow().id());
                }
                tags.add(tx, first, ids, "manual", "t", Instant.now());
                return null;
            });
            sql(store, "INSERT INTO item_split (item, split) SELECT id, CASE key WHEN 'a3' THEN 'dev' ELSE 'train' END"
                    + " FROM item");
            versions.create(store, "v1", null, VersionScope.parse("tag:first"), TruthSource.DEFAULT, "t");
            label(store, "a1", "lead", "lead", "dog", 3, "adjudicated");
            sql(store, "UPDATE item_split SET split = 'dev' WHERE item = (SELECT id FROM item WHERE key = 'a2')",
                    "DELETE FROM item_tag WHERE item = (SELECT id FROM item WHERE key = 'a5')",
                    "INSERT INTO item_tag (tag, item, origin, added) SELECT t.id, i.id, 'manual', 'now' FROM tag t,"
                            + " item i WHERE t.name = 'first' AND i.key = 'a6'");
            versions.create(store, "v2", null, VersionScope.parse("tag:first"), TruthSource.DEFAULT, "t");

            VersionDiff diff = versions.diff(store, "v1", "v2", 10);
            assertThat(diff.added().count()).isEqualTo(1);
            assertThat(diff.added().first()).containsExactly(new VersionDiff.Row("a6", "cat", "train"));
            assertThat(diff.removed().count()).isEqualTo(1);
            assertThat(diff.removed().first()).containsExactly(new VersionDiff.Row("a5", null, "train"));
            assertThat(diff.relabeled().count()).isEqualTo(1);
            assertThat(diff.relabeled().first()).containsExactly(new VersionDiff.Row("a1", "cat", "dog"));
            assertThat(diff.moved().count()).isEqualTo(1);
            assertThat(diff.moved().first()).containsExactly(new VersionDiff.Row("a2", "train", "dev"));
            assertThat(versions.diff(store, "v1", "v1", 10).isEmpty()).isTrue();
            VersionDiff back = versions.diff(store, "v2", "v1", 10);
            assertThat(back.added().first()).extracting(VersionDiff.Row::key).containsExactly("a5");
            assertThat(back.relabeled().first()).containsExactly(new VersionDiff.Row("a1", "dog", "cat"));
        }
    }

    @Test
    void diffPagesContinueAfterTheLastKeyAndTogetherGiveEveryRowInKeyOrder() throws Exception {
        try (ProjectStore store = ProjectStore.open(project())) {
            versions.create(store, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "t");
            sql(store, "INSERT INTO item_split (item, split) SELECT id, CASE WHEN key < 'a4' THEN 'dev' ELSE 'train'"
                    + " END FROM item");
            versions.create(store, "v2", null, VersionScope.ALL, TruthSource.DEFAULT, "t");
            List<VersionDiff.Row> whole = versions.diff(store, "v1", "v2", 1_000).moved().first();
            assertThat(whole).hasSizeGreaterThan(4);

            List<VersionDiff.Row> paged = new ArrayList<>();
            String after = null;
            for (List<VersionDiff.Row> page = versions.diffPage(store, "v1", "v2", VersionDiff.Kind.MOVED, null, 2);
                    !page.isEmpty(); page = versions.diffPage(store, "v1", "v2", VersionDiff.Kind.MOVED, after, 2)) {
                assertThat(page).hasSizeLessThanOrEqualTo(2);
                assertThat(page.get(0).key()).isGreaterThan(after == null ? "" : after);
                paged.addAll(page);
                after = page.get(page.size() - 1).key();
            }
            assertThat(paged).isEqualTo(whole);
            assertThat(versions.diffPage(store, "v1", "v2", VersionDiff.Kind.MOVED, "a3", 1))
                    .containsExactly(whole.stream().filter(r -> r.key().compareTo("a3") > 0).findFirst().orElseThrow());
            assertThat(versions.diffPage(store, "v1", "v2", VersionDiff.Kind.RELABELED, null, 10)).isEmpty();
            assertThat(versions.diffPage(store, "v2", "v1", VersionDiff.Kind.MOVED, null, 1).get(0).after()).isNull();
        }
    }

    @Test
    void refusalsNameTheProblemAndStoreNothing() throws Exception {
        try (ProjectStore store = ProjectStore.open(project())) {
            versions.create(store, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "t");
            assertThatThrownBy(() -> versions.create(store, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "t"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("'v1' exists");
            assertThatThrownBy(() -> versions.create(store, "v2", null, VersionScope.parse("split:test"),
                    TruthSource.DEFAULT, "t")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("split:test");
            assertThatThrownBy(() -> versions.create(store, "v2", null, VersionScope.parse("tag:nope"),
                    TruthSource.DEFAULT, "t")).isInstanceOf(BadInputException.class).hasMessageContaining("no tag");
            store.write(tx -> new TagRepository().define(tx, "empty", "manual", null, Instant.now()));
            assertThatThrownBy(() -> versions.create(store, "v2", null, VersionScope.parse("tag:empty"),
                    TruthSource.DEFAULT, "t")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("selects no items");
            assertThat(versions.list(store)).extracting(DatasetVersion::name).containsExactly("v1");
            assertThatThrownBy(() -> versions.summary(store, "v9")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("versions: v1");
        }
    }

    @Test
    void lineageLinksImportsLabelsTheVersionItsParentAndExports() throws Exception {
        try (ProjectStore store = ProjectStore.open(project())) {
            versions.create(store, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "t");
            DatasetVersion v2 = versions.create(store, "v2", null, VersionScope.ALL, TruthSource.DEFAULT, "t")
                    .version();
            VersionExport export = versions.recordExport(store, "v2", "jsonl", dir.resolve("out").toString(),
                    Map.of("media", "paths"), v2.manifestSha256(), "f".repeat(64), "t");
            assertThat(versions.exports(store, "v2")).containsExactly(export);
            assertThatThrownBy(() -> versions.recordExport(store, "v2", "jsonl", "x", Map.of(), "0".repeat(64),
                    "f".repeat(64), "t")).isInstanceOf(IllegalArgumentException.class);

            Lineage lineage = versions.lineage(store, "v2");
            assertThat(lineage.nodesOf(Lineage.IMPORT_BATCH)).hasSize(1);
            String batch = lineage.nodesOf(Lineage.IMPORT_BATCH).get(0).id();
            Lineage.Node importNode = lineage.nodesOf(Lineage.IMPORT_BATCH).get(0);
            String source = (String) importNode.facts().get("source");
            assertThat(importNode.label()).as("the graph names the file, the facts keep the whole path")
                    .endsWith(": " + Path.of(source).getFileName()).doesNotContain(dir.toString());
            assertThat(lineage.nodesOf(Lineage.LABELS)).extracting(Lineage.Node::id)
                    .containsExactly("labels:alice", "labels:import", "labels:lead");
            assertThat(lineage.nodesOf(Lineage.LABELS).get(0).facts()).containsEntry("guideline_versions",
                    List.of("v2"));
            assertThat(lineage.edges()).contains(
                    new Lineage.Edge(batch, "labels:import", "items labeled", 3),
                    new Lineage.Edge(batch, "labels:alice", "items labeled", 1),
                    new Lineage.Edge(batch, "labels:lead", "items labeled", 1),
                    new Lineage.Edge(batch, "version:v2", "unlabeled items", 2),
                    new Lineage.Edge("labels:import", "version:v2", "deciding labels", 3),
                    new Lineage.Edge("version:v1", "version:v2", "parent of", 0),
                    new Lineage.Edge("version:v2", "export:" + export.id(), "exported as", 6));
            assertThat(lineage.nodesOf(Lineage.EXPORT).get(0).facts()).containsEntry("format", "jsonl");
        }
    }

    @Test
    void manifestLinesAreCanonicalAndManifestJsonIsStable() throws Exception {
        VersionEntry entry = new VersionEntry("k\"1", "x/k.png", "ab", "image", 3, 4, null, null, "train",
                List.of("t"), new java.util.TreeMap<>(Map.of("b", "2\n", "a", "1")), 1, List.of("ann"), 2, null);
        assertThat(VersionManifest.line(entry)).isEqualTo("{\"key\":\"k\\\"1\",\"sha256\":\"ab\",\"media\":\"image\","
                + "\"label\":null,\"split\":\"train\",\"attributes\":{\"a\":\"1\",\"b\":\"2\\n\"}}\n");
        // Paths, tags, annotators and provenance do not change the hash.
        VersionEntry moved = new VersionEntry("k\"1", "elsewhere.png", "ab", "image", 3, 4, null, null, "train",
                List.of(), entry.attributes(), 9, List.of(), null, null);
        assertThat(VersionManifest.sha256(java.util.stream.Stream.of(moved)))
                .isEqualTo(VersionManifest.sha256(java.util.stream.Stream.of(entry)));
        assertThatThrownBy(() -> VersionManifest.sha256(java.util.stream.Stream.of(entry, entry)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VersionManifest.KEY_ORDER.compare("\uFFFD", "\uD83D\uDE00")).isNegative();

        try (ProjectStore store = ProjectStore.open(project())) {
            versions.create(store, "v1", null, VersionScope.ALL, TruthSource.DEFAULT, "t");
            Path out = Files.createDirectories(dir.resolve("out"));
            String first = Files.readString(VersionManifest.writeJson(out, versions.summary(store, "v1")));
            String second = VersionManifest.json(versions.summary(store, "v1")) + "\n";
            assertThat(second).isEqualTo(first);
            assertThat(first).startsWith("{\n  \"version\" : \"v1\",\n  \"manifest_sha256\" : \"")
                    .contains("\"items\" : 6").contains("\"(unlabeled)\" : 2").doesNotContain("\r");
        }
    }

    @Test
    void aTieBreakerDecidesTiesAndAnAutoLabelNamesItsRun() throws Exception {
        try (ProjectStore store = ProjectStore.open(project())) {
            store.write(tx -> {
                long model = new AnnotatorRepository().findOrCreate(tx, "model:r1", "model").id();
                long run = new org.labelbench.project.PredictionRepository().createRun(tx, "r1", "model", null, null,
                        "0".repeat(64), "[\"cat\",\"dog\",\"owl\"]", Instant.now().toString(), "test run");
                long item = new ItemRepository().findByKey(tx, "a5").orElseThrow().id();
                long owl = new LabelClassRepository().list(tx).get(2).id();
                new org.labelbench.project.AutoLabelRepository().append(tx, model, run,
                        List.of(new org.labelbench.project.AutoLabelRepository.AutoLabel(item, owl)), Instant.now());
                return null;
            });
            VersionService.Created created = versions.create(store, "v1", null, VersionScope.ALL,
                    TruthSource.parse("adjudicated", "alice"), "t");
            assertThat(created.version().truthRule()).isEqualTo("adjudicated; tie-breaker alice");
            assertThat(created.unlabeled()).isZero();
            List<VersionEntry> entries = entries(store, "v1");
            VersionEntry a3 = entries.get(2);
            assertThat(a3.label()).isEqualTo("dog");
            assertThat(a3.labelRule()).isEqualTo("tie-break");
            assertThat(a3.annotators()).containsExactly("alice");
            assertThat(a3.guidelineVersion()).isEqualTo(1);
            VersionEntry a5 = entries.get(4);
            assertThat(a5.label()).isEqualTo("owl");
            assertThat(a5.labelRule()).isEqualTo("auto");
            assertThat(a5.modelRun()).isEqualTo("r1");
            assertThat(a5.annotators()).isEmpty();
            assertThat(versions.summary(store, "v1").modelRuns()).containsExactly(Map.entry("r1", 1L));
            assertThat(versions.lineage(store, "v1").edges()).contains(
                    new Lineage.Edge("labels:run:r1", "version:v1", "auto labels", 1));

            // Only alice's labels: a2 and a3 are hers, the rest unlabeled.
            VersionService.Created hers = versions.create(store, "alice-only", null, VersionScope.ALL,
                    TruthSource.parse("annotator:alice", null), "t");
            assertThat(hers.labelRules()).containsExactly(Map.entry("auto", 1L), Map.entry("single", 2L));
        }
    }

    @Test
    void anImportIsNamedByTheLastSegmentOfItsSource() {
        assertThat(VersionService.lastPathSegment("/home/ci/build/sample/images/")).isEqualTo("images");
        assertThat(VersionService.lastPathSegment("C:\\data\\labels.csv")).isEqualTo("labels.csv");
        assertThat(VersionService.lastPathSegment("labels.csv")).isEqualTo("labels.csv");
        assertThat(VersionService.lastPathSegment("/")).isEqualTo("/");
        assertThat(VersionService.lastPathSegment(null)).isEqualTo("unknown source");
    }
}
