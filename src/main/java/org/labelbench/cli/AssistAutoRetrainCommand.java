package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.assist.RetrainingSchedule;
import org.labelbench.assist.ScheduledRetraining;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "auto-retrain", description = {"Retrain a queue's model in the background every N new labels, while people label.",
    "With --model and --every: sets it (counting from now); with --off: stops it; with neither: shows it.",
    "The workbench's labeling screen runs each round (assist retrain's work) as a background job when it is due."})
final class AssistAutoRetrainCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--queue", required = true, paramLabel = "NAME", description = "The queue to keep re-ranked.")
    String queue;

    @Option(names = "--model", paramLabel = "NAME",
            description = "A model trained here, whose net, parameters and seed every round reuses.")
    String model;

    @Option(names = "--every", paramLabel = "N", description = "Retrain after every N new labels of the queue.")
    Integer every;

    @Option(names = "--uncertainty", defaultValue = "margin", paramLabel = "least-confidence|margin|entropy",
            description = "How unsure is measured when re-ranking (default: ${DEFAULT-VALUE}).")
    String uncertainty;

    @Option(names = "--off", description = "Stop retraining the queue in the background.")
    boolean off;

    @Option(names = "--author", paramLabel = "NAME", description = "Who sets it (default: the operating-system user).")
    String author = GuidelineCommand.defaultAuthor();

    @Mixin
    JsonOption output;

    AssistAutoRetrainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (off && (model != null || every != null)) {
            throw new BadInputException("--off stops the retraining; give it without --model and --every");
        }
        if ((model == null) != (every == null)) {
            throw new BadInputException("setting a retraining needs both --model and --every");
        }
        Uncertainty measure = Uncertainty.parse(uncertainty);
        ScheduledRetraining schedules = new ScheduledRetraining();
        Console console = context.console();
        try (ProjectStore store = ProjectStore.open(project)) {
            if (off) {
                boolean stopped = schedules.off(store, queue);
                if (output.json) {
                    console.json(Map.of("queue", queue, "stopped", stopped));
                } else {
                    console.line(stopped ? "Queue '" + queue + "' no longer retrains in the background"
                            : "Queue '" + queue + "' did not retrain in the background");
                }
                return LabelbenchCli.EXIT_OK;
            }
            Optional<RetrainingSchedule> schedule = model == null ? schedules.find(store, queue)
                    : Optional.of(schedules.set(store, queue, model, every, measure, author));
            if (output.json) {
                console.json(schedule.map(AssistAutoRetrainCommand::facts).orElseGet(() -> {
                    Map<String, Object> none = new LinkedHashMap<>();
                    none.put("queue", queue);
                    none.put("model", null);
                    return none;
                }));
            } else {
                console.line(schedule.map(AssistAutoRetrainCommand::describe)
                        .orElse("Queue '" + queue + "' does not retrain in the background"));
            }
        }
        return LabelbenchCli.EXIT_OK;
    }

    private static Map<String, Object> facts(RetrainingSchedule s) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("queue", s.queue());
        facts.put("model", s.model());
        facts.put("every_labels", s.everyLabels());
        facts.put("uncertainty", s.uncertainty().id());
        facts.put("labels_since", s.labelsSince());
        facts.put("labels_to_next", s.labelsToNext());
        facts.put("last_model", s.lastModel());
        facts.put("last_finished", s.lastFinished());
        facts.put("last_error", s.lastError());
        return facts;
    }

    private static String describe(RetrainingSchedule s) {
        String line = String.format(Locale.ROOT, "Queue '%s' retrains '%s' every %,d new labels and re-ranks by %s:"
                + " %,d labels to the next round", s.queue(), s.model(), s.everyLabels(), s.uncertainty().id(),
                s.labelsToNext());
        if (s.lastError() != null) {
            return line + "; the last round failed: " + s.lastError();
        }
        return s.lastModel() == null ? line : line + "; the last round made '" + s.lastModel() + "'";
    }
}
