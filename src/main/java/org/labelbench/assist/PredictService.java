package org.labelbench.assist;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemFileRepository;
import org.labelbench.project.ItemFileRepository.ItemFile;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.NewPrediction;
import org.labelbench.project.ProjectStore;

/**
 * Runs a stored model over items and writes its answers as a new prediction run (source model,
 * with the model's hash), per-class probabilities included. Nothing is written until every item
 * has been answered: a cancel, or a file the model cannot read, leaves the project unchanged.
 */
public final class PredictService {
    static final int BATCH = 256;

    /** What a prediction wrote. */
    public record Predicted(String run, String model, long items, long skippedOtherMedia, String device,
            double seconds) {
        public double itemsPerSecond() {
            return items / Math.max(1e-9, seconds);
        }
    }

    public Predicted predict(ProjectStore store, String modelName, String runName, ItemSelection selection,
            DeviceChoice deviceChoice, JobContext context) {
        String run = runName == null ? "" : runName.strip();
        if (run.isEmpty()) {
            throw new BadInputException("a prediction run needs a name (--run)");
        }
        PredictionRepository runs = new PredictionRepository();
        long started = System.nanoTime();
        record Work(StoredModel model, List<ItemFile> files) {
        }
        Work work = store.read(tx -> {
            if (runs.exists(tx, run)) {
                throw new BadInputException("a prediction run named '" + run + "' exists; runs are never changed, so"
                        + " predict under a new name");
            }
            StoredModel model = ModelCatalog.find(tx, store, modelName);
            return new Work(model, new ItemFileRepository().files(tx, selection.itemIds(tx)));
        });
        List<ItemFile> files = work.files().stream().filter(f -> f.media().equals(work.model().media())).toList();
        long skipped = work.files().size() - files.size();
        if (files.isEmpty()) {
            throw new BadInputException("no " + work.model().media() + " items among " + selection.describe()
                    + " for model '" + work.model().name() + "' to predict");
        }
        Device device = deviceChoice.resolve();
        // The rows wait on disk, not in memory, for the one transaction that writes them all.
        try (PredictionSpill spill = new PredictionSpill(store.directory(), work.model().classes().size())) {
            try (ModelRunner runner = ModelRunner.open(work.model(), device)) {
                context.message(String.format(Locale.ROOT, "Predicting %,d items with '%s' on %s", files.size(),
                        work.model().name(), ModelEngine.deviceName(device)));
                answer(runner, store.directory(), files, spill::append, context);
            }
            context.message("Writing run '" + run + "'");
            write(store, run, work.model(), selection, device, files, spill);
        }
        return new Predicted(run, work.model().name(), files.size(), skipped, ModelEngine.deviceName(device),
                (System.nanoTime() - started) / 1e9);
    }

    /** The run and every row of the spill, in one transaction. */
    private static void write(ProjectStore store, String run, StoredModel model, ItemSelection selection,
            Device device, List<ItemFile> files, PredictionSpill spill) {
        PredictionRepository runs = new PredictionRepository();
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        store.write(tx -> {
            if (runs.exists(tx, run)) {
                throw new BadInputException("a prediction run named '" + run + "' was written meanwhile; nothing"
                        + " written");
            }
            long[] classIds = RunRows.classIds(tx, model.classes());
            long id = runs.createRun(tx, run, "model", null, null, model.modelSha256(),
                    Json.write(model.classes()), created, "model " + model.name() + " on "
                            + selection.describe() + " (" + ModelEngine.deviceName(device) + ")");
            List<NewPrediction> rows = new ArrayList<>(Math.min(files.size(), 10_000));
            int[] next = {0};
            spill.replay(probabilities -> {
                rows.add(RunRows.row(files.get(next[0]++).id(), probabilities, classIds));
                if (rows.size() == 10_000) {
                    runs.insert(tx, id, rows);
                    rows.clear();
                }
            });
            runs.insert(tx, id, rows);
            return null;
        });
    }

    /**
     * One forward pass per batch while a reader thread decodes the next batch: the decode (ImageIO's
     * PNG reader, or a WAV and its log-mel spectrogram) hides behind the forward instead of taking
     * turns with it. The batches and their order are the same as decoding them one after another.
     */
    static void answer(ModelRunner runner, Path projectFolder, List<ItemFile> files, Consumer<float[]> into,
            JobContext context) {
        ItemFeatures features = runner.features();
        int values = 1;
        for (long d : features.shape()) {
            values *= (int) d;
        }
        int width = values;
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "predict-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<float[]> next = reader.submit(() -> decode(features, projectFolder, files, 0, width));
            for (int from = 0; from < files.size(); from += BATCH) {
                int count = Math.min(BATCH, files.size() - from);
                float[] input = await(next);
                int following = from + BATCH;
                if (following < files.size()) {
                    next = reader.submit(() -> decode(features, projectFolder, files, following, width));
                }
                for (float[] row : runner.probabilities(input, count)) {
                    into.accept(row);
                }
                context.checkCancelled();
                context.progress(from + count, files.size());
            }
        } finally {
            reader.shutdownNow();
        }
    }

    /** The inputs of the batch starting at {@code from}, laid end to end. */
    private static float[] decode(ItemFeatures features, Path projectFolder, List<ItemFile> files, int from,
            int width) {
        int count = Math.min(BATCH, files.size() - from);
        float[] batch = new float[count * width];
        for (int i = 0; i < count; i++) {
            Path file = projectFolder.resolve(files.get(from + i).path()).normalize();
            System.arraycopy(features.read(file, null), 0, batch, i * width, width);
        }
        return batch;
    }

    private static float[] await(Future<float[]> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.labelbench.jobs.JobCancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // a file the model cannot read: its BadInputException, as before
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
