package org.labelbench.assist;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.project.ModelRepository.ModelRow;

/**
 * A model stored with the project, as read from its row: what it is, what it takes, the classes
 * of its outputs in order, where its files are and their hashes, and how it was trained.
 */
public record StoredModel(String name, String origin, String media, String architecture, ImageInput imageInput,
        AudioInput audioInput, List<String> classes, Path folder, Map<String, String> files, String modelSha256,
        Map<String, Object> params, Long seed, String device, String engine, String labelsFingerprint,
        List<EpochResult> history, Map<String, Object> metrics, Instant created, String createdBy) {

    public static final String TRAINED = "trained";
    public static final String TORCHSCRIPT = "torchscript";

    static StoredModel of(ModelRow row, Path projectFile) {
        Map<String, Object> input = Json.object(row.input());
        boolean audio = "audio".equals(row.media());
        List<String> classes = new ArrayList<>();
        for (Object name : Json.array(row.classes())) {
            classes.add(String.valueOf(name));
        }
        Map<String, String> files = new LinkedHashMap<>();
        Json.object(row.files()).forEach((file, hash) -> files.put(file, String.valueOf(hash)));
        List<EpochResult> history = new ArrayList<>();
        for (Object epoch : Json.array(row.history())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) epoch;
            history.add(EpochResult.fromJson(json));
        }
        Path folder = projectFile.toAbsolutePath().getParent().resolve(row.folder()).normalize();
        return new StoredModel(row.name(), row.origin(), row.media(), row.architecture(),
                audio ? null : ImageInput.fromJson(input), audio ? AudioInput.fromJson(input) : null,
                List.copyOf(classes), folder, Map.copyOf(files), row.modelSha256(), Json.object(row.params()),
                row.seed(), row.device(), row.engine(), row.labelsFingerprint(), List.copyOf(history),
                Json.object(row.metrics()), Instant.parse(row.created()), row.createdBy());
    }

    public boolean isAudio() {
        return audioInput != null;
    }

    /** The input in a few words: "28x28x1", or "16000 Hz, 1.0 s". */
    public String describeInput() {
        return isAudio() ? audioInput.describe() : imageInput.describe();
    }

    /** The dev accuracy a training measured, or NaN for a loaded model. */
    public double devAccuracy() {
        Object value = metrics.get("dev_accuracy");
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** True when the net's outputs are already probabilities (a TorchScript model that ends in a softmax). */
    boolean outputsProbabilities() {
        return "probabilities".equals(params.get("outputs"));
    }
}
