package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.agreement.AgreementReport;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "agreement", description = {"Inter-annotator agreement over the current labels (read-only).",
    "Percent agreement, Cohen's kappa per pair and mean, Fleiss' kappa, Krippendorff's alpha.",
    "Human-only unless --include-suggestions: labels that accepted a model's suggestion are not counted.",
    "Null figures come with their reason under \"notes\"."})
final class AgreementCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Mixin
    BreakdownOptions breakdown;

    @Mixin
    JsonOption output;

    AgreementCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            if ("annotator".equals(breakdown.by)) {
                byAnnotator(store);
                return LabelbenchCli.EXIT_OK;
            }
            boolean grouped = store.read(breakdown::grouped);
            Map<String, AgreementReport> reports = store.read(tx -> breakdown.perGroup(tx, project, m -> m,
                    matrix -> AgreementReport.of(matrix, breakdown.resamples(), breakdown.seed),
                    (matrix, category) -> AgreementReport.of(matrix.oneVsRest(category), breakdown.resamples(),
                            breakdown.seed)));
            if (output.json) {
                if (!grouped) {
                    context.console().json(facts(reports.get(null)));
                } else {
                    context.console().json(reports.entrySet().stream().map(e -> {
                        Map<String, Object> group = new LinkedHashMap<>();
                        group.put("group", e.getKey());
                        group.putAll(facts(e.getValue()));
                        return group;
                    }).toList());
                }
            } else {
                reports.forEach((group, report) -> {
                    if (group != null) {
                        context.console().line("== " + (breakdown.by == null ? "class" : breakdown.by) + " = " + group);
                    }
                    print(report);
                });
            }
        }
        return LabelbenchCli.EXIT_OK;
    }

    /** --by annotator: each annotator against the others, and against the adjudicated labels. */
    private void byAnnotator(ProjectStore store) {
        java.util.List<org.labelbench.agreement.AnnotatorAgreement> rows = store.read(tx ->
                org.labelbench.agreement.AnnotatorAgreement.of(breakdown.measuredMatrixBy(tx, project,
                        "annotator")));
        if (output.json) {
            context.console().json(rows.stream().map(a -> {
                Map<String, String> notes = new LinkedHashMap<>();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("group", a.annotator());
                row.put("shared_items", a.sharedItems());
                row.put("agreement_with_others", EstimateFields.value(a.agreementWithOthers(), "agreement_with_others", notes));
                row.put("mean_cohen_kappa_with_others", EstimateFields.value(a.meanKappaWithOthers(), "mean_cohen_kappa_with_others",
                        notes));
                row.put("gold_items", a.goldItems());
                row.put("accuracy_against_gold", EstimateFields.value(a.accuracyAgainstGold(), "accuracy_against_gold", notes));
                row.put("notes", notes);
                return row;
            }).toList());
            return;
        }
        for (org.labelbench.agreement.AnnotatorAgreement a : rows) {
            context.console().line(String.format(Locale.ROOT, "%-12s %6d shared items  agreement with others %s"
                    + "  mean kappa %s  against the gold %s (%d items)", a.annotator(), a.sharedItems(),
                    text(a.agreementWithOthers()), text(a.meanKappaWithOthers()), text(a.accuracyAgainstGold()),
                    a.goldItems()));
        }
    }

    static Map<String, Object> facts(AgreementReport r) {
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("units", r.units());
        facts.put("annotators", r.annotators());
        facts.put("percent_agreement", EstimateFields.value(r.percentAgreement(), "percent_agreement", notes));
        Map<String, Object> cohen = new LinkedHashMap<>();
        cohen.put("mean", EstimateFields.value(r.meanCohenKappa(), "cohen_kappa.mean", notes));
        cohen.put("interval", interval(r.meanCohenKappaInterval()));
        cohen.put("pairs", r.cohenPairs().stream().map(p -> {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("a", p.first());
            pair.put("b", p.second());
            pair.put("items", p.sharedItems());
            pair.put("kappa", EstimateFields.value(p.kappa(), "cohen_kappa." + p.first() + "~" + p.second(), notes));
            return pair;
        }).toList());
        cohen.put("weighted_linear", EstimateFields.value(r.meanLinearKappa(), "cohen_kappa.weighted_linear", notes));
        cohen.put("weighted_quadratic", EstimateFields.value(r.meanQuadraticKappa(), "cohen_kappa.weighted_quadratic", notes));
        facts.put("cohen_kappa", cohen);
        facts.put("fleiss_kappa", EstimateFields.value(r.fleiss().kappa(), "fleiss_kappa", notes));
        facts.put("fleiss_kappa_raters_per_item", r.fleiss().ratersPerUnit());
        facts.put("fleiss_kappa_items", r.fleiss().units());
        Map<String, Object> alpha = new LinkedHashMap<>();
        alpha.put("nominal", EstimateFields.value(r.alphaNominal(), "krippendorff_alpha.nominal", notes));
        alpha.put("ordinal", EstimateFields.value(r.alphaOrdinal(), "krippendorff_alpha.ordinal", notes));
        alpha.put("interval", EstimateFields.value(r.alphaInterval(), "krippendorff_alpha.interval", notes));
        facts.put("krippendorff_alpha", alpha);
        Map<String, Object> alphaIntervals = new LinkedHashMap<>();
        alphaIntervals.put("nominal", interval(r.alphaNominalInterval()));
        alphaIntervals.put("ordinal", interval(r.alphaOrdinalInterval()));
        alphaIntervals.put("interval", interval(r.alphaIntervalInterval()));
        facts.put("krippendorff_alpha_interval", alphaIntervals);
        facts.put("interval_level", org.labelbench.agreement.Bootstrap.LEVEL);
        facts.put("confusion", confusion(r));
        facts.put("notes", notes);
        return facts;
    }

    /** Which classes annotators confuse: the coincidence matrix, rows and columns in class order. */
    private static Map<String, Object> confusion(AgreementReport r) {
        int k = r.classes().size();
        java.util.List<java.util.List<Double>> rows = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            java.util.List<Double> row = new java.util.ArrayList<>();
            for (int other = 0; other < k; other++) {
                row.add(r.coincidences().get(c, other));
            }
            rows.add(row);
        }
        Map<String, Object> confusion = new LinkedHashMap<>();
        confusion.put("classes", r.classes());
        confusion.put("coincidences", rows);
        return confusion;
    }

    /** [low, high], or null without an interval. */
    private static java.util.List<Double> interval(java.util.Optional<org.labelbench.agreement.Interval> interval) {
        return interval.map(i -> java.util.List.of(i.low(), i.high())).orElse(null);
    }


    private void print(AgreementReport r) {
        Console console = context.console();
        console.line(r.units() + " items labeled by two or more of " + r.annotators().size() + " annotators ("
                + String.join(", ", r.annotators()) + ")");
        console.line("percent agreement        " + text(r.percentAgreement()));
        console.line("Cohen's kappa, mean      " + text(r.meanCohenKappa()) + range(r.meanCohenKappaInterval()));
        for (AgreementReport.PairKappa p : r.cohenPairs()) {
            console.line(String.format(Locale.ROOT, "  %-10s %-10s %6d items  %s", p.first(), p.second(),
                    p.sharedItems(), text(p.kappa())));
        }
        console.line("  weighted (ordered classes): linear " + text(r.meanLinearKappa()) + ", quadratic "
                + text(r.meanQuadraticKappa()));
        console.line("Fleiss' kappa            " + text(r.fleiss().kappa()) + (r.fleiss().units() > 0
                ? "  (" + r.fleiss().units() + " items with " + r.fleiss().ratersPerUnit() + " labels each)" : ""));
        console.line("Krippendorff's alpha     nominal " + text(r.alphaNominal()) + range(r.alphaNominalInterval()));
        console.line("                         ordinal " + text(r.alphaOrdinal()) + range(r.alphaOrdinalInterval()));
        console.line("                         interval " + text(r.alphaInterval()) + range(r.alphaIntervalInterval()));
    }

    private static String range(java.util.Optional<org.labelbench.agreement.Interval> interval) {
        return interval.map(i -> String.format(Locale.ROOT, "  (95 %% interval %.3f to %.3f)", i.low(), i.high()))
                .orElse("");
    }

    private static String text(Estimate e) {
        return e.isAvailable() ? String.format(Locale.ROOT, "%.3f", e.value()) : "n/a: " + e.unavailableReason();
    }
}
