package org.labelbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.ingest.ImportReport;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;
import org.labelbench.ui.UiExecutors;

/** The shell's job handling without a window: the import runs on the test's thread. */
class ShellViewModelTest {
    @TempDir
    Path dir;
    ProjectStore store;
    ShellViewModel viewModel;
    final List<ImportReport> reportsShown = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    int dataChanges;

    @BeforeEach
    void open() {
        store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("Sounds", List.of(), false));
        viewModel = new ShellViewModel(store, ProjectOverview.of(store), new ImportService(2),
                new CallingThreadJobRunner(), new UiExecutors(Runnable::run, Runnable::run, Runnable::run));
        viewModel.setOnDataChanged(() -> dataChanges++);
        viewModel.setOnFilesSkipped(reportsShown::add);
        viewModel.setOnJobFailed(failures::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void importUpdatesTheStatusBarAndTheOutcome() throws Exception {
        Path audio = dir.resolve("audio");
        TestMedia.wav(audio.resolve("yes.wav"), 16_000, 0.5, 440);
        TestMedia.wav(audio.resolve("no.wav"), 16_000, 0.25, 330);
        Files.writeString(audio.resolve("broken.wav"), "RIFF but not really");
        assertThat(viewModel.itemCountsProperty().get()).isEqualTo("0 items · 0 images · 0 audio");

        viewModel.startImport(ImportRequest.of(ImportSource.AUDIO, audio));

        assertThat(viewModel.jobRunningProperty().get()).isFalse();
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("Imported 2 items: 1 skipped");
        assertThat(viewModel.itemCountsProperty().get()).isEqualTo("2 items · 0 images · 2 audio");
        assertThat(viewModel.schemaProperty().get()).startsWith("Schema v");
        assertThat(dataChanges).isEqualTo(1);
        assertThat(reportsShown).singleElement().satisfies(report ->
                assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s.file()).endsWith("broken.wav")));
        assertThat(viewModel.lastReportProperty().get()).isNotNull();
    }

    @Test
    void aFailedImportSaysWhyAndChangesNothing() {
        viewModel.startImport(ImportRequest.of(ImportSource.IMAGES, dir.resolve("no-such-folder")));

        assertThat(viewModel.outcomeProperty().get()).startsWith("Import failed: ");
        assertThat(viewModel.outcomeIsErrorProperty().get()).isTrue();
        assertThat(failures).singleElement().asString().contains("no-such-folder");
        assertThat(dataChanges).isZero();
        assertThat(viewModel.itemCountsProperty().get()).isEqualTo("0 items · 0 images · 0 audio");
    }

    @Test
    void countsThatCannotBeReadAreSaidInTheOutcomeLine() {
        store.close();

        viewModel.refreshOverview();

        assertThat(viewModel.outcomeProperty().get()).startsWith("Cannot read the project's counts: ");
        assertThat(viewModel.outcomeIsErrorProperty().get()).isTrue();
    }
}
