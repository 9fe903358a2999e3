package org.labelbench.assist;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbench.dataset.SplitMembership;
import org.labelbench.dataset.VersionService;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ModelRepository;
import org.labelbench.project.ModelRepository.ModelRow;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.ProjectStore;

/**
 * Trains a model on the project's labeled items and stores it with the project: its parameters
 * in {@code PROJECT.models/NAME/}, its row (architecture, input, seed, device, labels seen,
 * per-epoch history, dev figures) in the model table, and its answers on the dev items as the
 * prediction run NAME, so two trainings compare with {@code compare} like any two runs. Early
 * stopping is on the project's dev split when it has one, else on a seeded holdout ({@link DevSet});
 * the model's metrics say which ("dev_set_kind": "dev split" or "holdout"). A cancel
 * or a failure leaves the project and its folder as they were.
 */
public final class TrainingService {
    private final ModelRepository models = new ModelRepository();
    private final PredictionRepository runs = new PredictionRepository();

    public StoredModel train(ProjectStore store, String modelName, TrainingOptions options, String author,
            JobContext context, EpochListener listener) {
        return train(store, modelName, options, null, author, context, listener);
    }

    /**
     * As above; with {@code version} (not null) the model learns the labels that dataset version
     * froze and stops early on its dev split, instead of today's labels and split, and its row
     * records the version.
     */
    public StoredModel train(ProjectStore store, String modelName, TrainingOptions options, String version,
            String author, JobContext context, EpochListener listener) {
        String name = ModelFiles.checkName(modelName);
        Device device = options.device().resolve();
        context.message("Reading the labeled items");
        record Work(LabeledItems items, SplitMembership splits) {
        }
        Work work = store.read(tx -> {
            refuseTaken(tx, name);
            if (version != null) {
                VersionService.FrozenLabels frozen = new VersionService().frozenLabels(tx, version);
                return new Work(LabeledItems.fromVersion(tx, store.directory(), frozen), frozen.splits());
            }
            return new Work(LabeledItems.read(tx, store.directory(), options.truth()), SplitMembership.read(tx));
        });
        LabeledItems items = work.items();
        DevSet devSet = DevSet.choose(items, work.splits(), options);
        Holdout holdout = devSet.holdout();
        context.message("Dev set: " + devSet.kind());
        Recipe recipe = recipeFor(items, holdout.train(), options);
        Trained trained = fit(store, name, items, holdout, recipe, device, context, listener);
        Map<String, Object> params = options.toJson();
        if (version != null) {
            params.put("version", version);
            params.put("truth", "the labels frozen in dataset version " + version);
        }
        if ("audio".equals(items.media())) {
            params.put("augmentation", options.augmentation().any()
                    ? "time shift up to 0.1 s, white noise at 10-30 dB SNR half the time, gain within 6 dB" : "none");
        }
        return store(store, name, StoredModel.TRAINED, items.media(), recipe.architecture().id(), recipe.inputJson(),
                items, devSet, trained, params, options, device, author, version);
    }

    /** The net and input for these items, decided from the training items where the options leave it open. */
    static Recipe recipeFor(LabeledItems items, int[] train, TrainingOptions options) {
        if ("audio".equals(items.media())) {
            AudioInput input = AudioInputChoice.choose(items, train);
            boolean augment = options.augmentation().any();
            return new Recipe(options.architecture() != null ? options.architecture() : Architecture.SMALL_CNN,
                    new LogMelFeatures(input, augment), new LogMelFeatures(input, false), options);
        }
        ImageInputChoice.Choice choice = ImageInputChoice.choose(items, train, options);
        ImageInput input = choice.input();
        Architecture architecture = options.architecture() != null ? options.architecture()
                : Architecture.forInput(input.width(), input.height());
        // One decode of each picture serves the statistics, the augmented reads and the dev reads.
        return new Recipe(architecture, choice.features(options.augmentation()),
                choice.features(ImageAugmentation.NONE), options);
    }

    /** The part every training shares: the datasets, the loop, the staging folder. */
    record Trained(NetTrainer.Outcome outcome, Path staging) {
    }

    Trained fit(ProjectStore store, String name, LabeledItems items, Holdout holdout, Recipe recipe, Device device,
            JobContext context, EpochListener listener) {
        ItemDataset train = recipe.dataset(items, holdout.train(), true);
        ItemDataset dev = recipe.dataset(items, holdout.dev(), false);
        Path staging = ModelFiles.staging(store.file(), name);
        try {
            context.message(String.format(Locale.ROOT, "Training on %,d items, judged on %,d dev items (%s)",
                    holdout.train().length, holdout.dev().length, ModelEngine.deviceName(device)));
            NetTrainer.Outcome outcome = NetTrainer.train(train, dev, recipe.block(items.classNames().size()),
                    recipe.shape(), items.classNames().size(), recipe.options(), device, staging, context, listener);
            return new Trained(outcome, staging);
        } catch (RuntimeException | Error e) {
            ModelFiles.deleteQuietly(staging);
            throw e;
        }
    }

    StoredModel store(ProjectStore store, String name, String origin, String media, String architecture,
            String inputJson, LabeledItems items, DevSet devSet, Trained trained, Map<String, Object> params,
            TrainingOptions options, Device device, String author) {
        return store(store, name, origin, media, architecture, inputJson, items, devSet, trained, params, options,
                device, author, null);
    }

    /** As above, recording the dataset version the model was trained on ({@code version} null: today's labels). */
    StoredModel store(ProjectStore store, String name, String origin, String media, String architecture,
            String inputJson, LabeledItems items, DevSet devSet, Trained trained, Map<String, Object> params,
            TrainingOptions options, Device device, String author, String version) {
        Holdout holdout = devSet.holdout();
        Path staging = trained.staging();
        try {
            NetTrainer.Outcome outcome = trained.outcome();
            Map<String, String> hashes = ModelFiles.hashes(staging);
            String modelSha256 = ModelFiles.modelHash(hashes);
            Path target = ModelFiles.modelsFolder(store.file()).resolve(name);
            EpochResult best = outcome.history().get(outcome.bestEpoch() - 1);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("dev_accuracy", best.devAccuracy());
            metrics.put("dev_loss", best.devLoss());
            metrics.put("best_epoch", outcome.bestEpoch());
            metrics.put("epochs_run", outcome.history().size());
            metrics.put("train_items", holdout.train().length);
            metrics.put("dev_items", holdout.dev().length);
            metrics.putAll(devSet.toJson());
            List<Object> history = new ArrayList<>();
            outcome.history().forEach(epoch -> history.add(epoch.toJson()));
            String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            String engine = ModelEngine.NAME + " " + ModelEngine.engine().getVersion();
            ModelRow row = new ModelRow(0, name, origin, media, architecture, inputJson,
                    Json.write(items.classNames()), ModelFiles.relative(store.file(), target), Json.write(hashes),
                    modelSha256, Json.write(params), options.seed(), ModelEngine.deviceName(device), engine,
                    items.fingerprint(), Json.write(history), Json.write(metrics), created, author);
            try {
                return store.write(tx -> {
                refuseTaken(tx, name);
                long modelId = models.insert(tx, row);
                if (version != null) {
                    new VersionService().recordTraining(tx, version, modelId);
                }
                long run = runs.createRun(tx, name, "model", null, null, modelSha256, Json.write(items.classNames()),
                        created, "model " + name + " on its " + holdout.dev().length + " dev items (best epoch "
                                + outcome.bestEpoch() + ")");
                runs.insert(tx, run, RunRows.of(tx, items, holdout.dev(), outcome.devProbabilities()));
                // Last, so a failure above rolls the rows back with the files still in staging.
                ModelFiles.moveIntoPlace(staging, target);
                return StoredModel.of(models.find(tx, name).orElseThrow(), store.file());
                });
            } catch (RuntimeException e) {
                // The commit failed after the files moved: take them back out, the rows are gone.
                if (java.nio.file.Files.exists(target) && !java.nio.file.Files.exists(staging)) {
                    ModelFiles.deleteQuietly(target);
                }
                throw e;
            }
        } finally {
            ModelFiles.deleteQuietly(staging);
        }
    }

    private void refuseTaken(org.labelbench.project.Transaction tx, String name) {
        ModelCatalog.refuseTaken(tx, name);
        if (runs.exists(tx, name)) {
            throw new BadInputException("a prediction run named '" + name + "' exists, and a training writes its dev"
                    + " predictions as a run of the model's name; choose another name");
        }
    }
}
