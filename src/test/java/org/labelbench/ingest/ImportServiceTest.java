package org.labelbench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.ImportBatchRepository;
import org.labelbench.project.Item;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ItemsPage;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

class ImportServiceTest {
    @TempDir
    Path dir;
    Path images;
    ProjectStore store;
    final ImportService service = new ImportService(2);

    @BeforeEach
    void setUp() throws Exception {
        images = dir.resolve("data/images");
        TestMedia.png(images.resolve("cats/a.png"), 40, 30, 1);
        TestMedia.image(images.resolve("cats/b.jpg"), "jpeg", 64, 48, 2);
        TestMedia.image(images.resolve("dogs/c.bmp"), "bmp", 17, 9, 3);
        TestMedia.image(images.resolve("dogs/d.gif"), "gif", 12, 34, 4);
        TestMedia.png(images.resolve("top.png"), 8, 8, 5);
        Files.createDirectories(dir.resolve("project"));
        store = ProjectStore.create(dir.resolve("project/p.lbproj"), new ProjectSettings("p", List.of(), false));
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        store.close();
    }

    private ImportReport importImages(ImportRequest request) {
        return service.run(store, request, JobContext.silent());
    }

    private Item item(String key) {
        return store.read(tx -> new ItemRepository().findByKey(tx, key)).orElseThrow();
    }

    @Test
    void importsEveryImageFormatWithHeaderFactsHashAndFolder() throws Exception {
        ImportReport report = importImages(ImportRequest.of(ImportSource.IMAGES, images));

        assertThat(report.added()).isEqualTo(5);
        assertThat(report.skipped()).isEmpty();
        Item png = item("cats/a.png");
        assertThat(png.format()).isEqualTo("png");
        assertThat(png.width()).isEqualTo(40);
        assertThat(png.height()).isEqualTo(30);
        assertThat(item("cats/b.jpg").format()).isEqualTo("jpeg");
        assertThat(item("dogs/c.bmp").width()).isEqualTo(17);
        assertThat(item("dogs/d.gif").height()).isEqualTo(34);
        byte[] bytes = Files.readAllBytes(images.resolve("cats/a.png"));
        assertThat(png.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(png.bytes()).isEqualTo(bytes.length);
        assertThat(png.path()).isEqualTo("../data/images/cats/a.png");
        ItemsPage page = ItemsPage.load(store, ItemQuery.all().withKeyContains("a.png"), 0, 10);
        assertThat(page.rows()).singleElement().satisfies(row ->
                assertThat(row.attributes()).containsEntry("folder", "cats"));
        assertThat(ItemsPage.load(store, ItemQuery.all().withKeyContains("top"), 0, 10).rows().get(0).attributes())
                .isEmpty();
        assertThat(store.<List<org.labelbench.project.ImportBatch>>read(tx -> new ImportBatchRepository().list(tx))).singleElement().satisfies(batch -> {
            assertThat(batch.added()).isEqualTo(5);
            assertThat(batch.kind()).isEqualTo("images");
            assertThat(batch.source()).endsWith("images");
            assertThat(batch.appVersion()).startsWith("labelbench ");
        });
    }

    @Test
    void badFilesAreSkippedWithAReasonAndTheRestImported() throws Exception {
        TestMedia.truncated(TestMedia.png(dir.resolve("full.png"), 50, 50, 9), images.resolve("broken.png"));
        Files.writeString(images.resolve("notes.txt"), "not an image");
        Files.write(images.resolve("empty.png"), new byte[0]);
        Files.writeString(images.resolve("fake.png"), "plain text pretending to be a PNG");
        TestMedia.wav(images.resolve("sound.wav"), 8000, 0.1, 440);
        Files.writeString(images.resolve(".DS_Store"), "hidden files are ignored");

        ImportReport report = importImages(ImportRequest.of(ImportSource.IMAGES, images));

        assertThat(report.added()).isEqualTo(5);
        Map<String, String> reasons = reasons(report);
        assertThat(reasons.keySet()).containsExactlyInAnyOrder("broken.png", "notes.txt", "empty.png", "fake.png",
                "sound.wav");
        assertThat(reasons.get("broken.png")).containsIgnoringCase("truncated");
        assertThat(reasons.get("notes.txt")).contains("unsupported format: .txt");
        assertThat(reasons.get("sound.wav")).contains("not an image file");
        reasons.values().forEach(reason -> assertThat(reason).doesNotContain("\n").doesNotContain("Exception"));
    }

    @Test
    void strictImportWithAnyBadFileChangesNothing() throws Exception {
        TestMedia.truncated(TestMedia.png(dir.resolve("full.png"), 50, 50, 9), images.resolve("broken.png"));

        assertThatThrownBy(() -> importImages(ImportRequest.of(ImportSource.IMAGES, images).withStrict(true)))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("broken.png");
        assertThat(ProjectOverview.of(store).items()).isZero();
        assertThat(store.<List<org.labelbench.project.ImportBatch>>read(tx -> new ImportBatchRepository().list(tx))).isEmpty();
    }

    @Test
    void reimportAddsOnlyNewFilesAndReportsDuplicatesByHash() throws Exception {
        importImages(ImportRequest.of(ImportSource.IMAGES, images));
        TestMedia.png(images.resolve("new.png"), 9, 9, 77);
        Files.copy(images.resolve("cats/a.png"), images.resolve("copy-of-a.png"));

        ImportReport again = importImages(ImportRequest.of(ImportSource.IMAGES, images));

        assertThat(again.added()).isEqualTo(1);
        assertThat(again.alreadyPresent()).isEqualTo(5);
        assertThat(again.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("copy-of-a.png");
            assertThat(d.duplicateOf()).isEqualTo("cats/a.png");
        });
        assertThat(ProjectOverview.of(store).items()).isEqualTo(6);

        ImportReport keep = importImages(ImportRequest.of(ImportSource.IMAGES, images).withKeepDuplicates(true));
        assertThat(keep.added()).isEqualTo(1);
    }

    @Test
    void aChangedFileUnderAnExistingKeyIsSkippedNotOverwritten() throws Exception {
        importImages(ImportRequest.of(ImportSource.IMAGES, images));
        String before = item("top.png").sha256();
        TestMedia.png(images.resolve("top.png"), 8, 8, 999);

        ImportReport again = importImages(ImportRequest.of(ImportSource.IMAGES, images));

        assertThat(reasons(again).get("top.png")).contains("already in the project with different content");
        assertThat(item("top.png").sha256()).isEqualTo(before);
        ImportReport prefixed = importImages(ImportRequest.of(ImportSource.IMAGES, images).withKeyPrefix("v2/"));
        assertThat(prefixed.added()).isEqualTo(1);
        assertThat(item("v2/top.png").sha256()).isNotEqualTo(before);
    }

    @Test
    void imageFolderLayoutTurnsFolderNamesIntoLabels() {
        ImportReport report = importImages(ImportRequest.of(ImportSource.IMAGES, images).withLabelsFromFolders(true));

        assertThat(report.classesCreated()).containsExactly("cats", "dogs");
        assertThat(report.labelsAdded()).isEqualTo(4);
        List<CurrentLabel> labels = ItemsPage.load(store, ItemQuery.all().withKeyContains("c.bmp"), 0, 1).rows()
                .get(0).labels();
        assertThat(labels).singleElement().satisfies(label -> {
            assertThat(label.annotator()).isEqualTo("import");
            assertThat(label.label()).isEqualTo("dogs");
        });
        assertThat(ItemsPage.load(store, ItemQuery.all().withLabel(ItemQuery.UNLABELED), 0, 10).total()).isEqualTo(1);
    }

    @Test
    void folderLabelsOutsideADefinedSchemaAreSkipped() throws Exception {
        store.close();
        store = ProjectStore.create(dir.resolve("project/q.lbproj"), new ProjectSettings("q", List.of("cats"), false));

        ImportReport report = importImages(ImportRequest.of(ImportSource.IMAGES, images).withLabelsFromFolders(true));

        assertThat(report.added()).isEqualTo(3);
        assertThat(reasons(report).get("dogs/c.bmp")).contains("unknown class 'dogs'");
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsSkipped() throws Exception {
        Path outside = TestMedia.png(dir.resolve("outside/secret.png"), 5, 5, 42);
        Files.createSymbolicLink(images.resolve("link.png"), outside);
        Files.createSymbolicLink(images.resolve("linkdir"), outside.getParent());
        Files.createSymbolicLink(images.resolve("inside.png"), images.resolve("top.png"));

        ImportReport report = importImages(ImportRequest.of(ImportSource.IMAGES, images).withKeepDuplicates(true));

        Map<String, String> reasons = reasons(report);
        assertThat(reasons.get("link.png")).isEqualTo("escapes the folder through a symbolic link");
        assertThat(reasons.get("linkdir/")).isEqualTo("escapes the folder through a symbolic link");
        assertThat(report.added()).isEqualTo(6);
    }

    @Test
    void copyPutsMediaInsideTheProject() {
        ImportReport report = importImages(ImportRequest.of(ImportSource.IMAGES, images).withCopy(true));

        assertThat(report.copied()).isEqualTo(5);
        assertThat(item("cats/a.png").path()).isEqualTo("media/cats/a.png");
        assertThat(store.directory().resolve("media/cats/a.png")).exists();
    }

    @Test
    void cancellingLeavesNothingHalfWritten() throws Exception {
        for (int i = 0; i < 1200; i++) {
            TestMedia.png(images.resolve("many/" + i + ".png"), 4, 4, 1000 + i);
        }
        AtomicInteger reports = new AtomicInteger();
        JobContext cancelAfterFirstChunk = new JobContext() {
            @Override
            public void progress(long done, long total) {
                reports.incrementAndGet();
            }

            @Override
            public void message(String text) {
            }

            @Override
            public boolean isCancelled() {
                return reports.get() >= 2;
            }
        };

        assertThatThrownBy(() -> service.run(store, ImportRequest.of(ImportSource.IMAGES, images).withCopy(true),
                cancelAfterFirstChunk)).isInstanceOf(JobCancelledException.class);

        assertThat(ProjectOverview.of(store).items()).isZero();
        assertThat(store.directory().resolve("media/cats/a.png")).doesNotExist();
        assertThat(importImages(ImportRequest.of(ImportSource.IMAGES, images)).added()).isEqualTo(1205);
    }

    @Test
    void manyReadersGiveTheSameRowsIdsAndSkipsAsOne() throws Exception {
        for (int i = 0; i < 1500; i++) {
            TestMedia.png(images.resolve("many/" + (i % 7) + "/" + i + ".png"), 4, 4, 2000 + i % 1400); // 100 twins
        }
        TestMedia.truncated(TestMedia.png(dir.resolve("full.png"), 50, 50, 9), images.resolve("many/broken.png"));
        Files.writeString(images.resolve("many/notes.txt"), "not an image");
        String rows = "SELECT i.id, i.key, i.path, i.sha256, i.bytes, i.width, i.height,"
                + " (SELECT group_concat(a.name || '=' || a.value) FROM item_attr a WHERE a.item = i.id)"
                + " FROM item i ORDER BY i.id";
        List<String> outcomes = new java.util.ArrayList<>();
        List<List<List<String>>> tables = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            // Into an empty project (keys and hashes looked up in memory), then again with more files
            // into the same project (looked up in the database).
            Path folder = Files.createDirectories(dir.resolve("p" + threads));
            try (ProjectStore project = ProjectStore.create(folder.resolve("p.lbproj"),
                    new ProjectSettings("p", List.of(), false))) {
                ImportService importer = new ImportService(threads);
                ImportReport first = importer.run(project, ImportRequest.of(ImportSource.IMAGES, images),
                        JobContext.silent());
                TestMedia.png(images.resolve("many/late.png"), 4, 4, 2001); // a twin of an imported file
                TestMedia.png(images.resolve("many/later.png"), 4, 4, 99_999);
                ImportReport second = importer.run(project, ImportRequest.of(ImportSource.IMAGES, images),
                        JobContext.silent());
                Files.delete(images.resolve("many/late.png"));
                Files.delete(images.resolve("many/later.png"));
                for (ImportReport report : List.of(first, second)) {
                    outcomes.add(threads + ": added " + report.added() + ", present " + report.alreadyPresent()
                            + ", duplicates " + report.duplicates() + ", skipped " + report.skipped());
                }
                tables.add(org.labelbench.testing.SqlRows.of(project, rows));
            }
        }
        assertThat(outcomes.get(0)).startsWith("1: added 1405, present 0, duplicates [");
        assertThat(outcomes.get(1)).startsWith("1: added 1, present 1405, duplicates [");
        assertThat(outcomes.subList(2, 4)).containsExactly(outcomes.get(0).replaceFirst("^1:", "4:"),
                outcomes.get(1).replaceFirst("^1:", "4:"));
        assertThat(tables.get(0)).hasSize(1406);
        // Paths are relative to each project's folder, so they differ only in that folder's name.
        assertThat(tables.get(1).toString().replace("p4/", "p1/")).isEqualTo(tables.get(0).toString());
    }

    @Test
    void audioFoldersRecordDurationRateAndChannels() throws Exception {
        Path audio = dir.resolve("audio");
        TestMedia.wav(audio.resolve("yes/1.wav"), 16000, 1.0, 440);
        TestMedia.wav(audio.resolve("no/2.wav"), 8000, 0.25, 220);

        ImportReport report = service.run(store, ImportRequest.of(ImportSource.AUDIO, audio), JobContext.silent());

        assertThat(report.added()).isEqualTo(2);
        Item one = item("yes/1.wav");
        assertThat(one.media()).isEqualTo("audio");
        assertThat(one.durationMs()).isEqualTo(1000);
        assertThat(one.sampleRate()).isEqualTo(16000);
        assertThat(one.channels()).isEqualTo(1);
        assertThat(item("no/2.wav").durationMs()).isEqualTo(250);
    }

    @Test
    void aMissingFolderFailsTheWholeImport() {
        assertThatThrownBy(() -> importImages(ImportRequest.of(ImportSource.IMAGES, dir.resolve("nope"))))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("nope: no such folder");
    }

    static Map<String, String> reasons(ImportReport report) {
        Map<String, String> reasons = new java.util.HashMap<>();
        report.skipped().forEach(s -> reasons.put(s.file(), s.reason()));
        return reasons;
    }
}
