package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.agreement.Estimate;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.analysis.SliceAudit;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "audit", description = {"The slice audit of a run: slices significantly worse than the rest.",
    "Every attribute value's accuracy against the rest, flagging slices significantly worse",
    "(one-sided two-proportion z-test, Holm-adjusted p < 0.05)."})
final class AuditCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--run", required = true, paramLabel = "NAME",
            description = "The prediction run to audit.")
    String run;

    @Option(names = "--attr", split = ",", paramLabel = "NAME", description = "Attributes to audit (default: all).")
    List<String> attributes = List.of();

    @Mixin
    TruthOptions truth;

    @Mixin
    JsonOption output;

    AuditCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            List<SliceAudit.Slice> slices = store.read(tx -> {
                BreakdownOptions.requireSingleLabel(tx, project, "the slice audit");
                return SliceAudit.of(tx, RunEvaluation.read(tx, run, truth.source()), attributes);
            });
            if (output.json) {
                context.console().json(slices.stream().map(AuditCommand::facts).toList());
                return LabelbenchCli.EXIT_OK;
            }
            context.console().line(String.format(Locale.ROOT, "%-14s %-16s %8s %9s %9s %8s %10s  %s", "attribute",
                    "value", "items", "accuracy", "rest", "z", "p (Holm)", ""));
            for (SliceAudit.Slice s : slices) {
                context.console().line(String.format(Locale.ROOT, "%-14s %-16s %8d %9s %9s %8s %10s  %s", s.attribute(),
                        s.value(), s.items(), number(s.accuracy()), number(s.restAccuracy()), number(s.z()),
                        s.adjustedP().isAvailable() ? String.format(Locale.ROOT, "%.2g", s.adjustedP().value()) : "n/a",
                        s.flagged() ? "WORSE" : s.adjustedP().isAvailable() ? "" : s.p().unavailableReason()));
            }
        }
        return LabelbenchCli.EXIT_OK;
    }

    private static Map<String, Object> facts(SliceAudit.Slice s) {
        Map<String, Object> row = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        row.put("attribute", s.attribute());
        row.put("value", s.value());
        row.put("items", s.items());
        row.put("correct", s.correct());
        row.put("accuracy", s.accuracy().value());
        row.put("rest_items", s.restItems());
        row.put("rest_accuracy", EstimateFields.value(s.restAccuracy(), "rest_accuracy", notes));
        row.put("z", EstimateFields.value(s.z(), "z", notes));
        row.put("p", EstimateFields.value(s.p(), "p", notes));
        row.put("p_holm", s.adjustedP().value());
        row.put("significantly_worse", s.flagged());
        row.put("notes", notes);
        return row;
    }


    private static String number(Estimate e) {
        return e.isAvailable() ? String.format(Locale.ROOT, "%.3f", e.value()) : "n/a";
    }
}
