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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "hlp", description = {"Human-level performance (HLP) of the current labels (read-only).",
    "How often one human's label matches the adjudicated label, or, where there is none, another human's;",
    "with each annotator's accuracy against the gold.",
    "Human-only unless --include-suggestions: labels that accepted a model's suggestion are not counted."})
final class HlpCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Mixin
    BreakdownOptions breakdown;

    @Mixin
    JsonOption output;

    @Option(names = "--gold", defaultValue = "adjudicated", paramLabel = "adjudicated|annotator:NAME",
            description = {"The reference: the adjudicated labels (default), or one annotator's labels, against which",
                "the others are measured (that annotator is then not measured)."})
    String gold;

    HlpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            boolean grouped = store.read(breakdown::grouped);
            Map<String, HumanLevelPerformance> results = store.read(tx -> breakdown.perGroup(tx, project,
                    this::withReference, matrix -> HumanLevelPerformance.of(matrix, breakdown.resamples(),
                            breakdown.seed), (matrix, category) -> HumanLevelPerformance.ofClass(matrix, category,
                            breakdown.resamples(), breakdown.seed)));
            if (output.json) {
                List<Map<String, Object>> groups = results.entrySet().stream().map(e -> {
                    Map<String, Object> facts = new LinkedHashMap<>();
                    if (grouped) {
                        facts.put("group", e.getKey());
                    }
                    facts.putAll(facts(e.getValue()));
                    return facts;
                }).toList();
                context.console().json(grouped ? groups : groups.get(0));
            } else {
                results.forEach((group, hlp) -> print(group, hlp));
            }
        }
        return LabelbenchCli.EXIT_OK;
    }

    private String referenceName() {
        return "adjudicated".equals(gold) ? "the adjudicated label" : gold.substring("annotator:".length()) + "'s label";
    }

    /** The matrix with the chosen reference as its gold. */
    private LabelMatrix withReference(LabelMatrix matrix) {
        if ("adjudicated".equals(gold)) {
            return matrix;
        }
        if (gold.startsWith("annotator:") && gold.length() > "annotator:".length()) {
            return matrix.withGoldFrom(gold.substring("annotator:".length()));
        }
        throw new org.labelbench.project.BadInputException("--gold takes adjudicated or annotator:NAME, not '" + gold
                + "'");
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
        String prefix = group == null ? "" : (breakdown.by == null ? "class" : breakdown.by) + " = " + group + ": ";
        if (!h.hlp().isAvailable()) {
            context.console().line(prefix + "HLP n/a: " + h.hlp().unavailableReason());
            return;
        }
        context.console().line(String.format(Locale.ROOT, "%sHLP %.3f%s over %d items (%d against %s,"
                + " %d between annotators)", prefix, h.hlp().value(), h.interval().map(i -> String.format(Locale.ROOT,
                " (95 %% interval %.3f to %.3f)", i.low(), i.high())).orElse(""), h.items(), h.itemsWithGold(),
                referenceName(),
                h.itemsPairwise()));
        for (HumanLevelPerformance.AnnotatorAccuracy a : h.annotators()) {
            context.console().line(String.format(Locale.ROOT, "  %-12s %.3f against " + referenceName() + " on %d items", a.annotator(),
                    a.accuracy().value(), a.items()));
        }
    }
}
