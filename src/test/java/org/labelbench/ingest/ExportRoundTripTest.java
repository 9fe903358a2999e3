package org.labelbench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.dataset.VersionService;
import org.labelbench.dataset.export.ExportFormat;
import org.labelbench.dataset.export.ExportRequest;
import org.labelbench.dataset.export.Exporter;
import org.labelbench.dataset.export.MediaMode;
import org.labelbench.dataset.export.StoredVersion;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/**
 * The true round trip: version v1 exported by the exporters (dataset/export) and imported by
 * {@code import --dataset} or {@code --labelstudio} into a new project gives the same data, and
 * for csv and jsonl the manifest hash the export's manifest.json states.
 */
class ExportRoundTripTest {
    @TempDir
    Path dir;

    private Path export(ProjectStore source, ExportFormat format, MediaMode media) throws IOException {
        Path out = dir.resolve("out-" + format.id() + "-" + media.id());
        new Exporter().export(new StoredVersion(new VersionService(), source, "v1", null),
                new ExportRequest(format, media, out, false, null), JobContext.silent());
        return out;
    }

    private ProjectStore target(String name) throws IOException {
        return ProjectStore.create(Files.createDirectories(dir.resolve(name)).resolve("t.lbproj"),
                new ProjectSettings("t", List.of(), false));
    }

    @Test
    void jsonlAndCsvExportsOfTheExportersComeBackWithTheSameManifestHash() throws Exception {
        try (ProjectStore source = DatasetReimportTest.sourceProject(dir)) {
            for (ExportFormat format : List.of(ExportFormat.JSONL, ExportFormat.CSV)) {
                for (MediaMode media : List.of(MediaMode.PATHS, MediaMode.COPY)) {
                    Path out = export(source, format, media);
                    try (ProjectStore target = target("t-" + format.id() + "-" + media.id())) {
                        ImportReport report = DatasetReimportTest.reimport(target, out);

                        assertThat(report.skipped()).as(format + " " + media).isEmpty();
                        assertThat(DatasetReimportTest.restored(target)).as(format + " " + media)
                                .isEqualTo(DatasetReimportTest.restored(source));
                        assertThat(DatasetReimportTest.versionHash(target)).as(format + " " + media)
                                .isEqualTo(DatasetReimportTest.manifestHash(out))
                                .isEqualTo(new VersionService().version(source, "v1").manifestSha256());
                    }
                }
            }
        }
    }

    @Test
    void labelStudioExportOfTheExportersComesBackWithKeysLabelsAndSplits() throws Exception {
        try (ProjectStore source = DatasetReimportTest.sourceProject(dir)) {
            Path out = export(source, ExportFormat.LABELSTUDIO, MediaMode.COPY);
            try (ProjectStore target = target("t-ls")) {
                ImportReport report = new ImportService(2).run(target, ImportRequest.of(ImportSource.LABEL_STUDIO,
                        out.resolve("tasks.json")).withKeepDuplicates(true), JobContext.silent());

                assertThat(report.skipped()).isEmpty();
                assertThat(report.added()).isEqualTo(16);
                String labelsAndSplits = "SELECT i.key, i.sha256, c.name, s.split FROM item i"
                        + " LEFT JOIN item_split s ON s.item = i.id LEFT JOIN annotation a ON a.item = i.id"
                        + " LEFT JOIN label_class c ON c.id = a.label_class ORDER BY i.key";
                assertThat(SqlRows.of(target, labelsAndSplits)).isEqualTo(SqlRows.of(source, labelsAndSplits));
            }
        }
    }
}
