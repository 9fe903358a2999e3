package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;
import org.labelbench.ui.preview.ItemPreviewViewModel;
import org.labelbench.ui.preview.WaveformCanvas;

class AudioPreviewTest extends WorkbenchTestBase {

    @Test
    void showsTheWaveformAndPlaysOrSaysThereIsNoOutputDevice() throws Exception {
        Path audio = dir.resolve("commands");
        TestMedia.wav(audio.resolve("yes.wav"), 16_000, 0.5, 440);
        TestMedia.wav(audio.resolve("no.wav"), 16_000, 0.25, 330);
        Path project = dir.resolve("commands.lbproj");
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("Commands", List.of(), false))) {
            new ImportService(2).run(store, ImportRequest.of(ImportSource.AUDIO, audio), JobContext.silent());
        }
        openProject(project);
        waitForKeys("both recordings", keys -> keys.equals(List.of("no.wav", "yes.wav")));
        assertThat(text("#itemCountsLabel")).isEqualTo("2 items · 0 images · 2 audio");
        assertThat(lookup(".items-table .table-cell").queryAll()).extracting(node -> ((Labeled) node).getText())
                .contains("Audio", "0.50 s", "16 kHz · mono");

        clickOn("yes.wav");
        waitUntil(() -> lookup(".waveform").queryAs(WaveformCanvas.class).waveformProperty().get() != null
                && lookup(".waveform").query().isVisible() == lookup(".waveform").query().getParent().isVisible());
        assertThat(text(".preview-title")).isEqualTo("yes.wav");

        type(KeyCode.SPACE);

        // Build machines rarely have a sound card: either it plays, or the pane says why not.
        waitUntil(() -> ItemPreviewViewModel.NO_AUDIO_DEVICE.equals(lookup(".playback-problem").queryAs(Label.class)
                .getText()) || "Stop".equals(lookup("#playButton").queryAs(Button.class).getText()));
        if ("Stop".equals(text("#playButton"))) {
            type(KeyCode.SPACE);
            waitForText("#playButton", "Play");
        } else {
            assertThat(text("#playButton")).isEqualTo("Play");
        }
    }
}
