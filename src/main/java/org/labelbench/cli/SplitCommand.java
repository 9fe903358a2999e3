package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.dataset.Leakage;
import org.labelbench.dataset.SplitReport;
import org.labelbench.dataset.SplitRule;
import org.labelbench.dataset.LeakageCheck;
import org.labelbench.dataset.SplitService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "split", description = {"Split the project's items into train, dev and test: seeded, stratified, "
        + "group-aware.",
    "The same seed gives the same split. Stratified by the ground-truth label (unlabeled items spread by the ratios",
    "like one more class), or by an attribute, or both; with --group-by every value of the attribute lands in one",
    "split. Identical content or a group in two splits is an error (exit 2, nothing stored); near-duplicate",
    "pictures across splits are warnings. Re-running replaces the stored split unless it is frozen."},
        subcommands = {SplitCheckCommand.class, SplitFreezeCommand.class})
final class SplitCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--ratios", paramLabel = "R,R,...", description = "The splits' shares, summing to 1 (or 100),"
            + " such as 0.8,0.1,0.1.")
    String ratios;

    @Option(names = "--seed", paramLabel = "S", description = "Seeds the assignment: the same seed and items give the"
            + " same split.")
    Long seed;

    @Option(names = "--names", paramLabel = "N,N,...", description = "The splits' names, one per ratio (default"
            + " train,dev,test; train,dev for two).")
    String names;

    @Option(names = "--stratify", paramLabel = "label|attr:NAME", description = "What each split keeps the shares"
            + " of: label (the default), attr:NAME, label,attr:NAME, or none.")
    String stratify;

    @Option(names = "--group-by", paramLabel = "attr:NAME", description = "Keep every value of this attribute (a"
            + " speaker, a source) in exactly one split.")
    String groupBy;

    @Option(names = "--author", paramLabel = "NAME", description = "Who splits (default: the operating-system user).")
    String author = GuidelineCommand.defaultAuthor();

    @Option(names = "--near-bits", defaultValue = "" + LeakageCheck.NEAR_THRESHOLD, paramLabel = "N",
            description = "Pictures whose 64-bit dHashes differ in at most N bits are near-duplicates (default"
                    + " ${DEFAULT-VALUE}).")
    int nearBits;

    @Mixin
    JsonOption output;

    SplitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (project == null) {
            throw new BadInputException("split needs a PROJECT (or: split check PROJECT, split freeze PROJECT)");
        }
        if (ratios == null || seed == null) {
            throw new BadInputException("split needs --ratios (such as 0.8,0.1,0.1) and --seed S");
        }
        SplitRule rule = SplitRule.parse(ratios, names, seed, stratify, groupBy);
        Console console = context.console();
        TerminalProgress progress = new TerminalProgress(console.err(), console.interactive() && !output.json);
        SplitService.Outcome outcome;
        try (InterruptGuard guard = new InterruptGuard(progress); ProjectStore store = ProjectStore.open(project)) {
            try {
                outcome = new SplitService().split(store, rule, author, nearBits, progress);
            } finally {
                progress.finish();
            }
        }
        if (output.json) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("rule", ruleJson(rule));
            facts.put("replaced", outcome.replaced().map(SplitCommand::ruleJson).orElse(null));
            facts.putAll(reportJson(outcome.report()));
            facts.put("leakage", leakageJson(outcome.leakage()));
            console.json(facts);
            return LabelbenchCli.EXIT_OK;
        }
        console.line(String.format(Locale.ROOT, "Split %,d items with seed %d into %s (stratified by %s%s).",
                outcome.report().total(), rule.seed(), ratiosText(rule), rule.stratifyText(),
                rule.groupAttribute() == null ? "" : "; groups: attr:" + rule.groupAttribute()));
        printReport(console, outcome.report());
        printWarnings(console, outcome.leakage());
        console.line(outcome.replaced().map(old -> "Replaced the previous split (" + ratiosText(old) + ", seed "
                + old.seed() + "); 'split freeze' keeps a split from being replaced.")
                .orElse("Stored; 'split freeze' keeps it from being replaced and places new items by the same rule."));
        return LabelbenchCli.EXIT_OK;
    }

    static String ratiosText(SplitRule rule) {
        List<String> parts = new ArrayList<>();
        double[] r = rule.ratios();
        for (int s = 0; s < r.length; s++) {
            parts.add(rule.names().get(s) + " " + SplitRule.shareText(r[s]));
        }
        return String.join(", ", parts);
    }

    static Map<String, Object> ruleJson(SplitRule rule) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("names", rule.names());
        List<Double> r = new ArrayList<>();
        for (double v : rule.ratios()) {
            r.add(v);
        }
        facts.put("ratios", r);
        facts.put("seed", rule.seed());
        facts.put("stratify", rule.stratifyText());
        facts.put("group_by", rule.groupAttribute() == null ? null : SplitRule.ATTR + rule.groupAttribute());
        facts.put("frozen", rule.frozen());
        return facts;
    }

    static Map<String, Object> reportJson(SplitReport report) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("items", report.total());
        List<Map<String, Object>> splits = new ArrayList<>();
        for (int s = 0; s < report.names().size(); s++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", report.names().get(s));
            row.put("ratio", report.ratios()[s]);
            row.put("items", report.counts()[s]);
            row.put("share", report.share(s));
            splits.add(row);
        }
        facts.put("splits", splits);
        List<Map<String, Object>> breakdowns = new ArrayList<>();
        for (SplitReport.Breakdown b : report.breakdowns()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("by", b.by());
            List<Map<String, Object>> values = new ArrayList<>();
            for (int v = 0; v < b.values().size(); v++) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("value", b.values().get(v));
                value.put("items", b.totals()[v]);
                value.put("whole_share", b.wholeShare(v));
                Map<String, Object> shares = new LinkedHashMap<>();
                Map<String, Object> counts = new LinkedHashMap<>();
                for (int s = 0; s < report.names().size(); s++) {
                    double share = b.share(v, s);
                    shares.put(report.names().get(s), Double.isNaN(share) ? null : share);
                    counts.put(report.names().get(s), b.counts()[v][s]);
                }
                value.put("items_per_split", counts);
                value.put("share_per_split", shares);
                values.add(value);
            }
            row.put("values", values);
            row.put("largest_deviation", b.largestDeviation());
            row.put("largest_deviation_at", b.largestDeviationAt(report.names()));
            breakdowns.add(row);
        }
        facts.put("shares", breakdowns);
        facts.put("largest_deviation", report.largestDeviation());
        return facts;
    }

    static Map<String, Object> leakageJson(Leakage leakage) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("identical_content_pairs", leakage.contentPairs());
        facts.put("identical_content_examples", leakage.contentExamples());
        facts.put("groups_across_splits", leakage.groupsAcross());
        facts.put("group_examples", leakage.groupExamples());
        facts.put("near_duplicate_hash", "pictures: dHash 64-bit of the greyscale at 9x8; clips: 64-bit log-mel"
                + " fingerprint (8 mel bands x 9 stretches of time, 16 kHz mono)");
        facts.put("near_duplicate_threshold_bits", leakage.threshold());
        facts.put("near_duplicate_pairs", leakage.nearPairs());
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (Leakage.NearPair pair : leakage.nearExamples()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("media", pair.media());
            row.put("first", pair.firstKey());
            row.put("first_split", pair.firstSplit());
            row.put("second", pair.secondKey());
            row.put("second_split", pair.secondSplit());
            row.put("distance", pair.distance());
            pairs.add(row);
        }
        facts.put("near_duplicates", pairs);
        facts.put("images_hashed", leakage.imagesHashed());
        facts.put("images_not_decoded", leakage.imagesUndecoded());
        facts.put("clips_fingerprinted", leakage.clipsHashed());
        facts.put("clips_not_decoded", leakage.clipsUndecoded());
        return facts;
    }

    static void printReport(Console console, SplitReport report) {
        int width = Math.max(5, report.names().stream().mapToInt(String::length).max().orElse(5));
        console.line(String.format(Locale.ROOT, "%-" + width + "s  %6s  %9s  %6s", "split", "ratio", "items",
                "share"));
        for (int s = 0; s < report.names().size(); s++) {
            console.line(String.format(Locale.ROOT, "%-" + width + "s  %6.3f  %,9d  %6.3f", report.names().get(s),
                    report.ratios()[s], report.counts()[s], report.share(s)));
        }
        for (SplitReport.Breakdown b : report.breakdowns()) {
            int valueWidth = Math.max(b.by().length(), b.values().stream().mapToInt(String::length).max().orElse(5));
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + valueWidth + "s  %6s", b.by(),
                    "whole"));
            for (String name : report.names()) {
                header.append(String.format(Locale.ROOT, "  %" + Math.max(6, name.length()) + "s", name));
            }
            console.line("");
            console.line("Shares of each split (" + b.by() + "):");
            console.line(header.toString());
            for (int v = 0; v < b.values().size(); v++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + valueWidth + "s  %6.3f",
                        b.values().get(v), b.wholeShare(v)));
                for (int s = 0; s < report.names().size(); s++) {
                    double share = b.share(v, s);
                    line.append(String.format(Locale.ROOT, "  %" + Math.max(6, report.names().get(s).length())
                            + "s", Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.3f", share)));
                }
                console.line(line.toString());
            }
            console.line(String.format(Locale.ROOT, "Largest deviation from the whole: %.4f (%s).",
                    b.largestDeviation(), b.largestDeviationAt(report.names())));
        }
    }

    static void printWarnings(Console console, Leakage leakage) {
        if (leakage.nearPairs() == 0) {
            console.line(String.format(Locale.ROOT, "No near-duplicates across splits (fingerprints at most %d of 64"
                    + " bits apart; %,d pictures and %,d clips fingerprinted%s).", leakage.threshold(),
                    leakage.imagesHashed(), leakage.clipsHashed(), undecoded(leakage)));
            return;
        }
        console.line(String.format(Locale.ROOT, "Warning: %,d pairs of near-duplicates across splits (pictures by dHash,"
                + " clips by a log-mel fingerprint, at most %d of 64 bits apart)%s:", leakage.nearPairs(),
                leakage.threshold(),
                leakage.nearPairs() > leakage.nearExamples().size() ? ", the closest " + leakage.nearExamples().size()
                        : ""));
        leakage.nearExamples().forEach(pair -> console.line("  " + pair.describe()));
    }

    private static String undecoded(Leakage leakage) {
        long undecoded = leakage.imagesUndecoded() + leakage.clipsUndecoded();
        return undecoded == 0 ? "" : String.format(Locale.ROOT, "; %,d not decodable or too short", undecoded);
    }
}
