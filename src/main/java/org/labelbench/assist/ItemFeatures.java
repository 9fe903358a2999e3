package org.labelbench.assist;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** Turns one item's media file into the float tensor a net reads (a picture, or a spectrogram). */
public interface ItemFeatures {
    /** The tensor's shape without the batch axis: channels, height, width. */
    long[] shape();

    /**
     * The item's features; with {@code random} the training augmentations are applied (drawn from
     * it), without (null) the item is read as it is, as for evaluation and prediction.
     */
    float[] read(Path file, SplittableRandom random);
}
