package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.assist.ItemSelection;
import org.labelbench.assist.PredictService;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "predict", description = {"Run a stored model over items and write its answers as a new prediction run.",
    "Per-class probabilities included (source: model, with the model's SHA-256). All or nothing."})
final class AssistPredictCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The stored model.")
    String model;

    @Option(names = "--run", required = true, paramLabel = "NAME", description = "The new run's name.")
    String run;

    @Option(names = "--items", defaultValue = "all", paramLabel = "all|unlabeled|queue:Q",
            description = "Which items (default ${DEFAULT-VALUE}).")
    String items;

    @Mixin
    DeviceOption device;

    @Mixin
    JsonOption output;

    AssistPredictCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ItemSelection selection = ItemSelection.parse(items);
        Console console = context.console();
        TerminalProgress progress = new TerminalProgress(console.err(), console.interactive() && !output.json);
        PredictService.Predicted predicted;
        try (InterruptGuard guard = new InterruptGuard(progress);
                ProjectStore store = ProjectStore.open(project)) {
            try {
                predicted = new PredictService().predict(store, model, run, selection, device.choice(), progress);
            } finally {
                progress.finish();
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("run", predicted.run());
        facts.put("model", predicted.model());
        facts.put("items", predicted.items());
        facts.put("skipped_other_media", predicted.skippedOtherMedia());
        facts.put("device", predicted.device());
        facts.put("seconds", predicted.seconds());
        facts.put("items_per_second", predicted.itemsPerSecond());
        if (output.json) {
            console.json(facts);
        } else {
            console.line(String.format(Locale.ROOT, "Wrote run '%s': %,d predictions by model '%s' on %s in %.1f s"
                    + " (%,.0f items/s)%s", predicted.run(), predicted.items(), predicted.model(), predicted.device(),
                    predicted.seconds(), predicted.itemsPerSecond(), predicted.skippedOtherMedia() == 0 ? ""
                            : String.format(Locale.ROOT, "; %,d items of another kind left out",
                                    predicted.skippedOtherMedia())));
        }
        return LabelbenchCli.EXIT_OK;
    }
}
