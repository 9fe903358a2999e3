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
        return builder().build();
    }

    /** The defaults, to change what the caller gives; {@link Builder#build()} checks the result. */
    public static Builder builder() {
        return new Builder();
    }

    /** These options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.seed = seed;
        b.patience = patience;
        b.device = device;
        b.augmentation = augmentation;
        b.architecture = architecture;
        b.inputWidth = inputWidth;
        b.inputHeight = inputHeight;
        b.channels = channels;
        b.truth = truth;
        b.holdoutFraction = holdoutFraction;
        b.holdoutSeed = holdoutSeed;
        return b;
    }

    /** Options a field at a time; the record's constructor refuses out-of-range values at {@link #build()}. */
    public static final class Builder {
        private int epochs = DEFAULT_EPOCHS;
        private int batchSize = 64;
        private float learningRate = 1e-3f;
        private long seed = DEFAULT_SEED;
        private int patience = 3;
        private DeviceChoice device = DeviceChoice.AUTO;
        private ImageAugmentation augmentation = ImageAugmentation.STANDARD;
        private Architecture architecture;
        private Integer inputWidth;
        private Integer inputHeight;
        private Integer channels;
        private TruthSource truth = TruthSource.DEFAULT;
        private double holdoutFraction = 0.1;
        private long holdoutSeed;

        private Builder() {
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(float value) {
            learningRate = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Epochs without a better dev accuracy before training stops. */
        public Builder patience(int value) {
            patience = value;
            return this;
        }

        public Builder device(DeviceChoice value) {
            device = value;
            return this;
        }

        public Builder augmentation(ImageAugmentation value) {
            augmentation = value;
            return this;
        }

        /** The net and its input; null for each that the data decides. */
        public Builder net(Architecture value, Integer width, Integer height, Integer channelCount) {
            architecture = value;
            inputWidth = width;
            inputHeight = height;
            channels = channelCount;
            return this;
        }

        public Builder truth(TruthSource value) {
            truth = value;
            return this;
        }

        /** The share of labeled items held out to judge on when the project has no dev split, and its seed. */
        public Builder holdout(double fraction, long holdoutSeedValue) {
            holdoutFraction = fraction;
            holdoutSeed = holdoutSeedValue;
            return this;
        }

        public TrainingOptions build() {
            return new TrainingOptions(epochs, batchSize, learningRate, seed, patience, device, augmentation,
                    architecture, inputWidth, inputHeight, channels, truth, holdoutFraction, holdoutSeed);
        }
    }

    /** The recipe a trained model was made with (its net and input come from the model itself). */
    static TrainingOptions recipe(StoredModel model, DeviceChoice device) {
        Map<String, Object> p = model.params();
        ImageAugmentation augmentation = new ImageAugmentation(Boolean.TRUE.equals(p.get("flip")),
                Boolean.TRUE.equals(p.get("crop")), Boolean.TRUE.equals(p.get("colour")));
        TruthSource truth = new TruthSource((String) p.get("truth_annotator"), (String) p.get("tie_breaker"));
        return builder().epochs(((Number) p.get("epochs")).intValue())
                .batchSize(((Number) p.get("batch_size")).intValue())
                .learningRate(((Number) p.get("learning_rate")).floatValue())
                .seed(model.seed() == null ? DEFAULT_SEED : model.seed())
                .patience(((Number) p.get("patience")).intValue())
                .device(device).augmentation(augmentation)
                .net(Architecture.parse(model.architecture()), null, null, null)
                .truth(truth)
                .holdout(((Number) p.get("holdout_fraction")).doubleValue(), ((Number) p.get("holdout_seed")).longValue())
                .build();
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
