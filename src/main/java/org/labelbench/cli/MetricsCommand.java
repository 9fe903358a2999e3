package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.agreement.Estimate;
import org.labelbench.analysis.ClassMetrics;
import org.labelbench.analysis.ClassificationMetrics;
import org.labelbench.analysis.GroundTruth;
import org.labelbench.analysis.PrecisionRecallCurve;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "metrics", description = {"A prediction run's metrics against the ground truth.",
    "Accuracy, per-class precision, recall, F1 and support, macro and weighted averages, the confusion matrix; with --positive, precision",
    "and recall at a threshold and the precision/recall curve for that class."})
final class MetricsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--run", required = true, paramLabel = "NAME",
            description = "The prediction run to measure.")
    String run;

    @Mixin
    TruthOptions truth;

    @Option(names = "--positive", paramLabel = "CLASS",
            description = "For skewed data: the class whose precision and recall matter (needs probabilities).")
    String positive;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T",
            description = "With --positive: predict it when its probability is >= T (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--curve", description = "With --positive: print every point of the precision/recall curve.")
    boolean curve;

    @Mixin
    JsonOption output;

    MetricsCommand(CliContext context) {
        this.context = context;
    }

    private record Result(RunEvaluation evaluation, ClassificationMetrics metrics,
            ClassificationMetrics.ThresholdMetrics atThreshold, PrecisionRecallCurve curve) {
    }

    @Override
    public Integer call() {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new BadInputException("--threshold " + threshold + " is outside 0..1");
        }
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            Result result = store.read(tx -> {
                BreakdownOptions.requireSingleLabel(tx, project, "metrics");
                RunEvaluation evaluation = RunEvaluation.read(tx, run, truth.source(), positive != null);
                ClassificationMetrics metrics = ClassificationMetrics.of(evaluation.truthCodes(), evaluation.predicted(),
                        evaluation.classes());
                if (positive == null) {
                    return new Result(evaluation, metrics, null, null);
                }
                int category = evaluation.classes().indexOf(positive);
                if (category < 0) {
                    throw new BadInputException("--positive: no class '" + positive + "'; classes: "
                            + String.join(", ", evaluation.classes()));
                }
                if (!evaluation.hasProbabilities()) {
                    throw new BadInputException("--positive needs probabilities: run '" + run + "' has none (import"
                            + " them as p_<class> columns)");
                }
                double[] scores = evaluation.scores(category);
                return new Result(evaluation, metrics, ClassificationMetrics.atThreshold(evaluation.truthCodes(), scores,
                        category, threshold), PrecisionRecallCurve.of(evaluation.truthCodes(), scores, category));
            });
            if (output.json) {
                context.console().json(facts(result));
            } else {
                print(result);
            }
        }
        return LabelbenchCli.EXIT_OK;
    }

    private Map<String, Object> facts(Result r) {
        ClassificationMetrics m = r.metrics();
        Map<String, String> notes = new LinkedHashMap<>(m.notes());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("run", run);
        facts.put("ground_truth", groundTruth(r.evaluation().truth()));
        facts.put("items", m.items());
        facts.put("excluded", m.excluded());
        facts.put("accuracy", EstimateFields.value(m.accuracy(), "accuracy", notes));
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (ClassMetrics c : m.perClass()) {
            Map<String, Object> row = triple(c, notes);
            row.put("support", c.support());
            row.put("predicted", c.predicted());
            perClass.add(row);
        }
        facts.put("per_class", perClass);
        facts.put("macro", triple(m.macro(), notes));
        facts.put("weighted", triple(m.weighted(), notes));
        Map<String, Object> confusion = new LinkedHashMap<>();
        confusion.put("classes", m.classes());
        confusion.put("counts", Arrays.stream(m.confusion()).map(row -> Arrays.stream(row).boxed().toList()).toList());
        confusion.put("normalized", Arrays.stream(m.normalizedConfusion())
                .map(row -> Arrays.stream(row).boxed().toList()).toList());
        facts.put("confusion", confusion);
        if (r.atThreshold() != null) {
            ClassificationMetrics.ThresholdMetrics t = r.atThreshold();
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("class", positive);
            at.put("threshold", t.threshold());
            at.put("tp", t.tp());
            at.put("fp", t.fp());
            at.put("fn", t.fn());
            at.put("tn", t.tn());
            at.put("precision", EstimateFields.value(t.precision(), "at_threshold.precision", notes));
            at.put("recall", EstimateFields.value(t.recall(), "at_threshold.recall", notes));
            at.put("f1", EstimateFields.value(t.f1(), "at_threshold.f1", notes));
            facts.put("at_threshold", at);
            facts.put("average_precision", EstimateFields.value(r.curve().averagePrecision(), "average_precision", notes));
            facts.put("pr_curve", r.curve().points().stream().map(p -> {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("threshold", Double.isFinite(p.threshold()) ? p.threshold() : null);
                point.put("precision", p.precision());
                point.put("recall", p.recall());
                return point;
            }).toList());
        }
        facts.put("notes", notes);
        return facts;
    }

    static Map<String, Object> groundTruth(GroundTruth truth) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", truth.source().describe());
        facts.put("adjudicated", truth.adjudicated());
        facts.put("majority", truth.majority());
        facts.put("tie_broken", truth.tieBroken());
        facts.put("ties_left_out", truth.ties());
        return facts;
    }

    private static Map<String, Object> triple(ClassMetrics c, Map<String, String> notes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("class", c.name());
        row.put("precision", EstimateFields.value(c.precision(), "precision." + c.name(), notes));
        row.put("recall", EstimateFields.value(c.recall(), "recall." + c.name(), notes));
        row.put("f1", EstimateFields.value(c.f1(), "f1." + c.name(), notes));
        return row;
    }


    private void print(Result r) {
        Console console = context.console();
        ClassificationMetrics m = r.metrics();
        GroundTruth t = r.evaluation().truth();
        console.line("run '" + run + "' against " + t.source().describe() + ": " + m.items() + " items ("
                + m.excluded() + " predicted items without a ground truth left out)");
        console.line("accuracy " + text(m.accuracy()));
        console.line(String.format(Locale.ROOT, "%-16s %9s %9s %9s %9s", "class", "precision", "recall", "f1",
                "support"));
        for (ClassMetrics c : m.perClass()) {
            console.line(String.format(Locale.ROOT, "%-16s %9s %9s %9s %9d", c.name(), text(c.precision()),
                    text(c.recall()), text(c.f1()), c.support()));
        }
        for (ClassMetrics c : List.of(m.macro(), m.weighted())) {
            console.line(String.format(Locale.ROOT, "%-16s %9s %9s %9s %9d", c.name() + " avg", text(c.precision()),
                    text(c.recall()), text(c.f1()), c.support()));
        }
        console.line("confusion (rows: truth, columns: prediction, in the class order above)");
        for (int i = 0; i < m.confusion().length; i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s", m.classes().get(i)));
            for (long count : m.confusion()[i]) {
                row.append(String.format(Locale.ROOT, " %7d", count));
            }
            console.line(row.toString());
        }
        m.notes().forEach((key, note) -> console.line("  note: " + key + ": " + note));
        if (r.atThreshold() != null) {
            ClassificationMetrics.ThresholdMetrics at = r.atThreshold();
            console.line(String.format(Locale.ROOT, "%s at p >= %.3f: precision %s, recall %s, f1 %s (tp %d, fp %d,"
                    + " fn %d, tn %d); average precision %s", positive, threshold, text(at.precision()),
                    text(at.recall()), text(at.f1()), at.tp(), at.fp(), at.fn(), at.tn(),
                    text(r.curve().averagePrecision())));
            if (curve) {
                console.line(String.format(Locale.ROOT, "%10s %9s %9s", "threshold", "precision", "recall"));
                for (PrecisionRecallCurve.Point p : r.curve().points()) {
                    console.line(String.format(Locale.ROOT, "%10.4f %9.4f %9.4f", p.threshold(), p.precision(),
                            p.recall()));
                }
            }
        }
    }

    private static String text(Estimate e) {
        return e.isAvailable() ? String.format(Locale.ROOT, "%.3f", e.value()) : "n/a";
    }
}
