package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.assist.LearningCurve;
import org.labelbench.assist.TrainingOptions;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "learning-curve", description = {"How much more data would reach HLP, from models trained on nested shares of the labels.",
    "Each share is judged on the same dev items; error = a·n^-b is fitted; overall and for the top tags."})
final class AssistLearningCurveCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--model-kind", required = true, paramLabel = "image|audio", description = "Which items and net.")
    String kind;

    @Option(names = "--fractions", defaultValue = "0.125,0.25,0.5,1", paramLabel = "F,...",
            description = "The shares of the training labels (default ${DEFAULT-VALUE}).")
    String fractions;

    @Option(names = "--epochs", defaultValue = "" + TrainingOptions.DEFAULT_EPOCHS, paramLabel = "N",
            description = "At most N epochs per point (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "" + TrainingOptions.DEFAULT_SEED, paramLabel = "S",
            description = "Seeds every point's training (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    TruthOptions truth;

    @Mixin
    DeviceOption device;

    @Mixin
    JsonOption output;

    AssistLearningCurveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        double[] shares = shares();
        TrainingOptions options = TrainingOptions.builder().epochs(epochs).seed(seed)
                .device(device.choice()).truth(truth.source()).build();
        Console console = context.console();
        TerminalProgress progress = new TerminalProgress(console.err(), console.interactive() && !output.json);
        LearningCurve.Result result;
        try (InterruptGuard guard = new InterruptGuard(progress);
                ProjectStore store = ProjectStore.openReadOnly(project)) {
            try {
                result = new LearningCurve().run(store, kind, options, shares, progress);
            } finally {
                progress.finish();
            }
        }
        if (output.json) {
            console.json(json(result));
            return LabelbenchCli.EXIT_OK;
        }
        List<String> tags = result.tags().stream().map(LearningCurve.TagCurve::tag).toList();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s  %-14s  %-8s", "share", "train labels",
                "dev acc"));
        tags.forEach(t -> header.append("  ").append(String.format(Locale.ROOT, "%-14s", abbreviate(t))));
        console.line("Learning curve on " + result.devItems() + " dev items (" + result.devSetKind() + "):");
        console.line(header.toString());
        for (LearningCurve.Point point : result.points()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s  %-14s  %-8.3f",
                    String.format(Locale.ROOT, "%.1f %%", point.fraction() * 100),
                    String.format(Locale.ROOT, "%,d", point.trainLabels()), point.devAccuracy()));
            for (String tag : tags) {
                Double accuracy = point.tagAccuracy().get(tag);
                line.append("  ").append(String.format(Locale.ROOT, "%-14s", accuracy == null ? "-"
                        : String.format(Locale.ROOT, "%.3f", accuracy)));
            }
            console.line(line.toString());
        }
        console.line("Overall: " + result.overall().verdict());
        for (LearningCurve.TagCurve tag : result.tags()) {
            console.line("Tag " + tag.tag() + " (" + tag.devItems() + " dev items): " + tag.reading().verdict());
        }
        return LabelbenchCli.EXIT_OK;
    }

    private static String abbreviate(String tag) {
        return tag.length() <= 14 ? tag : tag.substring(0, 13) + "…";
    }

    private double[] shares() {
        String[] parts = fractions.split(",");
        double[] values = new double[parts.length];
        double previous = 0;
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--fractions " + fractions + ": '" + parts[i].strip() + "' is not a number");
            }
            if (!(values[i] > previous) || values[i] > 1) {
                throw new BadInputException("--fractions " + fractions + ": expected rising shares in (0, 1]");
            }
            previous = values[i];
        }
        if (values.length < 2) {
            throw new BadInputException("--fractions " + fractions + ": a curve needs at least two shares");
        }
        return values;
    }

    private static Map<String, Object> json(LearningCurve.Result result) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("media", result.media());
        facts.put("dev_items", result.devItems());
        facts.put("dev_set_kind", result.devSetKind());
        List<Map<String, Object>> points = new ArrayList<>();
        for (LearningCurve.Point point : result.points()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fraction", point.fraction());
            row.put("train_labels", point.trainLabels());
            row.put("dev_accuracy", point.devAccuracy());
            row.put("tag_accuracy", point.tagAccuracy());
            points.add(row);
        }
        facts.put("points", points);
        facts.put("overall", reading(result.overall()));
        List<Map<String, Object>> tags = new ArrayList<>();
        for (LearningCurve.TagCurve tag : result.tags()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tag", tag.tag());
            row.put("dev_items", tag.devItems());
            row.putAll(reading(tag.reading()));
            tags.add(row);
        }
        facts.put("tags", tags);
        return facts;
    }

    private static Map<String, Object> reading(LearningCurve.Reading reading) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("hlp", reading.hlp().isAvailable() ? reading.hlp().value() : null);
        row.put("fit_a", reading.fit() == null ? null : reading.fit().a());
        row.put("fit_b", reading.fit() == null ? null : reading.fit().b());
        row.put("labels_to_hlp", reading.labelsToHlp().isPresent() ? reading.labelsToHlp().getAsDouble() : null);
        row.put("verdict", reading.verdict());
        return row;
    }
}
