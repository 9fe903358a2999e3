package org.labelbench.assist;

import ai.djl.nn.Block;
import java.nio.file.Path;

/**
 * How to make a model again: a trained model's net and input with the options it was trained
 * with, for cross-validation folds and learning-curve points.
 */
record Recipe(Architecture architecture, ItemFeatures trainFeatures, ItemFeatures plainFeatures,
        TrainingOptions options) {

    static Recipe of(StoredModel model, TrainingOptions options) {
        if (model.isAudio()) {
            return new Recipe(Architecture.parse(model.architecture()), AudioFeaturesFactory.training(model, true),
                    AudioFeaturesFactory.training(model, false), options);
        }
        ImageFeatures training = new ImageFeatures(model.imageInput(), options.augmentation());
        return new Recipe(Architecture.parse(model.architecture()), training, training.plain(), options);
    }

    /** The input as the model's row stores it. */
    String inputJson() {
        if (plainFeatures instanceof ImageFeatures image) {
            return Json.write(image.input().toJson());
        }
        return Json.write(((AudioModelInput) plainFeatures).input().toJson());
    }

    Block block(int classes) {
        return architecture.build(classes);
    }

    long[] shape() {
        return plainFeatures.shape();
    }

    ItemDataset dataset(LabeledItems items, int[] members, boolean augment) {
        Path[] files = new Path[members.length];
        int[] labels = new int[members.length];
        for (int i = 0; i < members.length; i++) {
            files[i] = items.files()[members[i]];
            labels[i] = items.classes()[members[i]];
        }
        return new ItemDataset(files, labels, augment ? trainFeatures : plainFeatures, augment, options.seed(),
                options.batchSize());
    }
}
