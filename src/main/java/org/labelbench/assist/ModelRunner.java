package org.labelbench.assist;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.labelbench.project.BadInputException;

/**
 * A stored model, loaded for inference on one device: its files checked against their hashes
 * first, then the net (rebuilt from its architecture and given its parameters, or a TorchScript
 * module), then batches forward in evaluation mode, answered as per-class probabilities.
 */
public final class ModelRunner implements AutoCloseable {
    private final StoredModel stored;
    private final Model model;
    private final ItemFeatures features;
    private final Device device;

    private ModelRunner(StoredModel stored, Model model, ItemFeatures features, Device device) {
        this.stored = stored;
        this.model = model;
        this.features = features;
        this.device = device;
    }

    public static ModelRunner open(StoredModel stored, Device device) {
        ModelFiles.verify(stored.name(), stored.folder(), stored.files());
        ItemFeatures features = stored.isAudio() ? AudioFeaturesFactory.forModel(stored)
                : new ImageFeatures(stored.imageInput(), ImageAugmentation.NONE);
        Model model = Model.newInstance(stored.name(), device, ModelEngine.NAME);
        try {
            if (StoredModel.TRAINED.equals(stored.origin())) {
                model.setBlock(Architecture.parse(stored.architecture()).build(stored.classes().size()));
                model.load(stored.folder(), NetTrainer.PARAMS_PREFIX);
            } else {
                model.load(stored.folder(), TorchScriptLoader.FILE_PREFIX, Map.of("mapLocation", "true"));
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new BadInputException(stored.folder() + ": model '" + stored.name() + "' does not load ("
                    + e.getMessage() + ")");
        }
        return new ModelRunner(stored, model, features, device);
    }

    public StoredModel stored() {
        return stored;
    }

    public ItemFeatures features() {
        return features;
    }

    public Device device() {
        return device;
    }

    /** Probabilities of a batch of inputs, each {@link ItemFeatures#shape()} floats, laid end to end. */
    public float[][] probabilities(float[] batch, int count) {
        long[] shape = features.shape();
        long[] batchShape = new long[shape.length + 1];
        batchShape[0] = count;
        System.arraycopy(shape, 0, batchShape, 1, shape.length);
        try (NDManager scope = model.getNDManager().newSubManager(device)) {
            NDArray input = scope.create(batch, new Shape(batchShape));
            NDArray output = forward(scope, input);
            NDArray probabilities = stored.outputsProbabilities() ? output : output.softmax(1);
            return rows(probabilities.toFloatArray(), count, stored.classes().size());
        }
    }

    /** The bare forward pass, as the benchmark times it against the whole path. */
    public NDArray forward(NDManager scope, NDArray input) {
        NDList outputs = model.getBlock().forward(new ParameterStore(scope, false), new NDList(input), false);
        NDArray output = outputs.get(0);
        if (output.getShape().dimension() != 2) {
            output = output.reshape(output.getShape().get(0), -1);
        }
        return output;
    }

    static float[][] rows(float[] flat, int count, int classes) {
        if (flat.length != (long) count * classes) {
            throw new BadInputException("the model answered " + flat.length / Math.max(1, count) + " values per item,"
                    + " but it has " + classes + " classes");
        }
        float[][] rows = new float[count][classes];
        for (int i = 0; i < count; i++) {
            System.arraycopy(flat, i * classes, rows[i], 0, classes);
        }
        return rows;
    }

    @Override
    public void close() {
        model.close();
    }
}
