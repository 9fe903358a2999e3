package org.labelbench.cli;

import org.labelbench.project.Transaction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.agreement.Estimate;
import org.labelbench.analysis.ClassMetrics;
import org.labelbench.analysis.RunComparison;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.analysis.TagMembership;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", description = {"Two runs side by side on the items both predicted.",
    "Accuracy, per-class F1, per-tag accuracy, the items one gets right and the other wrong,",
    "and McNemar's exact test."})
final class CompareCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--run", required = true, paramLabel = "NAME",
            description = "The first run.")
    String run;

    @Option(names = "--against", required = true, paramLabel = "NAME",
            description = "The run to compare it with.")
    String against;

    @Option(names = "--examples", defaultValue = "10", paramLabel = "N",
            description = "Item keys to list of each kind of disagreement (default ${DEFAULT-VALUE}).")
    int examples;

    @Mixin
    TruthOptions truth;

    @Mixin
    JsonOption output;

    CompareCommand(CliContext context) {
        this.context = context;
    }

    private record Result(RunComparison comparison, List<String> onlyFirst, List<String> onlySecond) {
    }

    @Override
    public Integer call() {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            Result result = store.read(tx -> {
                BreakdownOptions.requireSingleLabel(tx, project, "run comparison");
                RunComparison comparison = RunComparison.of(RunEvaluation.read(tx, run, truth.source()),
                        RunEvaluation.read(tx, against, truth.source()), TagMembership.read(tx));
                return new Result(comparison, keys(tx, comparison.onlyFirstRightItems()),
                        keys(tx, comparison.onlySecondRightItems()));
            });
            RunComparison r = result.comparison();
            if (output.json) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("runs", List.of(r.first(), r.second()));
                facts.put("items", r.items());
                facts.put("accuracy", List.of(orNull(r.firstMetrics().accuracy()), orNull(r.secondMetrics().accuracy())));
                facts.put("both_right", r.bothRight());
                facts.put("only_first_right", r.onlyFirstRight());
                facts.put("only_second_right", r.onlySecondRight());
                facts.put("both_wrong", r.bothWrong());
                facts.put("mcnemar_p", orNull(r.mcnemarP()));
                facts.put("per_class_f1", perClass(r));
                facts.put("per_tag_accuracy", r.tags().stream().map(t -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tag", t.tag());
                    row.put("items", t.items());
                    row.put("accuracy", java.util.Arrays.asList(orNull(t.first()), orNull(t.second())));
                    return row;
                }).toList());
                facts.put("only_first_right_examples", result.onlyFirst());
                facts.put("only_second_right_examples", result.onlySecond());
                context.console().json(facts);
                return LabelbenchCli.EXIT_OK;
            }
            Console console = context.console();
            console.line(String.format(Locale.ROOT, "%s vs %s on %d items: accuracy %s vs %s", r.first(), r.second(),
                    r.items(), text(r.firstMetrics().accuracy()), text(r.secondMetrics().accuracy())));
            console.line(String.format(Locale.ROOT, "both right %d, only %s right %d, only %s right %d, both wrong %d;"
                    + " McNemar exact p %s", r.bothRight(), r.first(), r.onlyFirstRight(), r.second(),
                    r.onlySecondRight(), r.bothWrong(), r.mcnemarP().isAvailable()
                            ? String.format(Locale.ROOT, "%.3g", r.mcnemarP().value()) : "n/a"));
            List<ClassMetrics> a = r.firstMetrics().perClass();
            List<ClassMetrics> b = r.secondMetrics().perClass();
            console.line(String.format(Locale.ROOT, "%-16s %8s %8s", "class F1", r.first(), r.second()));
            for (int i = 0; i < a.size(); i++) {
                console.line(String.format(Locale.ROOT, "%-16s %8s %8s", a.get(i).name(), text(a.get(i).f1()),
                        text(b.get(i).f1())));
            }
            for (RunComparison.TagAccuracy t : r.tags()) {
                console.line(String.format(Locale.ROOT, "tag %-12s %8s %8s  (%d items)", t.tag(), text(t.first()),
                        text(t.second()), t.items()));
            }
            console.line("only " + r.first() + " right: " + String.join(", ", result.onlyFirst()));
            console.line("only " + r.second() + " right: " + String.join(", ", result.onlySecond()));
        }
        return LabelbenchCli.EXIT_OK;
    }

    private List<String> keys(Transaction tx, long[] items) {
        return new ItemRepository().keysOf(tx, java.util.Arrays.copyOf(items, Math.min(items.length,
                Math.max(0, examples))));
    }

    private static List<Map<String, Object>> perClass(RunComparison r) {
        List<ClassMetrics> a = r.firstMetrics().perClass();
        List<ClassMetrics> b = r.secondMetrics().perClass();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", a.get(i).name());
            row.put("support", a.get(i).support());
            row.put("f1", java.util.Arrays.asList(orNull(a.get(i).f1()), orNull(b.get(i).f1())));
            rows.add(row);
        }
        return rows;
    }

    private static Double orNull(Estimate e) {
        return e.value();
    }

    private static String text(Estimate e) {
        return e.isAvailable() ? String.format(Locale.ROOT, "%.3f", e.value()) : "n/a";
    }
}
