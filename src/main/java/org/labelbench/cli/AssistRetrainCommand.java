package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.assist.QueueRetraining;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "retrain", description = {"Active learning, one round: retrain a model on today's labels and re-rank a queue.",
    "MODEL's recipe and seed, trained again as MODEL-rN; its answers on the queue order the items no one was served yet,",
    "most uncertain first. Served items never move. Run it every N labels (a script, cron) to keep a queue fresh."})
final class AssistRetrainCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--queue", required = true, paramLabel = "NAME", description = "The queue to re-rank.")
    String queue;

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "A model trained here, whose net, parameters and seed the new training reuses.")
    String model;

    @Option(names = "--uncertainty", defaultValue = "margin", paramLabel = "least-confidence|margin|entropy",
            description = "How unsure is measured (default: ${DEFAULT-VALUE}).")
    String uncertainty;

    @Mixin
    DeviceOption device;

    @Option(names = "--author", paramLabel = "NAME", description = "Who runs it (default: the operating-system user).")
    String author = GuidelineCommand.defaultAuthor();

    @Mixin
    JsonOption output;

    AssistRetrainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Uncertainty measure = Uncertainty.parse(uncertainty);
        Console console = context.console();
        TerminalProgress progress = new TerminalProgress(console.err(), console.interactive() && !output.json);
        QueueRetraining.Round round;
        try (InterruptGuard guard = new InterruptGuard(progress);
                ProjectStore store = ProjectStore.open(project)) {
            try {
                round = new QueueRetraining().run(store, queue, model, measure, device.choice(), author, progress);
            } finally {
                progress.finish();
            }
        }
        if (output.json) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("queue", queue);
            facts.put("model", round.model());
            facts.put("run", round.run());
            facts.put("dev_accuracy", round.devAccuracy());
            facts.put("predicted", round.predicted());
            facts.put("reranked", round.reranked());
            facts.put("order", round.order());
            facts.put("seconds", round.seconds());
            console.json(facts);
        } else {
            console.line(String.format(Locale.ROOT, "Trained '%s' (dev accuracy %.3f), predicted %,d items of queue"
                    + " '%s' as run '%s', and re-ranked its %,d unserved items %s (%.0f s)", round.model(),
                    round.devAccuracy(), round.predicted(), queue, round.run(), round.reranked(), round.order(),
                    round.seconds()));
        }
        return LabelbenchCli.EXIT_OK;
    }
}
