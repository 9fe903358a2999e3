package org.labelbench.assist;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Project items as a DJL dataset: only the files and labels are held, each record is read from its
 * file when a batch asks for it, so no project is ever loaded whole. When augmenting, an item's
 * random draws come from (seed, epoch, index), so the same seed gives the same batches whichever
 * thread reads them.
 */
final class ItemDataset extends RandomAccessDataset {
    private final Path[] files;
    private final int[] labels;
    private final ItemFeatures features;
    private final boolean augment;
    private final long seed;
    private volatile int epoch;

    ItemDataset(Path[] files, int[] labels, ItemFeatures features, boolean augment, long seed, int batchSize) {
        super(new Builder().setSampling(batchSize, false));
        this.files = files;
        this.labels = labels;
        this.features = features;
        this.augment = augment;
        this.seed = seed;
    }

    void epoch(int epoch) {
        this.epoch = epoch;
    }

    int label(int index) {
        return labels[index];
    }

    Path file(int index) {
        return files[index];
    }

    @Override
    public Record get(NDManager manager, long index) {
        int at = Math.toIntExact(index);
        SplittableRandom random = augment ? new SplittableRandom(mix(seed, epoch, at)) : null;
        float[] values = features.read(files[at], random);
        NDList data = new NDList(manager.create(values, new Shape(features.shape())));
        NDList label = new NDList(manager.create((float) Math.max(0, labels[at])));
        return new Record(data, label);
    }

    @Override
    protected long availableSize() {
        return files.length;
    }

    @Override
    public void prepare(Progress progress) {
        // Nothing to fetch: the files are the project's own.
    }

    static long mix(long seed, int epoch, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Builder extends BaseBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
