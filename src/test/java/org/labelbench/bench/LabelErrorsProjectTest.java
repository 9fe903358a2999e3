package org.labelbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.analysis.ConfidentLearning;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.TruthSource;
import org.labelbench.project.ProjectStore;

/** The project the label-errors benchmark times as a process holds what its in-memory figure works on. */
class LabelErrorsProjectTest {
    @TempDir
    Path dir;

    @Test
    void labelErrorsOnTheProjectFindTheSameItemsAsTheInMemoryRun() {
        int items = 3_000;
        int[] labels = new int[items];
        int[] truth = new int[items];
        float[] probabilities = new float[items * 10];
        LabelErrorsBenchmark.draw(labels, truth, probabilities);
        ConfidentLearning.Result inMemory = ConfidentLearning.find(labels, probabilities, 10);
        Path project = dir.resolve("le.lbproj");
        LabelErrorsProject.build(project, labels, probabilities, 10);
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            LabelErrors.Found found = store.read(tx -> LabelErrors.find(tx, LabelErrorsProject.RUN,
                    TruthSource.DEFAULT));
            assertThat(found.itemsConsidered()).isEqualTo(items);
            assertThat(inMemory.issues()).isNotEmpty();
            // Item i + 1 holds row i.
            assertThat(found.errors().stream().mapToLong(LabelErrors.LabelError::item).sorted().toArray())
                    .containsExactly(inMemory.issues().stream().mapToLong(issue -> issue.row() + 1L).sorted()
                            .toArray());
        }
    }
}
