package org.labelbench.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.labelbench.assist.DeviceChoice;
import org.labelbench.assist.ItemFeatures;
import org.labelbench.assist.ModelRunner;
import org.labelbench.assist.StoredModel;

/**
 * The yardstick of the whole prediction path: the same model's forward pass and softmax alone, in
 * batches of 256, over the same items' inputs computed beforehand (decoding not timed).
 */
final class BareForward {
    static final int BATCH = 256;

    private BareForward() {
    }

    /** Items per second of the forward loop alone. */
    static double itemsPerSecond(StoredModel model, DeviceChoice choice, List<Path> files) {
        try (ModelRunner runner = ModelRunner.open(model, choice.resolve())) {
            ItemFeatures features = runner.features();
            long[] shape = features.shape();
            int values = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            int items = files.size();
            float[] all = new float[items * values];
            for (int i = 0; i < items; i++) {
                System.arraycopy(features.read(files.get(i), null), 0, all, i * values, values);
            }
            long[] batchShape = new long[shape.length + 1];
            System.arraycopy(shape, 0, batchShape, 1, shape.length);
            long start = System.nanoTime();
            try (NDManager manager = NDManager.newBaseManager(runner.device())) {
                for (int from = 0; from < items; from += BATCH) {
                    int count = Math.min(BATCH, items - from);
                    batchShape[0] = count;
                    try (NDManager scope = manager.newSubManager()) {
                        float[] batch = Arrays.copyOfRange(all, from * values, (from + count) * values);
                        NDArray input = scope.create(batch, new Shape(batchShape));
                        runner.forward(scope, input).softmax(1).toFloatArray();
                    }
                }
            }
            return items / ((System.nanoTime() - start) / 1e9);
        }
    }
}
