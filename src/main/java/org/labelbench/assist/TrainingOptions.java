package org.labelbench.assist;

import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbench.analysis.TruthSource;
import org.labelbench.project.BadValueException;

/**
 * How to train. {@code architecture}, {@code inputWidth}/{@code inputHeight} and {@code channels}
 * are null for "decide from the data"; the holdout is chosen from {@code holdoutSeed}, apart from
 * the training seed, so retraining with another seed is judged on the same dev items.
 */
public record TrainingOptions(int epochs, int batchSize, float learningRate, long seed, int patience,
        DeviceChoice device, ImageAugmentation augmentation, Architecture architecture, Integer inputWidth,
        Integer inputHeight, Integer channels, TruthSource truth, double holdoutFraction, long holdoutSeed) {

    public static final int DEFAULT_EPOCHS = 10;
    public static final long DEFAULT_SEED = 42;

    public TrainingOptions {
        if (epochs < 1 || epochs > 10_000) {
            throw new BadValueException("epochs", String.valueOf(epochs), ": expected 1 to 10000");
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new BadValueException("batch size", String.valueOf(batchSize), ": expected 1 to 4096");
        }
        if (!(learningRate > 0) || learningRate > 1) {
            throw new BadValueException("learning rate", String.valueOf(learningRate), ": expected a number in (0, 1]");
        }
        if (patience < 1) {
            throw new BadValueException("patience", String.valueOf(patience), ": expected at least 1 epoch");
        }
        if (!(holdoutFraction > 0) || holdoutFraction >= 1) {
            throw new BadValueException("holdout", String.valueOf(holdoutFraction), ": expected a share in (0, 1)");
        }
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(DEFAULT_EPOCHS, 64, 1e-3f, DEFAULT_SEED, 3, DeviceChoice.AUTO,
                ImageAugmentation.STANDARD, null, null, null, null, TruthSource.DEFAULT, 0.1, 0);
    }

    public TrainingOptions withEpochs(int value) {
        return new TrainingOptions(value, batchSize, learningRate, seed, patience, device, augmentation,
                architecture, inputWidth, inputHeight, channels, truth, holdoutFraction, holdoutSeed);
    }

    public TrainingOptions withSeed(long value) {
        return new TrainingOptions(epochs, batchSize, learningRate, value, patience, device, augmentation,
                architecture, inputWidth, inputHeight, channels, truth, holdoutFraction, holdoutSeed);
    }

    public TrainingOptions withDevice(DeviceChoice value) {
        return new TrainingOptions(epochs, batchSize, learningRate, seed, patience, value, augmentation,
                architecture, inputWidth, inputHeight, channels, truth, holdoutFraction, holdoutSeed);
    }

    public TrainingOptions withTruth(TruthSource value) {
        return new TrainingOptions(epochs, batchSize, learningRate, seed, patience, device, augmentation,
                architecture, inputWidth, inputHeight, channels, value, holdoutFraction, holdoutSeed);
    }

    public TrainingOptions withAugmentation(ImageAugmentation value) {
        return new TrainingOptions(epochs, batchSize, learningRate, seed, patience, device, value,
                architecture, inputWidth, inputHeight, channels, truth, holdoutFraction, holdoutSeed);
    }

    public TrainingOptions withNet(Architecture value, Integer width, Integer height, Integer channelCount) {
        return new TrainingOptions(epochs, batchSize, learningRate, seed, patience, device, augmentation,
                value, width, height, channelCount, truth, holdoutFraction, holdoutSeed);
    }

    public TrainingOptions withBatch(int size, float rate, int epochsWithoutGain) {
        return new TrainingOptions(epochs, size, rate, seed, epochsWithoutGain, device, augmentation,
                architecture, inputWidth, inputHeight, channels, truth, holdoutFraction, holdoutSeed);
    }

    /** The recipe a trained model was made with (its net and input come from the model itself). */
    static TrainingOptions recipe(StoredModel model, DeviceChoice device) {
        Map<String, Object> p = model.params();
        ImageAugmentation augmentation = new ImageAugmentation(Boolean.TRUE.equals(p.get("flip")),
                Boolean.TRUE.equals(p.get("crop")), Boolean.TRUE.equals(p.get("colour")));
        TruthSource truth = new TruthSource((String) p.get("truth_annotator"), (String) p.get("tie_breaker"));
        return new TrainingOptions(((Number) p.get("epochs")).intValue(), ((Number) p.get("batch_size")).intValue(),
                ((Number) p.get("learning_rate")).floatValue(), model.seed() == null ? DEFAULT_SEED : model.seed(),
                ((Number) p.get("patience")).intValue(), device, augmentation, Architecture.parse(model.architecture()),
                null, null, null, truth, ((Number) p.get("holdout_fraction")).doubleValue(),
                ((Number) p.get("holdout_seed")).longValue());
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("epochs", epochs);
        json.put("batch_size", batchSize);
        json.put("learning_rate", (double) learningRate);
        json.put("optimizer", "adam");
        json.put("patience", patience);
        json.put("augmentation", augmentation.describe());
        json.put("flip", augmentation.flip());
        json.put("crop", augmentation.crop());
        json.put("colour", augmentation.colour());
        json.put("truth", truth.describe());
        json.put("truth_annotator", truth.onlyAnnotator());
        json.put("tie_breaker", truth.tieBreaker());
        json.put("holdout_fraction", holdoutFraction);
        json.put("holdout_seed", holdoutSeed);
        return json;
    }
}
