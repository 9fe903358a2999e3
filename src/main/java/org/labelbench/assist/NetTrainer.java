package org.labelbench.assist;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.SequenceSampler;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.labelbench.jobs.JobContext;

/**
 * The training loop: one {@link Trainer} for the model's whole life (DJL #1317: a new trainer per
 * epoch leaks), gradients only through the trainer's own forward (never a predictor's, #2144),
 * the data order and augmentations drawn from the seed, and the best epoch on the dev items kept
 * (early stopping after {@code patience} epochs without a better dev accuracy).
 */
final class NetTrainer {
    static final String PARAMS_PREFIX = "model";

    /** What came of a training: the best epoch's parameters in {@code folder}, and its dev probabilities. */
    record Outcome(List<EpochResult> history, int bestEpoch, float[][] devProbabilities, float[][] heldProbabilities,
            Path paramsFile) {
    }

    private NetTrainer() {
    }

    static Outcome train(ItemDataset train, ItemDataset dev, Block block, long[] inputShape, int classes,
            TrainingOptions options, Device device, Path folder, JobContext context, EpochListener listener) {
        return train(train, dev, null, block, inputShape, classes, options, device, folder, context, listener);
    }

    /**
     * As above; {@code held} (may be null) are items neither trained nor judged on, answered by the
     * best epoch: a cross-validation fold's out-of-fold probabilities.
     */
    static Outcome train(ItemDataset train, ItemDataset dev, ItemDataset held, Block block, long[] inputShape,
            int classes, TrainingOptions options, Device device, Path folder, JobContext context,
            EpochListener listener) {
        ModelEngine.engine().setRandomSeed((int) options.seed());
        Loss loss = Loss.softmaxCrossEntropyLoss();
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(options.learningRate())).build())
                .optDevices(new Device[] {device});
        // On a GPU every batch has the same size (DJL #901): the last, short one is dropped there.
        boolean dropLast = device.isGpu() && train.size() > options.batchSize();
        long batchesPerEpoch = dropLast ? train.size() / options.batchSize()
                : (train.size() + options.batchSize() - 1) / options.batchSize();
        ExecutorService readers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "training-reader");
            thread.setDaemon(true);
            return thread;
        });
        List<EpochResult> history = new ArrayList<>();
        float[][] bestProbabilities = null;
        float[][] heldProbabilities = null;
        int bestEpoch = 0;
        double bestAccuracy = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        try (Model model = Model.newInstance("training", device, ModelEngine.NAME)) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config)) {
                long[] batchShape = new long[inputShape.length + 1];
                batchShape[0] = 1;
                System.arraycopy(inputShape, 0, batchShape, 1, inputShape.length);
                trainer.initialize(new Shape(batchShape));
                for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                    long started = System.nanoTime();
                    train.epoch(epoch);
                    double lossSum = 0;
                    long correct = 0;
                    long seen = 0;
                    long batchIndex = 0;
                    for (Batch batch : train.getData(trainer.getManager(),
                            new BatchSampler(new SeededShuffle(options.seed(), epoch), options.batchSize(), dropLast),
                            readers)) {
                        try (batch) {
                            NDList labels = batch.getLabels();
                            NDArray batchLoss;
                            NDList outputs;
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                outputs = trainer.forward(batch.getData(), labels);
                                batchLoss = loss.evaluate(labels, outputs);
                                collector.backward(batchLoss);
                            }
                            trainer.step();
                            long size = batch.getSize();
                            lossSum += batchLoss.getFloat() * size;
                            correct += correct(outputs.singletonOrThrow(), labels.singletonOrThrow());
                            seen += size;
                        }
                        context.checkCancelled();
                        batchIndex++;
                        context.progress((epoch - 1) * batchesPerEpoch + batchIndex, options.epochs() * batchesPerEpoch);
                    }
                    Evaluation evaluation = evaluate(trainer, dev, options.batchSize(), loss, classes, readers, context);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    EpochResult result = new EpochResult(epoch, lossSum / Math.max(1, seen),
                            (double) correct / Math.max(1, seen), evaluation.loss(), evaluation.accuracy(), seconds,
                            seen / seconds);
                    history.add(result);
                    context.message(String.format(java.util.Locale.ROOT,
                            "Epoch %d of %d: loss %.3f, dev accuracy %.3f", epoch, options.epochs(),
                            result.trainLoss(), result.devAccuracy()));
                    listener.epochDone(result);
                    boolean better = evaluation.accuracy() > bestAccuracy
                            || (evaluation.accuracy() == bestAccuracy && evaluation.loss() < bestLoss);
                    if (better) {
                        bestAccuracy = evaluation.accuracy();
                        bestLoss = evaluation.loss();
                        bestEpoch = epoch;
                        bestProbabilities = evaluation.probabilities();
                        if (held != null) {
                            heldProbabilities = evaluate(trainer, held, options.batchSize(), loss, classes, readers,
                                    context).probabilities();
                        }
                        saveOnly(model, folder, epoch);
                    } else if (epoch - bestEpoch >= options.patience()) {
                        context.message("Stopped early: no better dev accuracy for " + options.patience() + " epochs");
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranslateException e) {
            throw new IllegalStateException("reading a batch failed: " + e.getMessage(), e);
        } finally {
            readers.shutdownNow();
        }
        return new Outcome(List.copyOf(history), bestEpoch, bestProbabilities, heldProbabilities,
                paramsFile(folder, bestEpoch));
    }

    private record Evaluation(double loss, double accuracy, float[][] probabilities) {
    }

    private static Evaluation evaluate(Trainer trainer, ItemDataset dev, int batchSize, Loss loss, int classes,
            ExecutorService readers, JobContext context) throws IOException, TranslateException {
        float[][] probabilities = new float[Math.toIntExact(dev.size())][];
        double lossSum = 0;
        long correct = 0;
        int at = 0;
        for (Batch batch : dev.getData(trainer.getManager(), new BatchSampler(new SequenceSampler(), batchSize, false),
                readers)) {
            try (batch) {
                NDArray logits = trainer.evaluate(batch.getData()).singletonOrThrow();
                NDArray labels = batch.getLabels().singletonOrThrow();
                lossSum += loss.evaluate(batch.getLabels(), new NDList(logits)).getFloat() * batch.getSize();
                correct += correct(logits, labels);
                float[] flat = logits.softmax(1).toFloatArray();
                for (int row = 0; row < batch.getSize(); row++) {
                    float[] p = new float[classes];
                    System.arraycopy(flat, row * classes, p, 0, classes);
                    probabilities[at++] = p;
                }
            }
            context.checkCancelled();
        }
        return new Evaluation(lossSum / Math.max(1, at), (double) correct / Math.max(1, at), probabilities);
    }

    private static long correct(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(DataType.FLOAT32, false).eq(labels).sum().getLong();
    }

    /** Saves this epoch's parameters (DJL's own format: model.save never writes TorchScript, #3610) and drops older ones. */
    private static void saveOnly(Model model, Path folder, int epoch) throws IOException {
        model.setProperty("Epoch", String.valueOf(epoch));
        model.save(folder, PARAMS_PREFIX);
        Path keep = paramsFile(folder, epoch);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (!file.equals(keep)) {
                    Files.delete(file);
                }
            }
        }
    }

    static Path paramsFile(Path folder, int epoch) {
        return folder.resolve(String.format("%s-%04d.params", PARAMS_PREFIX, epoch));
    }
}
