package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.agreement.Estimate;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.analysis.TagTable;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", description = {"The tag table of a prediction run: which tag to work on next.",
    "Per tag, the share of data and of errors, the model's accuracy, HLP, the gap and the potential gain",
    "(share of data x gap), largest gain first. Tags with no evaluated item get no row; they are named",
    "after the table (--json: the \"unevaluated\" array beside the \"rows\")."})
final class AnalyzeCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--run", required = true, paramLabel = "NAME",
            description = "The prediction run to analyse.")
    String run;

    @Mixin
    TruthOptions truth;

    @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "N",
            description = "Resamples for HLP's 95 %% intervals (default ${DEFAULT-VALUE}: none, the counts are given).")
    int resamples;

    @Option(names = "--seed", defaultValue = "1",
            description = "The bootstrap's random seed, for the same intervals every time.")
    long seed;

    @Mixin
    JsonOption output;

    AnalyzeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            TagTable table = store.read(tx -> {
                BreakdownOptions.requireSingleLabel(tx, project, "error analysis");
                return TagTable.of(tx, RunEvaluation.read(tx, run, truth.source()), Math.max(0, resamples), seed);
            });
            if (output.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("rows", table.rows().stream().map(AnalyzeCommand::facts).toList());
                json.put("unevaluated", table.unevaluated());
                context.console().json(json);
            } else {
                print(table);
            }
        }
        return LabelbenchCli.EXIT_OK;
    }

    static Map<String, Object> facts(TagTable.Row r) {
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tag", r.tag());
        row.put("items", r.items());
        row.put("share_of_data", EstimateFields.value(r.shareOfData(), "share_of_data", notes));
        row.put("errors", r.errors());
        row.put("share_of_errors", EstimateFields.value(r.shareOfErrors(), "share_of_errors", notes));
        row.put("accuracy", EstimateFields.value(r.accuracy(), "accuracy", notes));
        row.put("hlp", EstimateFields.value(r.hlp(), "hlp", notes));
        row.put("hlp_interval", r.hlpInterval().map(i -> List.of(i.low(), i.high())).orElse(null));
        row.put("hlp_items", r.hlpItems());
        row.put("gap", EstimateFields.value(r.gap(), "gap", notes));
        row.put("potential_gain", EstimateFields.value(r.potentialGain(), "potential_gain", notes));
        row.put("notes", notes);
        return row;
    }


    private void print(TagTable table) {
        List<TagTable.Row> rows = table.rows();
        Console console = context.console();
        console.line("ground truth: " + truth.source().describe());
        console.line(String.format(Locale.ROOT, "%-20s %9s %7s %8s %7s %8s %7s %7s %8s", "tag", "items", "data",
                "errors", "errors", "accuracy", "HLP", "gap", "gain"));
        for (TagTable.Row r : rows) {
            console.line(String.format(Locale.ROOT, "%-20s %9d %7s %8d %7s %8s %7s %7s %8s", r.tag(), r.items(),
                    percent(r.shareOfData()), r.errors(), percent(r.shareOfErrors()), percent(r.accuracy()),
                    percent(r.hlp()), percent(r.gap()), percent(r.potentialGain())));
        }
        rows.stream().filter(r -> !r.hlp().isAvailable()).forEach(r -> console.line("  " + r.tag() + ": HLP unknown ("
                + r.hlp().unavailableReason() + ")"));
        if (!table.unevaluated().isEmpty()) {
            console.line(table.unevaluatedLine());
        }
    }

    private static String percent(Estimate e) {
        return e.isAvailable() ? String.format(Locale.ROOT, "%.1f%%", 100 * e.value()) : "n/a";
    }
}
