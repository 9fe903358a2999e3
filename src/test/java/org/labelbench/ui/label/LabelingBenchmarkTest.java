package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.labelbench.bench.SyntheticProject;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

/**
 * The labeling screen under a fast labeler ({@code ./mvnw -o -Pbench test -Dtest=LabelingBenchmarkTest}):
 * a 100,000-item image project, a queue over all of it, and 500 hotkeys pressed back to back
 * (each as soon as the next item is on screen). Per keypress it measures, from the key event
 * reaching the window: the label committed and the next item's header shown (the commit
 * returned to the FX thread), and the next item's image rendered (the first pulse after it was
 * set). Prints one JSON line; asserts only that the work was done, never a time.
 */
@Tag("bench")
class LabelingBenchmarkTest extends LabelWorkbenchTest {
    static final int ITEMS = 100_000;
    static final int KEYPRESSES = 500;
    static final int WARM_UP = 20;

    @Test
    void fiveHundredHotkeysOnAHundredThousandItemQueue() throws Exception {
        Path project = dir.resolve("bench.lbproj");
        long buildStart = System.nanoTime();
        SyntheticProject.build(project, ITEMS);
        // Real pictures for the items the run will reach (the synthetic project has none on disk).
        for (int i = 1; i <= WARM_UP + KEYPRESSES + 10; i++) {
            TestMedia.png(dir.resolve(String.format(Locale.ROOT, "media/img/%07d.png", i)), 28, 28, i);
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            new QueueService().create(store, new QueueDefinition("bench", QueueScope.all(), QueueStrategy.SEQUENTIAL,
                    1, 1, List.of()), "bench");
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;

        openProject(project);
        showQueues("bench");
        startLabeling("bench");
        signIn("fast");
        waitForText("#itemKeyLabel", "img/0000001.png");

        Scene scene = onFx(() -> stage.getScene());
        Label keyLabel = onFx(() -> (Label) lookup("#itemKeyLabel").query());
        ZoomableImageView image = onFx(() -> lookup("#itemImage").queryAs(ZoomableImageView.class));
        long[] pressed = new long[1];
        long[] committed = new long[1];
        long[] rendered = new long[1];
        CountDownLatch[] next = new CountDownLatch[1];
        EventHandler<KeyEvent> keyClock = event -> pressed[0] = System.nanoTime();
        javafx.beans.value.ChangeListener<String> commitClock = (o, was, now) -> committed[0] = System.nanoTime();
        Runnable[] pulse = new Runnable[1];
        javafx.beans.value.ChangeListener<javafx.scene.image.Image> imageSet = (o, was, now) -> {
            if (now != null) {
                boolean[] once = new boolean[1];
                pulse[0] = () -> {
                    if (!once[0]) {
                        once[0] = true;
                        rendered[0] = System.nanoTime();
                        Runnable self = pulse[0];
                        Platform.runLater(() -> scene.removePostLayoutPulseListener(self));
                        if (next[0] != null) {
                            next[0].countDown();
                        }
                    }
                };
                scene.addPostLayoutPulseListener(pulse[0]);
            }
        };
        interact(() -> {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, keyClock);
            keyLabel.textProperty().addListener(commitClock);
            image.imageProperty().addListener(imageSet);
        });

        KeyCode[] keys = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        double[] commitMs = new double[KEYPRESSES];
        double[] renderMs = new double[KEYPRESSES];
        long loopStart = 0;
        for (int i = 0; i < WARM_UP + KEYPRESSES; i++) {
            if (i == WARM_UP) {
                loopStart = System.nanoTime();
            }
            next[0] = new CountDownLatch(1);
            String expected = String.format(Locale.ROOT, "img/%07d.png", i + 2);
            type(keys[i % keys.length]);
            assertThat(next[0].await(20, TimeUnit.SECONDS)).as("item " + expected + " rendered").isTrue();
            assertThat(onFx(keyLabel::getText)).isEqualTo(expected);
            if (i >= WARM_UP) {
                commitMs[i - WARM_UP] = (committed[0] - pressed[0]) / 1e6;
                renderMs[i - WARM_UP] = (rendered[0] - pressed[0]) / 1e6;
            }
        }
        double loopSeconds = (System.nanoTime() - loopStart) / 1e9;

        type(KeyCode.ESCAPE);
        closeProjectAndWait();
        long labels;
        try (ProjectStore store = reopenStore(project)) {
            labels = Long.parseLong(LabelProjects.rows(store, "SELECT COUNT(*) FROM annotation a JOIN annotator n"
                    + " ON n.id = a.annotator WHERE n.name = 'fast' AND a.duration_ms IS NOT NULL").get(0).get(0));
        }
        assertThat(labels).isEqualTo(WARM_UP + KEYPRESSES);

        String json = String.format(Locale.ROOT, "{\"suite\":\"label-ui\",\"items\":%d,\"keypresses\":%d,"
                + "\"build_s\":%.1f,\"key_to_commit_ms\":{\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f},"
                + "\"key_to_next_item_rendered_ms\":{\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f},"
                + "\"labels_per_s_with_test_robot\":%.1f}", ITEMS, KEYPRESSES, buildSeconds,
                percentile(commitMs, 50), percentile(commitMs, 99), percentile(commitMs, 100),
                percentile(renderMs, 50), percentile(renderMs, 99), percentile(renderMs, 100),
                KEYPRESSES / loopSeconds);
        System.out.println("BENCH " + json);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
