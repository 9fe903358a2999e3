package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.assist.EpochResult;
import org.labelbench.assist.ModelCatalog;
import org.labelbench.assist.StoredModel;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "models", description = "The models stored with the project: trained here or loaded, with their hashes.")
final class AssistModelsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Mixin
    JsonOption output;

    AssistModelsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<StoredModel> models;
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            models = ModelCatalog.list(store);
        }
        if (output.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            models.forEach(m -> rows.add(describe(m)));
            context.console().json(rows);
            return LabelbenchCli.EXIT_OK;
        }
        if (models.isEmpty()) {
            context.console().line("No models yet: assist train PROJECT --model NAME, or assist load.");
            return LabelbenchCli.EXIT_OK;
        }
        int width = Math.max(5, models.stream().mapToInt(m -> m.name().length()).max().orElse(5));
        context.console().line(String.format(Locale.ROOT, "%-" + width + "s  %-11s  %-9s  %-16s  %-7s  %-8s  %s",
                "model", "origin", "net", "input", "dev acc", "device", "sha256"));
        for (StoredModel m : models) {
            context.console().line(String.format(Locale.ROOT, "%-" + width + "s  %-11s  %-9s  %-16s  %-7s  %-8s  %s",
                    m.name(), m.origin(), m.architecture(), m.describeInput(),
                    Double.isNaN(m.devAccuracy()) ? "-" : String.format(Locale.ROOT, "%.3f", m.devAccuracy()),
                    m.device() == null ? "-" : m.device(), m.modelSha256().substring(0, 12)));
        }
        return LabelbenchCli.EXIT_OK;
    }

    static Map<String, Object> describe(StoredModel m) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", m.name());
        facts.put("origin", m.origin());
        facts.put("media", m.media());
        facts.put("architecture", m.architecture());
        facts.put("input", m.describeInput());
        facts.put("classes", m.classes());
        facts.put("folder", m.folder().toString());
        facts.put("files", m.files());
        facts.put("model_sha256", m.modelSha256());
        facts.put("params", m.params());
        facts.put("seed", m.seed());
        facts.put("device", m.device());
        facts.put("engine", m.engine());
        facts.put("labels_fingerprint", m.labelsFingerprint());
        List<Map<String, Object>> history = new ArrayList<>();
        for (EpochResult epoch : m.history()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", epoch.epoch());
            row.put("train_loss", epoch.trainLoss());
            row.put("train_accuracy", epoch.trainAccuracy());
            row.put("dev_loss", epoch.devLoss());
            row.put("dev_accuracy", epoch.devAccuracy());
            row.put("seconds", epoch.seconds());
            history.add(row);
        }
        facts.put("history", history);
        facts.put("metrics", m.metrics());
        facts.put("created", m.created().toString());
        facts.put("created_by", m.createdBy());
        return facts;
    }
}
