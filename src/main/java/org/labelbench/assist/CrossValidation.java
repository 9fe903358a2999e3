package org.labelbench.assist;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.labelbench.dataset.SplitMembership;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.NewPrediction;
import org.labelbench.project.ProjectStore;

/**
 * K-fold cross-validation of a trained model's recipe (its net, input, and training parameters):
 * K fresh models, each trained on the other folds (with its own 10 % inner holdout for early
 * stopping: the dev-split items among the other folds when the project has a dev split, else a
 * seeded holdout of them) and answering the fold it never saw; every labeled item, test split
 * included, is in some fold, since the run is meant to cover them all. The out-of-fold probabilities of every labeled
 * item become one run: what confident learning needs to point at likely label errors, since a
 * model's answers on its own training items are too sure of their labels. The K models are not
 * kept; only the run is.
 */
public final class CrossValidation {
    public static final int MAX_FOLDS = 20;

    /** What a cross-validation wrote. */
    public record Result(String run, String model, int folds, long items, double accuracy, double seconds) {
    }

    public Result run(ProjectStore store, String modelName, int folds, String runName, DeviceChoice deviceChoice,
            String author, JobContext context) {
        if (folds < 2 || folds > MAX_FOLDS) {
            throw new BadValueException("folds", String.valueOf(folds), ": expected 2 to " + MAX_FOLDS);
        }
        String run = runName == null ? "" : runName.strip();
        if (run.isEmpty()) {
            throw new BadInputException("the out-of-fold run needs a name (--run)");
        }
        PredictionRepository runs = new PredictionRepository();
        long started = System.nanoTime();
        record Work(StoredModel model, LabeledItems items, SplitMembership splits) {
        }
        Work work = store.read(tx -> {
            if (runs.exists(tx, run)) {
                throw new BadInputException("a prediction run named '" + run + "' exists; choose a new name");
            }
            StoredModel model = ModelCatalog.find(tx, store, modelName);
            if (!StoredModel.TRAINED.equals(model.origin())) {
                throw new BadInputException("model '" + model.name() + "' was loaded, not trained here, so there is no"
                        + " recipe to retrain; cross-validate a model made by assist train");
            }
            TrainingOptions options = TrainingOptions.recipe(model, deviceChoice);
            return new Work(model, LabeledItems.read(tx, store.directory(), options.truth()), SplitMembership.read(tx));
        });
        StoredModel model = work.model();
        LabeledItems items = work.items();
        if (!items.media().equals(model.media())) {
            throw new BadInputException("model '" + model.name() + "' reads " + model.media() + ", but the labeled items"
                    + " are " + items.media());
        }
        TrainingOptions options = TrainingOptions.recipe(model, deviceChoice);
        Device device = deviceChoice.resolve();
        int[][] foldMembers = Holdout.folds(items, folds, options.holdoutSeed());
        float[][] outOfFold = new float[items.size()][];
        for (int fold = 0; fold < folds; fold++) {
            int[] held = foldMembers[fold];
            int[] others = others(foldMembers, fold);
            Holdout inner = DevSet.inner(items, others, work.splits(), options);
            JobContext foldContext = new ScaledProgress(context, fold, folds,
                    String.format(Locale.ROOT, "Fold %d of %d: ", fold + 1, folds));
            Path staging = ModelFiles.staging(store.file(), "cv-" + model.name());
            try {
                Recipe recipe = Recipe.of(model, options);
                NetTrainer.Outcome outcome = NetTrainer.train(
                        recipe.dataset(items, inner.train(), true), recipe.dataset(items, inner.dev(), false),
                        recipe.dataset(items, held, false), recipe.block(items.classNames().size()),
                        recipe.shape(), items.classNames().size(), options, device, staging, foldContext,
                        EpochListener.NONE);
                for (int i = 0; i < held.length; i++) {
                    outOfFold[held[i]] = outcome.heldProbabilities()[i];
                }
            } finally {
                ModelFiles.deleteQuietly(staging);
            }
        }
        long right = 0;
        for (int i = 0; i < items.size(); i++) {
            if (argMax(outOfFold[i]) == items.classes()[i]) {
                right++;
            }
        }
        double accuracy = (double) right / items.size();
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        store.write(tx -> {
            if (runs.exists(tx, run)) {
                throw new BadInputException("a prediction run named '" + run + "' was written meanwhile; nothing"
                        + " written");
            }
            long[] classIds = RunRows.classIds(tx, items.classNames());
            long id = runs.createRun(tx, run, "model", null, null, null, Json.write(items.classNames()), created,
                    String.format(Locale.ROOT, "%d-fold cross-validation of model %s's recipe: out-of-fold"
                            + " probabilities of %d labeled items (accuracy %.3f)%s", folds, model.name(), items.size(),
                            accuracy, author == null ? "" : ", by " + author));
            List<NewPrediction> rows = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                rows.add(RunRows.row(items.itemIds()[i], outOfFold[i], classIds));
            }
            runs.insert(tx, id, rows);
            return null;
        });
        return new Result(run, model.name(), folds, items.size(), accuracy, (System.nanoTime() - started) / 1e9);
    }

    private static int[] others(int[][] folds, int except) {
        return java.util.stream.IntStream.range(0, folds.length).filter(f -> f != except)
                .flatMap(f -> java.util.Arrays.stream(folds[f])).sorted().toArray();
    }

    static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
