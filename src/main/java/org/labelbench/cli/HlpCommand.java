package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.agreement.HumanLevelPerformance;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "hlp", description = {"Human-level performance (read-only): how often one human's label matches the",
    "adjudicated label, or, where there is none, another human's; with each annotator's accuracy against the gold."})
final class HlpCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Mixin
    BreakdownOptions breakdown;

    @Mixin
    JsonOption output;

    HlpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            Map<String, HumanLevelPerformance> results = store.read(c -> {
                return breakdown.perGroup(c, BreakdownOptions.singleLabelMatrix(c, project, "HLP"), false,
                        matrix -> HumanLevelPerformance.of(matrix, breakdown.resamples(), breakdown.seed));
            });
            if (output.json) {
                List<Map<String, Object>> groups = results.entrySet().stream().map(e -> {
                    Map<String, Object> facts = new LinkedHashMap<>();
                    if (breakdown.by != null) {
                        facts.put("group", e.getKey());
                    }
                    facts.putAll(facts(e.getValue()));
                    return facts;
                }).toList();
                context.console().json(breakdown.by == null ? groups.get(0) : groups);
            } else {
                results.forEach((group, hlp) -> print(group, hlp));
            }
        }
        return LabelbenchCli.EXIT_OK;
    }

    static Map<String, Object> facts(HumanLevelPerformance h) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("hlp", h.hlp().value());
        facts.put("interval", h.interval().map(i -> List.of(i.low(), i.high())).orElse(null));
        facts.put("items", h.items());
        facts.put("items_with_gold", h.itemsWithGold());
        facts.put("items_pairwise", h.itemsPairwise());
        facts.put("annotators", h.annotators().stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("annotator", a.annotator());
            row.put("items", a.items());
            row.put("accuracy", a.accuracy().value());
            return row;
        }).toList());
        Map<String, String> notes = new LinkedHashMap<>();
        if (!h.hlp().isAvailable()) {
            notes.put("hlp", h.hlp().unavailableReason());
        }
        facts.put("notes", notes);
        return facts;
    }

    private void print(String group, HumanLevelPerformance h) {
        String prefix = group == null ? "" : breakdown.by + " = " + group + ": ";
        if (!h.hlp().isAvailable()) {
            context.console().line(prefix + "HLP n/a: " + h.hlp().unavailableReason());
            return;
        }
        context.console().line(String.format(Locale.ROOT, "%sHLP %.3f%s over %d items (%d against the adjudicated label,"
                + " %d between annotators)", prefix, h.hlp().value(), h.interval().map(i -> String.format(Locale.ROOT,
                " (95 %% interval %.3f to %.3f)", i.low(), i.high())).orElse(""), h.items(), h.itemsWithGold(),
                h.itemsPairwise()));
        for (HumanLevelPerformance.AnnotatorAccuracy a : h.annotators()) {
            context.console().line(String.format(Locale.ROOT, "  %-12s %.3f against the gold on %d items", a.annotator(),
                    a.accuracy().value(), a.items()));
        }
    }
}
