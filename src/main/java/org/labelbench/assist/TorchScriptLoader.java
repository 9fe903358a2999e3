package org.labelbench.assist;

import ai.djl.Device;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.labelbench.project.BadInputException;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ModelRepository;
import org.labelbench.project.ModelRepository.ModelRow;
import org.labelbench.project.ProjectStore;

/**
 * Loads a model someone else trained, saved as TorchScript ({@code torch.jit.trace} or
 * {@code script}, then {@code save}). The file is untrusted input: it is copied into the
 * project's models folder, hashed, loaded and run once on a sample input before anything is
 * stored; a file that does not load, or a labels file whose length differs from the model's
 * output size, is refused with the reason, and nothing changes.
 */
public final class TorchScriptLoader {
    static final String FILE_PREFIX = "model";
    static final String FILE_NAME = FILE_PREFIX + ".pt";

    /** How to read a TorchScript model's outputs. */
    public enum Outputs { AUTO, LOGITS, PROBABILITIES }

    /** What to load: exactly one of {@code image} and {@code audio}. */
    public record Request(String name, Path torchScript, Path labels, ImageInput image, AudioInput audio,
            Outputs outputs, DeviceChoice device, String author) {
    }

    public StoredModel load(ProjectStore store, Request request) {
        String name = ModelFiles.checkName(request.name());
        if ((request.image() == null) == (request.audio() == null)) {
            throw new BadInputException("say what the model takes: --input-size and --channels for pictures, or"
                    + " --sample-rate and --clip-seconds for audio");
        }
        if (!Files.isRegularFile(request.torchScript())) {
            throw new BadInputException(request.torchScript() + ": no such file");
        }
        List<String> classes = store.read(tx -> {
            ModelCatalog.refuseTaken(tx, name);
            return readLabels(request.labels(), new LabelClassRepository().list(tx));
        });
        Device device = request.device().resolve();
        Path staging = ModelFiles.staging(store.file(), name);
        try {
            Files.copy(request.torchScript(), staging.resolve(FILE_NAME));
            Map<String, String> hashes = ModelFiles.hashes(staging);
            String sha256 = ModelFiles.modelHash(hashes);
            boolean probabilities = check(name, request, staging, hashes, classes, device);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("source_file", request.torchScript().toAbsolutePath().toString());
            params.put("labels_file", request.labels().toAbsolutePath().toString());
            params.put("outputs", probabilities ? "probabilities" : "logits");
            String media = request.image() != null ? "image" : "audio";
            String input = Json.write(request.image() != null ? request.image().toJson() : request.audio().toJson());
            Path target = ModelFiles.modelsFolder(store.file()).resolve(name);
            ModelRow row = new ModelRow(0, name, StoredModel.TORCHSCRIPT, media, "torchscript", input,
                    Json.write(classes), ModelFiles.relative(store.file(), target), Json.write(hashes), sha256,
                    Json.write(params), null, ModelEngine.deviceName(device),
                    ModelEngine.NAME + " " + ModelEngine.engine().getVersion(), null, null, null,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), request.author());
            ModelRepository models = new ModelRepository();
            return store.write(tx -> {
                ModelCatalog.refuseTaken(tx, name);
                models.insert(tx, row);
                ModelFiles.moveIntoPlace(staging, target);
                return StoredModel.of(models.find(tx, name).orElseThrow(), store.file());
            });
        } catch (IOException e) {
            throw new BadInputException(request.torchScript() + ": cannot copy it into the project (" + e.getMessage()
                    + ")");
        } finally {
            ModelFiles.deleteQuietly(staging);
        }
    }

    /** Runs the model on two sample inputs; true when its outputs are already probabilities. */
    private static boolean check(String name, Request request, Path staging, Map<String, String> hashes,
            List<String> classes, Device device) {
        StoredModel probe = new StoredModel(name, StoredModel.TORCHSCRIPT, request.image() != null ? "image" : "audio",
                "torchscript", request.image(), request.audio(), classes, staging, hashes, "", Map.of("outputs",
                        "probabilities"), null, null, null, null, List.of(), Map.of(), Instant.now(), null);
        ModelRunner runner;
        try {
            runner = ModelRunner.open(probe, device);
        } catch (BadInputException e) {
            throw new BadInputException(request.torchScript() + ": not a TorchScript model PyTorch can load ("
                    + rootMessage(e) + "); nothing stored");
        }
        try (runner) {
            int values = 1;
            for (long d : runner.features().shape()) {
                values *= (int) d;
            }
            float[] sample = new float[2 * values];
            SplittableRandom random = new SplittableRandom(7);
            for (int i = values; i < sample.length; i++) {
                sample[i] = (float) random.nextDouble(-1, 1);
            }
            float[][] outputs;
            try {
                outputs = runner.probabilities(sample, 2);
            } catch (BadInputException e) {
                throw new BadInputException(request.labels() + ": names " + classes.size() + " classes, but "
                        + request.torchScript().getFileName() + " " + e.getMessage().replaceFirst("^the model ", "")
                        .replaceFirst(", but it has \\d+ classes$", "") + "; nothing stored");
            } catch (RuntimeException e) {
                throw new BadInputException(request.torchScript() + ": the model fails on a sample input of shape "
                        + shape(runner.features().shape()) + " (" + rootMessage(e) + "); check"
                        + " --input-size and --channels (or --sample-rate and --clip-seconds); nothing stored");
            }
            return switch (request.outputs()) {
                case LOGITS -> false;
                case PROBABILITIES -> true;
                case AUTO -> isDistribution(outputs);
            };
        }
    }

    private static String shape(long[] item) {
        StringBuilder text = new StringBuilder("[2");
        for (long d : item) {
            text.append(", ").append(d);
        }
        return text.append(']').toString();
    }

    private static boolean isDistribution(float[][] rows) {
        for (float[] row : rows) {
            double sum = 0;
            for (float p : row) {
                if (!(p >= 0 && p <= 1)) {
                    return false;
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-3) {
                return false;
            }
        }
        return true;
    }

    static List<String> readLabels(Path file, List<LabelClass> schema) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the labels file (" + e.getMessage() + ")");
        }
        Set<String> known = new HashSet<>();
        schema.forEach(c -> known.add(c.name()));
        List<String> classes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                continue;
            }
            if (!known.contains(name)) {
                throw new BadInputException(file + ":" + (i + 1) + ": '" + name + "' is not a class of the project");
            }
            if (!seen.add(name)) {
                throw new BadInputException(file + ":" + (i + 1) + ": '" + name + "' is named twice");
            }
            classes.add(name);
        }
        if (classes.size() < 2) {
            throw new BadInputException(file + ": names " + classes.size() + " class" + (classes.size() == 1 ? "" : "es")
                    + "; a classifier has at least two, one per line in the model's output order");
        }
        return classes;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
