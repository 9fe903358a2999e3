package org.labelbench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.testing.TestMedia;

/**
 * Label Studio JSON exports (test resources modelled on Label Studio's own "JSON" export: see
 * docs/datasets.md, "Imports") become items and one label per annotator, on real PNGs and WAVs.
 */
class LabelStudioImportTest {
    @TempDir
    Path dir;

    private Path export(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("labelstudio/" + name)) {
            Path target = dir.resolve("exports").resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
            return target;
        }
    }

    private static ImportReport run(ProjectStore store, Path export, Path mediaRoot) {
        return new ImportService(2).run(store, ImportRequest.of(ImportSource.LABEL_STUDIO, export)
                .withMediaRoot(mediaRoot), JobContext.silent());
    }

    private static List<List<String>> labels(ProjectStore store) {
        return SqlRows.of(store, "SELECT i.key, n.name, n.role, c.name, a.origin, a.submitted, a.duration_ms"
                + " FROM annotation a JOIN item i ON i.id = a.item JOIN annotator n ON n.id = a.annotator"
                + " JOIN label_class c ON c.id = a.label_class ORDER BY i.key, n.name");
    }

    @Test
    void imageExportBecomesItemsWithOneLabelPerAnnotatorAndEverySkippedTaskHasItsReason() throws Exception {
        Path root = dir.resolve("ls-media");
        TestMedia.png(root.resolve("upload/7/3f2a9c1e-cat_1.png"), 16, 16, 1);
        TestMedia.png(root.resolve("pets/dog 1.png"), 16, 16, 2);
        TestMedia.png(root.resolve("upload/7/77b1e0aa-cat_4.png"), 16, 16, 4);
        TestMedia.png(root.resolve("upload/7/c0ffee00-bird_5.png"), 16, 16, 5);
        // 0badf00d-cat_6.png (task 106) was never copied out of Label Studio.
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.lbproj"),
                new ProjectSettings("p", List.of("cat", "dog"), false))) {
            ImportReport report = run(store, export("image-classification.json"), root);

            assertThat(report.added()).isEqualTo(3);
            assertThat(report.labelsAdded()).isEqualTo(3);
            Map<String, String> reasons = ImportServiceTest.reasons(report);
            assertThat(reasons).hasSize(3);
            assertThat(reasons.get("task 103")).startsWith("its media is a URL (https://example.com/datasets/pets/0003.jpg)");
            assertThat(reasons.get("task 105")).startsWith("unknown class 'bird' (the project's classes: cat, dog)");
            assertThat(reasons.get("task 106")).startsWith("file not found under the media root: upload/7/0badf00d-cat_6.png");
            assertThat(SqlRows.of(store, "SELECT key, media FROM item ORDER BY key")).containsExactly(
                    List.of("pets/dog 1.png", "image"), List.of("upload/7/3f2a9c1e-cat_1.png", "image"),
                    List.of("upload/7/77b1e0aa-cat_4.png", "image"));
            // completed_by as a user id names the annotator ls-<id>; the cancelled annotation 204 is no label.
            assertThat(labels(store)).containsExactly(
                    List.of("pets/dog 1.png", "ls-1", "labeler", "dog", "import", "2024-05-14T09:13:05.004512Z", "2500"),
                    List.of("upload/7/3f2a9c1e-cat_1.png", "ls-1", "labeler", "cat", "import",
                            "2024-05-14T09:12:31.462147Z", "3214"),
                    List.of("upload/7/3f2a9c1e-cat_1.png", "ls-2", "labeler", "cat", "import",
                            "2024-05-14T10:03:02.118930Z", "5870"));
            assertThat(SqlRows.of(store, "SELECT a.name, a.value FROM item_attr a JOIN item i ON i.id = a.item"))
                    .containsExactly(List.of("source", "shelter"));
            assertThat(SqlRows.of(store, "SELECT kind, options FROM import_batch").get(0).get(1))
                    .contains("\"format\":\"labelstudio\"");
        }
    }

    @Test
    void audioExportWithUserObjectsNamesAnnotatorsByEmailAndCreatesClassesInAProjectWithout() throws Exception {
        Path root = dir.resolve("ls-media");
        TestMedia.wav(root.resolve("upload/9/a1b2c3d4-yes_01.wav"), 8000, 0.5, 440);
        TestMedia.wav(root.resolve("upload/9/e5f6a7b8-no_02.wav"), 8000, 0.5, 660);
        // Gathered into one folder: found by file name.
        TestMedia.wav(root.resolve("0c0d0e0f-no_03.wav"), 8000, 0.5, 880);
        try (ProjectStore store = ProjectStore.create(dir.resolve("a.lbproj"),
                new ProjectSettings("a", List.of(), false))) {
            ImportReport report = run(store, export("audio-classification.json"), root);

            assertThat(report.added()).isEqualTo(2);
            assertThat(report.classesCreated()).containsExactly("yes", "no");
            assertThat(ImportServiceTest.reasons(report)).containsExactly(Map.entry("task 302",
                    "annotation 403 chose 2 classes (yes, no), and the project is single-label"));
            assertThat(labels(store)).extracting(row -> row.subList(0, 4)).containsExactly(
                    List.of("0c0d0e0f-no_03.wav", "rita@example.com", "labeler", "no"),
                    List.of("upload/9/a1b2c3d4-yes_01.wav", "ls-4", "labeler", "no"),
                    List.of("upload/9/a1b2c3d4-yes_01.wav", "rita@example.com", "labeler", "yes"));
            assertThat(SqlRows.of(store, "SELECT i.key, a.value FROM item_attr a JOIN item i ON i.id = a.item"
                    + " WHERE a.name = 'speaker' ORDER BY i.key")).containsExactly(
                    List.of("0c0d0e0f-no_03.wav", "alice"), List.of("upload/9/a1b2c3d4-yes_01.wav", "alice"));
            assertThat(SqlRows.of(store, "SELECT media, sample_rate FROM item").get(0)).containsExactly("audio", "8000");
        }
    }

    @Test
    void localPathsWithoutMediaRootAreReadBesideTheExportAndStorageUrlsNeedTheRoot() throws Exception {
        TestMedia.png(dir.resolve("exports/img/a.png"), 8, 8, 1);
        TestMedia.png(dir.resolve("exports/img/b.png"), 8, 8, 2);
        Path export = Files.writeString(dir.resolve("exports/tasks.json"), """
                [{"id": 1, "data": {"image": "img/a.png"}, "annotations": [{"id": 9, "completed_by": 5,
                  "result": [{"id": "r1", "from_name": "c", "to_name": "image", "type": "choices",
                  "value": {"choices": ["cat"]}}], "was_cancelled": false}]},
                 {"id": 2, "data": {"image": "/data/upload/1/b.png"}, "annotations": []},
                 {"id": 3, "data": {"image": "img/a.png"}, "annotations": []},
                 {"id": 4, "data": {"text": "no media here"}},
                 {"id": 5, "data": {"image": "s3://bucket/c.png"}},
                 {"id": 6, "data": {"image": "../outside.png"}},
                 {"id": 7, "data": {"image": "img/b.png"}, "annotations": [{"id": 10, "result": [{"type": "choices",
                  "value": {"choices": ["dog"]}}]}]}]
                """);
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.lbproj"),
                new ProjectSettings("p", List.of("cat", "dog"), false))) {
            ImportReport report = run(store, export, null);

            assertThat(report.added()).isEqualTo(2);
            Map<String, String> reasons = ImportServiceTest.reasons(report);
            assertThat(reasons.get("task 2")).isEqualTo("its media /data/upload/1/b.png needs the media root (Label"
                    + " Studio's media folder, or a folder of the uploaded files)");
            assertThat(reasons.get("task 3")).isEqualTo("its media img/a.png is task 1's too (item key 'img/a.png')");
            assertThat(reasons.get("task 4")).startsWith("names no media in its data");
            assertThat(reasons.get("task 5")).startsWith("its media is in cloud storage (s3://bucket/c.png)");
            assertThat(reasons.get("task 6")).isEqualTo("its media path escapes the export's folder: ../outside.png");
            assertThat(reasons).hasSize(5);
            // No completed_by (Label Studio's import format allows it): the import's own annotator.
            assertThat(labels(store)).extracting(row -> row.subList(0, 4)).containsExactly(
                    List.of("img/a.png", "ls-5", "labeler", "cat"), List.of("img/b.png", "import", "import", "dog"));
        }
    }

    @Test
    void aMalformedExportFailsAsAWholeAndChangesNothing() throws Exception {
        Path root = dir.resolve("ls-media");
        TestMedia.png(root.resolve("upload/7/3f2a9c1e-cat_1.png"), 16, 16, 1);
        String whole = Files.readString(export("image-classification.json"));
        // Cut inside task 102: task 101 is complete and readable, but the file is not a JSON array.
        Path cut = Files.writeString(dir.resolve("cut.json"), whole.substring(0, whole.indexOf("\"id\": 203")));
        Path object = Files.writeString(dir.resolve("object.json"), "{\"id\": 101, \"data\": {}}");
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.lbproj"),
                new ProjectSettings("p", List.of("cat", "dog"), false))) {
            assertThatThrownBy(() -> run(store, cut, root)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(cut + ": malformed JSON at line ");
            assertThatThrownBy(() -> run(store, object, root)).isInstanceOf(BadInputException.class)
                    .hasMessage(object + ": not a Label Studio JSON export (expected an array of tasks, found an"
                            + " object)");
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM item")).containsExactly(List.of("0"));
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM import_batch")).containsExactly(List.of("0"));
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM annotator")).containsExactly(List.of("0"));
        }
    }

    @Test
    void inAMultiLabelProjectEachAnnotationIsOneSetOfClasses() throws Exception {
        Path root = dir.resolve("ls-media");
        TestMedia.wav(root.resolve("upload/9/a1b2c3d4-yes_01.wav"), 8000, 0.5, 440);
        TestMedia.wav(root.resolve("upload/9/e5f6a7b8-no_02.wav"), 8000, 0.5, 660);
        TestMedia.wav(root.resolve("0c0d0e0f-no_03.wav"), 8000, 0.5, 880);
        try (ProjectStore store = ProjectStore.create(dir.resolve("m.lbproj"),
                new ProjectSettings("m", List.of("yes", "no"), true))) {
            ImportReport report = run(store, export("audio-classification.json"), root);

            assertThat(report.skipped()).isEmpty();
            assertThat(report.added()).isEqualTo(3);
            assertThat(report.labelsAdded()).isEqualTo(4);
            assertThat(SqlRows.of(store, "SELECT i.key, n.name, a.kind, group_concat(c.name, '+')"
                    + " FROM annotation a JOIN item i ON i.id = a.item JOIN annotator n ON n.id = a.annotator"
                    + " JOIN annotation_label l ON l.annotation = a.id JOIN label_class c ON c.id = l.label_class"
                    + " GROUP BY a.id ORDER BY i.key, n.name")).containsExactly(
                    List.of("0c0d0e0f-no_03.wav", "rita@example.com", "multi", "no"),
                    List.of("upload/9/a1b2c3d4-yes_01.wav", "ls-4", "multi", "no"),
                    List.of("upload/9/a1b2c3d4-yes_01.wav", "rita@example.com", "multi", "yes"),
                    List.of("upload/9/e5f6a7b8-no_02.wav", "rita@example.com", "multi", "yes+no"));
        }
    }
}
