package org.labelbench.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.ProjectStore;

/**
 * "Nothing acknowledged is lost": a labeler in another JVM labels as fast as it can and is
 * killed (SIGKILL, no shutdown hooks) mid-stream. Every label it was told was accepted must be
 * in the project when it is reopened, and the reopened queue resumes after them.
 */
class KilledLabelerTest {
    @TempDir
    Path dir;

    /** The labeler process: labels every item of queue "q" as "dog" and prints each accepted key. */
    public static void main(String[] args) {
        try (ProjectStore store = ProjectStore.open(Path.of(args[0]))) {
            LabelingSession session = LabelingSession.open(store, "q", "ana", "labeler");
            LabelDecision dog = LabelDecision.single(session.schema().byName("dog").orElseThrow());
            while (session.current().isPresent()) {
                String key = session.current().get().item().key();
                session.submit(dog);
                System.out.println("ACK " + key);
                System.out.flush();
            }
        }
    }

    @Test
    void everyAcknowledgedLabelSurvivesAKill() throws Exception {
        Path file;
        try (ProjectStore store = LabelingFixture.project(dir, 3000, false)) {
            new QueueService().create(store, new QueueDefinition("q", QueueScope.all(), QueueStrategy.SEQUENTIAL, 1, 0,
                    List.of()), "lead");
            file = store.file();
        }
        Process labeler = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledLabelerTest.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(labeler.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
                if (acknowledged.size() == 400) {
                    labeler.destroyForcibly(); // SIGKILL on Linux: no hooks, no close
                    break;
                }
            }
        }
        assertThat(labeler.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("the labeler got going before it was killed").hasSize(400);

        try (ProjectStore reopened = ProjectStore.open(file)) {
            List<String> stored = LabelingFixture.rows(reopened, "SELECT i.key FROM annotation a JOIN item i"
                    + " ON i.id = a.item ORDER BY a.id").stream().map(r -> r.get(0)).toList();
            assertThat(stored).startsWith(acknowledged.toArray(String[]::new));
            LabelingSession again = LabelingSession.open(reopened, "q", "ana", "labeler");
            String resumed = again.current().orElseThrow().item().key();
            assertThat(stored).doesNotContain(resumed);
            assertThat(resumed).as("the item after the last one stored, in queue order").isEqualTo(
                    LabelingFixture.rows(reopened, "SELECT i.key FROM queue_item qi JOIN item i ON i.id = qi.item"
                            + " WHERE qi.position = ?", stored.size()).get(0).get(0));
        }
    }
}
