package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.labelbench.dataset.DatasetVersion;
import org.labelbench.dataset.VersionService;
import org.labelbench.dataset.VersionSummary;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = {"Show a version: its header, items per split and class, and where its labels"
        + " came from.",
    "Provenance: items per label rule, per import batch, per annotator and guideline version, per model run."})
final class VersionShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Parameters(index = "1", paramLabel = "V")
    String version;

    @Mixin
    JsonOption output;

    VersionShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        VersionSummary summary;
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            summary = new VersionService().summary(store, version);
        }
        Console console = context.console();
        DatasetVersion v = summary.version();
        if (output.json) {
            Map<String, Object> facts = VersionCommand.headerJson(v);
            facts.put("unlabeled", summary.unlabeled());
            facts.put("classes", summary.classCounts());
            facts.put("splits", summary.splitCounts());
            facts.put("classes_by_split", summary.classCountsBySplit());
            facts.put("label_rules", summary.labelRules());
            List<Map<String, Object>> batches = new ArrayList<>();
            for (VersionSummary.BatchShare b : summary.importBatches()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("import_batch", b.importBatch());
                row.put("source", b.source());
                row.put("items", b.items());
                batches.add(row);
            }
            facts.put("import_batches", batches);
            List<Map<String, Object>> annotators = new ArrayList<>();
            for (VersionSummary.AnnotatorShare a : summary.annotators()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("annotator", a.annotator());
                row.put("guideline_version", a.guidelineVersion());
                row.put("items", a.items());
                annotators.add(row);
            }
            facts.put("annotators", annotators);
            facts.put("model_runs", summary.modelRuns());
            console.json(facts);
            return LabelbenchCli.EXIT_OK;
        }
        console.line(String.format(Locale.ROOT, "Version %s: %,d items (%s), %,d unlabeled; made %s by %s%s.",
                v.name(), v.items(), v.itemsRule(), summary.unlabeled(), v.created(), v.createdBy(),
                v.parent() == null ? "" : "; parent " + v.parent()));
        if (v.note() != null) {
            console.line("Note: " + v.note());
        }
        console.line("Labels: " + v.truthRule() + ". Manifest SHA-256 " + v.manifestSha256() + ".");
        printTable(console, summary);
        console.line("Label rules: " + joined(summary.labelRules()));
        for (VersionSummary.BatchShare b : summary.importBatches()) {
            console.line(String.format(Locale.ROOT, "Import batch %d (%s): %,d items", b.importBatch(), b.source(),
                    b.items()));
        }
        for (VersionSummary.AnnotatorShare a : summary.annotators()) {
            console.line(String.format(Locale.ROOT, "Deciding labels by %s, guideline %s: %,d items", a.annotator(),
                    a.guidelineVersion() == null ? "none" : "v" + a.guidelineVersion(), a.items()));
        }
        summary.modelRuns().forEach((run, items) -> console.line(String.format(Locale.ROOT,
                "Auto labels from run %s: %,d items", run, items)));
        return LabelbenchCli.EXIT_OK;
    }

    /** Items per class (rows) and split (columns). */
    private static void printTable(Console console, VersionSummary summary) {
        Map<String, Map<String, Long>> bySplit = summary.classCountsBySplit();
        List<String> splits = new ArrayList<>(bySplit.keySet());
        TreeSet<String> classes = new TreeSet<>(summary.classCounts().keySet());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-16s", "class"));
        splits.forEach(s -> header.append(String.format(Locale.ROOT, " %10s", s)));
        console.line(header.append(String.format(Locale.ROOT, " %10s", "all")).toString());
        for (String label : classes) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s", label));
            for (String split : splits) {
                row.append(String.format(Locale.ROOT, " %,10d", bySplit.get(split).getOrDefault(label, 0L)));
            }
            console.line(row.append(String.format(Locale.ROOT, " %,10d", summary.classCounts().get(label)))
                    .toString());
        }
    }

    private static String joined(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((name, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", name, n)));
        return String.join(", ", parts);
    }
}
