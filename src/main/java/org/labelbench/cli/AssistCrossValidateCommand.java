package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.assist.CrossValidation;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cross-validate", description = {"Out-of-fold probabilities of every labeled item, as a new run.",
    "K models trained with MODEL's recipe, each answering the fold it never saw. What label-errors needs."})
final class AssistCrossValidateCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "A model trained here, whose net, input and parameters each fold reuses.")
    String model;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Default ${DEFAULT-VALUE}.")
    int folds;

    @Option(names = "--run", required = true, paramLabel = "NAME", description = "The new run's name.")
    String run;

    @Mixin
    DeviceOption device;

    @Option(names = "--author", paramLabel = "NAME", description = "Who runs it (default: the operating-system user).")
    String author = GuidelineCommand.defaultAuthor();

    @Mixin
    JsonOption output;

    AssistCrossValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Console console = context.console();
        TerminalProgress progress = new TerminalProgress(console.err(), console.interactive() && !output.json);
        CrossValidation.Result result;
        try (InterruptGuard guard = new InterruptGuard(progress);
                ProjectStore store = ProjectStore.open(project)) {
            try {
                result = new CrossValidation().run(store, model, folds, run, device.choice(), author, progress);
            } finally {
                progress.finish();
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("run", result.run());
        facts.put("model", result.model());
        facts.put("folds", result.folds());
        facts.put("items", result.items());
        facts.put("out_of_fold_accuracy", result.accuracy());
        facts.put("seconds", result.seconds());
        if (output.json) {
            console.json(facts);
        } else {
            console.line(String.format(Locale.ROOT, "Wrote run '%s': out-of-fold probabilities of %,d labeled items"
                    + " from %d folds of model '%s''s recipe (accuracy %.3f, %.0f s). Next: label-errors PROJECT --run %s",
                    result.run(), result.items(), result.folds(), result.model(), result.accuracy(), result.seconds(),
                    result.run()));
        }
        return LabelbenchCli.EXIT_OK;
    }
}
