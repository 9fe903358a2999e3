package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.preview.WaveformCanvas;

/**
 * A labeler works a queue of recordings: waveform and spectrogram, playback (or one line saying
 * there is no output device), transcripts typed beside the class, and a missing file skipped.
 */
class AudioLabelingTest extends LabelWorkbenchTest {

    @Test
    void labelsAudioWithTranscriptsAndSkipsAMissingFile() throws Exception {
        Path project = LabelProjects.audio(dir);
        openProject(project);
        showQueues("round 1");
        startLabeling("round 1");
        signIn("chloe");

        waitForText("#itemKeyLabel", "a.wav");
        waitUntil(() -> lookup("#labelingWaveform").queryAs(WaveformCanvas.class).waveformProperty().get() != null);
        assertThat(visible("#labelingWaveform")).isTrue();
        assertThat(visible("#labelingSpectrogram")).isTrue();
        assertThat(onFx(() -> lookup("#labelingSpectrogram").queryAs(SpectrogramView.class).spectrogramProperty()
                .get().getHeight())).isEqualTo(SpectrogramImage.FRAME_SIZE / 2 + 1);
        assertThat(visible("#transcriptField")).isTrue();
        assertThat(text("#rateLabel")).isEqualTo("1×");
        // Build machines rarely have a sound card: it plays at once, or the status line says why not, once.
        waitUntil(() -> !lookup("#audioProblemLabel").queryAs(Label.class).getText().isEmpty()
                || playing());
        String problem = text("#audioProblemLabel");
        if (!problem.isEmpty()) {
            assertThat(problem).isEqualTo("No audio output device: labeling goes on without sound");
        }
        type(KeyCode.CLOSE_BRACKET);
        assertThat(text("#rateLabel")).isEqualTo("1.25×");
        type(KeyCode.OPEN_BRACKET, KeyCode.OPEN_BRACKET);
        assertThat(text("#rateLabel")).isEqualTo("0.75×");
        type(KeyCode.RIGHT); // seek: keys that move the playhead never label
        assertThat(text("#itemKeyLabel")).isEqualTo("a.wav");

        type(KeyCode.DIGIT1); // with transcripts: the key chooses the class, the labeler types, Enter submits
        waitUntil(() -> lookup("#transcriptField").query().isFocused());
        assertThat(text("#itemKeyLabel")).isEqualTo("a.wav");
        type(KeyCode.DIGIT2); // a mis-press is corrected by the right key, also in the field
        assertThat(chosenButtons()).containsExactly("no");
        type(KeyCode.DIGIT1);
        assertThat(chosenButtons()).containsExactly("yes");
        assertThat(transcript()).isEmpty();
        write("yes please");
        type(KeyCode.DIGIT3); // a class key is never typed into the transcript
        assertThat(chosenButtons()).containsExactly("up");
        assertThat(transcript()).isEqualTo("yes please");
        type(KeyCode.DIGIT1);
        assertThat(text("#itemKeyLabel")).isEqualTo("a.wav");
        type(KeyCode.ENTER);
        waitForText("#itemKeyLabel", "b.wav");
        assertThat(onFx(() -> lookup("#transcriptField").queryAs(TextField.class).getText())).isEmpty();
        assertThat(text("#audioProblemLabel")).isEqualTo(problem);

        type(KeyCode.N, KeyCode.O); // letters that are no class's key start the transcript
        waitUntil(() -> lookup("#transcriptField").query().isFocused());
        assertThat(transcript()).isEqualTo("no");
        type(KeyCode.BACK_SLASH, KeyCode.DIGIT2); // a backslash before a digit types the digit
        assertThat(transcript()).isEqualTo("no2");
        assertThat(chosenButtons()).isEmpty();
        type(KeyCode.BACK_SPACE); // edits the text, does not go back
        assertThat(transcript()).isEqualTo("no");
        type(KeyCode.ENTER); // no class chosen yet: it says what is missing, on screen, and the field keeps the focus
        waitForText("#labelingMessageLabel", "Press a class key to label this item (then Enter)");
        assertThat(onFx(() -> ((javafx.scene.text.Text) lookup("#labelingMessageLabel").query().lookup(".text"))
                .getText())).as("the message is shown whole").isEqualTo(text("#labelingMessageLabel"));
        assertThat(onFx(() -> lookup("#transcriptField").query().isFocused())).isTrue();
        assertThat(text("#itemKeyLabel")).isEqualTo("b.wav");
        type(KeyCode.DIGIT2);
        assertThat(text("#itemKeyLabel")).isEqualTo("b.wav");
        type(KeyCode.ENTER);
        waitForText("#itemKeyLabel", "c.wav");

        waitUntil(() -> visible("#placeholderLabel"));
        assertThat(text("#placeholderLabel")).startsWith("File not found: ").endsWith("c.wav");
        shortcut(KeyCode.SPACE);
        waitUntil(() -> lookup("#skipReasonField").tryQuery().isPresent());
        type(KeyCode.DIGIT1);
        waitForText("#itemKeyLabel", "d.wav");

        type(KeyCode.DIGIT3);
        waitUntil(() -> lookup("#transcriptField").query().isFocused());
        type(KeyCode.ENTER); // no transcript needed: Enter submits the class alone
        waitUntil(() -> text("#placeholderLabel").startsWith("Queue done"));
        assertThat(text("#positionLabel")).as("a skip is not a label").isEqualTo("Queue done · 3 done by you · 75 % of queue");
        assertThat(text("#audioProblemLabel")).isEqualTo(problem);

        type(KeyCode.ESCAPE);
        closeProjectAndWait();
        try (ProjectStore store = reopenStore(project)) {
            assertThat(LabelProjects.annotations(store, "chloe")).containsExactly(
                    Arrays.asList("a.wav", "class", "yes", null, "0", null, "yes please"),
                    Arrays.asList("b.wav", "class", "no", null, "0", null, "no"),
                    Arrays.asList("c.wav", "skip", null, "can't tell", "0", null, null),
                    Arrays.asList("d.wav", "class", "up", null, "0", null, null));
            assertThat(LabelProjects.rows(store, "SELECT COUNT(*) FROM annotation WHERE duration_ms IS NULL"))
                    .containsExactly(java.util.List.of("0"));
        }
    }

    private String transcript() {
        return onFx(() -> lookup("#transcriptField").queryAs(TextField.class).getText());
    }

    private java.util.List<String> chosenButtons() {
        return onFx(() -> lookup(".class-button").queryAll().stream()
                .filter(b -> b.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("chosen")))
                .map(b -> ((javafx.scene.control.Button) b).getText()).toList());
    }

    /** The playhead moves over the waveform while it plays. */
    private boolean playing() {
        return lookup("#labelingWaveform").queryAs(WaveformCanvas.class).playheadProperty().get() > 0;
    }
}
