package org.labelbench.assist;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** An epoch's order: a shuffle drawn from (seed, epoch), so a seed fixes every epoch's batches. */
final class SeededShuffle implements Sampler.SubSampler {
    private final long seed;
    private final int epoch;

    SeededShuffle(long seed, int epoch) {
        this.seed = seed;
        this.epoch = epoch;
    }

    @Override
    public Iterator<Long> sample(RandomAccessDataset dataset) {
        List<Long> order = new ArrayList<>(Math.toIntExact(dataset.size()));
        for (long i = 0; i < dataset.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(ItemDataset.mix(seed, epoch, -1)));
        return order.iterator();
    }
}
