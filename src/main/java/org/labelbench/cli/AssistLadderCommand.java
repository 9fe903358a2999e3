package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.analysis.AutoLabeling;
import org.labelbench.analysis.AutomationLadder;
import org.labelbench.analysis.AutomationLadder.Ladder;
import org.labelbench.analysis.AutomationLadder.Rung;
import org.labelbench.analysis.CoverageCurve;
import org.labelbench.project.AssistanceRepository.Timing;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ladder", description = {"How far one prediction run can automate labeling, rung by rung.",
    "Human only; shadow (the model's agreement with the humans beside HLP); AI assistance (suggestions taken, seconds",
    "per item with and without); partial automation (coverage against accuracy, the threshold that keeps HLP or",
    "--target); full automation. --apply writes the partial rung's auto labels and queues the unlabeled rest."})
final class AssistLadderCommand implements Callable<Integer> {
    /** Points of the coverage/accuracy curve printed (JSON) or listed (text) at most. */
    static final int JSON_CURVE_POINTS = 200;
    private static final int TEXT_CURVE_POINTS = 11;

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The prediction run to judge.")
    String run;

    @Option(names = "--target", paramLabel = "ACC",
            description = "The accuracy automation must keep, in (0, 1] (default: HLP on the items the run predicted).")
    Double target;

    @Mixin
    TruthOptions truth;

    @Option(names = "--by", paramLabel = "attr:NAME|tag|tag:NAME|guideline",
            description = "Also break the shadow rung down by slice, as 'hlp --by' does.")
    String by;

    @Option(names = "--apply", description = "Write the auto labels (origin auto, by model:RUN) on the unlabeled items"
            + " at or above the threshold, and queue the rest for people.")
    boolean apply;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Judge (and with --apply, use) this confidence threshold instead of the one the target picks.")
    Double threshold;

    @Option(names = "--queue", paramLabel = "NAME",
            description = "With --apply: the queue of the unlabeled rest (default: 'below threshold: RUN').")
    String queue;

    @Option(names = "--author", paramLabel = "NAME",
            description = "With --apply: who makes the queue (default: the operating-system user).")
    String author = GuidelineCommand.defaultAuthor();

    @Mixin
    JsonOption output;

    AssistLadderCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (queue != null && !apply) {
            throw new BadInputException("--queue names the queue --apply makes; add --apply");
        }
        AutomationLadder.Request request = new AutomationLadder.Request(run, truth.source(), target, by, threshold);
        Console console = context.console();
        Ladder ladder;
        AutoLabeling.Applied applied = null;
        try (ProjectStore store = apply ? ProjectStore.open(project) : ProjectStore.openReadOnly(project)) {
            ladder = store.read(tx -> AutomationLadder.read(tx, request));
            if (apply) {
                TerminalProgress progress = new TerminalProgress(console.err(), console.interactive() && !output.json);
                try (InterruptGuard guard = new InterruptGuard(progress)) {
                    applied = AutoLabeling.apply(store, request, queue, author, progress);
                } finally {
                    progress.finish();
                }
            }
        }
        if (output.json) {
            console.json(json(ladder, applied));
        } else {
            print(console, ladder, applied);
        }
        return LabelbenchCli.EXIT_OK;
    }

    private static Map<String, Object> json(Ladder ladder, AutoLabeling.Applied applied) {
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("run", ladder.run());
        facts.put("truth", ladder.truth());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("accuracy", ladder.target().value());
        target.put("source", ladder.target().value() == null ? null : ladder.target().given() ? "target" : "hlp");
        if (!ladder.target().isAvailable()) {
            notes.put("target", ladder.target().unavailableReason());
        }
        facts.put("target", target);

        Map<String, Object> human = new LinkedHashMap<>();
        human.put("labeled_items", ladder.humanOnly().labeledItems());
        human.put("ground_truth_items", ladder.humanOnly().truthItems());
        human.put("annotators", ladder.humanOnly().annotators());
        human.put("hlp", EstimateFields.value(ladder.humanOnly().hlp(), "human_only.hlp", notes));
        facts.put("human_only", human);

        Map<String, Object> shadow = new LinkedHashMap<>();
        shadow.put("items", ladder.shadow().items());
        shadow.put("model_agreement", EstimateFields.value(ladder.shadow().model(), "shadow.model_agreement", notes));
        shadow.put("hlp", EstimateFields.value(ladder.shadow().hlp(), "shadow.hlp", notes));
        if (ladder.shadow().by() != null) {
            shadow.put("by", ladder.shadow().by());
            List<Map<String, Object>> slices = new ArrayList<>();
            for (AutomationLadder.SliceShadow slice : ladder.shadow().slices()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("slice", slice.slice());
                row.put("items", slice.items());
                row.put("model_agreement", slice.model().value());
                row.put("hlp", slice.hlp().value());
                slices.add(row);
            }
            shadow.put("slices", slices);
        }
        facts.put("shadow", shadow);

        AutomationLadder.Assistance assistance = ladder.assistance();
        Map<String, Object> assist = new LinkedHashMap<>();
        assist.put("suggestions_shown", assistance.shown());
        assist.put("suggestions_accepted", assistance.accepted());
        assist.put("accepted_share", assistance.acceptedShare().orElse(null));
        assist.put("with_suggestion", timing(assistance.withSuggestion()));
        assist.put("without_suggestion", timing(assistance.withoutSuggestion()));
        facts.put("assistance", assist);

        AutomationLadder.Partial partial = ladder.partial();
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("threshold", partial.threshold());
        part.put("threshold_given", partial.thresholdGiven());
        part.put("measured_items", partial.curve().measured());
        part.put("coverage", partial.atThreshold() == null ? null : partial.atThreshold().coverage());
        part.put("accuracy", partial.atThreshold() == null ? null : partial.atThreshold().accuracy());
        part.put("unlabeled_items", partial.openItems());
        part.put("unlabeled_with_confidence", partial.openWithConfidence());
        part.put("auto_labels", partial.autoLabels());
        part.put("expected_wrong", partial.expectedWrong());
        part.put("auto_labels_written_before", partial.autoLabelsOfRun());
        List<Map<String, Object>> curve = new ArrayList<>();
        for (CoverageCurve.Point point : partial.curve().sampled(JSON_CURVE_POINTS)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("threshold", point.threshold());
            row.put("items", point.items());
            row.put("coverage", point.coverage());
            row.put("accuracy", point.accuracy());
            curve.add(row);
        }
        part.put("curve", curve);
        facts.put("partial", part);

        Map<String, Object> full = new LinkedHashMap<>();
        full.put("items", ladder.full().items());
        full.put("correct", ladder.full().correct());
        full.put("accuracy", EstimateFields.value(ladder.full().accuracy(), "full.accuracy", notes));
        full.put("allowed", ladder.full().allowed());
        facts.put("full", full);

        List<Map<String, Object>> rungs = new ArrayList<>();
        for (Rung rung : ladder.rungs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rung", rung.name());
            row.put("standing", rung.standing().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            row.put("verdict", rung.verdict());
            rungs.add(row);
        }
        facts.put("rungs", rungs);
        if (applied != null) {
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("threshold", applied.threshold());
            done.put("accuracy", applied.accuracy());
            done.put("auto_labels", applied.labels());
            done.put("expected_wrong", applied.expectedWrong());
            done.put("annotator", applied.annotator());
            done.put("queue", applied.queue());
            done.put("queue_items", applied.queueItems());
            facts.put("applied", done);
        }
        if (!notes.isEmpty()) {
            facts.put("notes", notes);
        }
        return facts;
    }

    private static Map<String, Object> timing(Timing timing) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("answers", timing.answers());
        row.put("timed", timing.timed());
        row.put("median_seconds", timing.medianMs().map(ms -> ms / 1000).orElse(null));
        row.put("mean_seconds", timing.meanMs().map(ms -> ms / 1000).orElse(null));
        return row;
    }

    private static void print(Console console, Ladder ladder, AutoLabeling.Applied applied) {
        console.line("Automation ladder of run '" + ladder.run() + "' (truth: " + ladder.truth() + "; "
                + (ladder.target().isAvailable() ? ladder.target().describe() : ladder.target().unavailableReason())
                + ")");
        int step = 1;
        for (Rung rung : ladder.rungs()) {
            console.line(String.format(Locale.ROOT, "%d. %-18s [%s] %s", step++, rung.name(), standing(rung),
                    rung.verdict()));
            if (rung.name().equals(AutomationLadder.SHADOW) && ladder.shadow().by() != null) {
                console.line(String.format(Locale.ROOT, "     %-20s %7s %8s %8s", ladder.shadow().by(), "items",
                        "model", "HLP"));
                for (AutomationLadder.SliceShadow slice : ladder.shadow().slices()) {
                    console.line(String.format(Locale.ROOT, "     %-20s %7d %8s %8s", slice.slice(), slice.items(),
                            figure(slice.model()), figure(slice.hlp())));
                }
            }
            if (rung.name().equals(AutomationLadder.PARTIAL) && ladder.partial().curve().size() > 0) {
                console.line(String.format(Locale.ROOT, "     %-10s %9s %9s", "threshold", "coverage", "accuracy"));
                for (CoverageCurve.Point point : ladder.partial().curve().sampled(TEXT_CURVE_POINTS)) {
                    boolean chosen = ladder.partial().threshold() != null
                            && point.threshold() == ladder.partial().threshold();
                    console.line(String.format(Locale.ROOT, "     %-10s %9s %9s%s", AutomationLadder.number(point.threshold()),
                            AutomationLadder.percent(point.coverage()), AutomationLadder.percent(point.accuracy()),
                            chosen ? "  <- threshold" : ""));
                }
            }
        }
        if (applied != null) {
            console.line(String.format(Locale.ROOT, "Applied: %,d auto labels by %s at confidence ≥ %s (measured"
                    + " accuracy %s, about %.1f expected wrong)", applied.labels(), applied.annotator(),
                    AutomationLadder.number(applied.threshold()), AutomationLadder.percent(applied.accuracy()),
                    applied.expectedWrong()));
            console.line(applied.queue() == null ? "No unlabeled item is left for people, so no queue was made"
                    : String.format(Locale.ROOT, "Queue '%s': the %,d unlabeled items left for people",
                            applied.queue(), applied.queueItems()));
        }
    }

    private static String standing(Rung rung) {
        return switch (rung.standing()) {
            case MET -> "met";
            case NOT_MET -> "not met";
            case NO_DATA -> "no data";
        };
    }

    private static String figure(org.labelbench.agreement.Estimate estimate) {
        return estimate.isAvailable() ? AutomationLadder.percent(estimate.value()) : "n/a";
    }
}
