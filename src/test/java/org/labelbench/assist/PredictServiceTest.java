package org.labelbench.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ItemFileRepository;
import org.labelbench.project.ItemFileRepository.ItemFile;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.CancelledJob;
import org.labelbench.testing.RetrainingProject;

/** Predictions park their rows on disk until the one transaction that writes them. */
class PredictServiceTest {
    @TempDir
    Path dir;

    @Test
    void aSpillGivesBackItsRowsInOrderAndLeavesNoFile() {
        SplittableRandom random = new SplittableRandom(3);
        List<float[]> written = new ArrayList<>();
        Path file;
        try (PredictionSpill spill = new PredictionSpill(dir, 7)) {
            for (int r = 0; r < 20_000; r++) {
                float[] row = new float[7];
                for (int c = 0; c < 7; c++) {
                    row[c] = (float) random.nextDouble();
                }
                written.add(row);
                spill.append(row);
            }
            file = spill.file();
            List<float[]> read = new ArrayList<>();
            spill.replay(read::add);
            assertThat(spill.rows()).isEqualTo(20_000);
            assertThat(read).hasSize(written.size());
            for (int r = 0; r < read.size(); r++) {
                assertThat(read.get(r)).as("row " + r).containsExactly(written.get(r));
            }
            assertThatThrownBy(() -> spill.append(new float[3])).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void theRunHoldsTheAnswersTheModelGaveDirectly() throws Exception {
        Path project = RetrainingProject.create(dir);
        try (ProjectStore store = ProjectStore.open(project)) {
            new PredictService().predict(store, "m1", "all", ItemSelection.ALL, DeviceChoice.CPU, JobContext.silent());
            StoredModel model = ModelCatalog.find(store, "m1");
            List<ItemFile> files = store.read(tx -> new ItemFileRepository().files(tx, ItemSelection.ALL.itemIds(tx)));
            List<float[]> direct = new ArrayList<>();
            try (ModelRunner runner = ModelRunner.open(model, DeviceChoice.CPU.resolve())) {
                PredictService.answer(runner, store.directory(), files, direct::add, JobContext.silent());
            }
            PredictionRepository runs = new PredictionRepository();
            store.read(tx -> {
                long run = runs.findRun(tx, "all").orElseThrow().id();
                for (int i = 0; i < files.size(); i++) {
                    assertThat(runs.probabilitiesOf(tx, run, files.get(i).id()).orElseThrow())
                            .as(files.get(i).key()).containsExactly(direct.get(i));
                }
                return null;
            });
            assertThat(leftovers()).isEmpty();
        }
    }

    @Test
    void aCancelledPredictionWritesNoRunAndLeavesNoFile() throws Exception {
        Path project = RetrainingProject.create(dir);
        try (ProjectStore store = ProjectStore.open(project)) {
            long before = store.read(tx -> new PredictionRepository().countRuns(tx));
            // Cancelled at the check after the first batch: its rows are already in the spill.
            assertThatThrownBy(() -> new PredictService().predict(store, "m1", "cut", ItemSelection.ALL,
                    DeviceChoice.CPU, CancelledJob.context())).isInstanceOf(JobCancelledException.class);
            boolean written = store.read(tx -> new PredictionRepository().exists(tx, "cut"));
            long after = store.read(tx -> new PredictionRepository().countRuns(tx));
            assertThat(written).isFalse();
            assertThat(after).isEqualTo(before);
            assertThat(leftovers()).isEmpty();
        }
    }

    /** Spill files left in the project's folder. */
    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".labelbench-predict-")).toList();
        }
    }
}
