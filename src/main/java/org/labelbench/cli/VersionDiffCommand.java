package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.dataset.VersionDiff;
import org.labelbench.dataset.VersionService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = {"Compare two versions item by item, matched by key.",
    "Items added (only in V2), removed (only in V1), relabeled (old and new label) and moved between splits:",
    "each counted, with its first rows in key order."})
final class VersionDiffCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Parameters(index = "1", paramLabel = "V1")
    String from;

    @Parameters(index = "2", paramLabel = "V2")
    String to;

    @Option(names = "--rows", paramLabel = "N", description = "How many rows of each kind of change to list"
            + " (default: " + VersionService.DIFF_ROWS + " in text, every row with --json).")
    Integer rows;

    @Mixin
    JsonOption output;

    VersionDiffCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (rows != null && rows < 0) {
            throw new BadInputException("--rows must be 0 or more, not " + rows);
        }
        int listed = rows != null ? rows : output.json ? Integer.MAX_VALUE : VersionService.DIFF_ROWS;
        VersionDiff diff;
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            diff = new VersionService().diff(store, from, to, listed);
        }
        Console console = context.console();
        if (output.json) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("from", diff.from());
            facts.put("to", diff.to());
            facts.put("added", changesJson(diff.added(), "label", "split"));
            facts.put("removed", changesJson(diff.removed(), "label", "split"));
            facts.put("relabeled", changesJson(diff.relabeled(), "old_label", "new_label"));
            facts.put("moved", changesJson(diff.moved(), "old_split", "new_split"));
            console.json(facts);
            return LabelbenchCli.EXIT_OK;
        }
        console.line(String.format(Locale.ROOT, "From %s to %s: %,d added, %,d removed, %,d relabeled, %,d moved"
                + " between splits.", diff.from(), diff.to(), diff.added().count(), diff.removed().count(),
                diff.relabeled().count(), diff.moved().count()));
        print(console, "Added", diff.added(), (r) -> r.key() + " (" + text(r.before()) + ", " + text(r.after()) + ")");
        print(console, "Removed", diff.removed(), (r) -> r.key() + " (" + text(r.before()) + ", " + text(r.after())
                + ")");
        print(console, "Relabeled", diff.relabeled(), (r) -> r.key() + ": " + text(r.before()) + " -> "
                + text(r.after()));
        print(console, "Moved", diff.moved(), (r) -> r.key() + ": " + text(r.before()) + " -> " + text(r.after()));
        return LabelbenchCli.EXIT_OK;
    }

    private static void print(Console console, String title, VersionDiff.Changes changes,
            java.util.function.Function<VersionDiff.Row, String> line) {
        if (changes.first().isEmpty()) {
            return;
        }
        console.line(title + (changes.count() > changes.first().size() ? " (first " + changes.first().size()
                + ")" : "") + ":");
        changes.first().forEach(r -> console.line("  " + line.apply(r)));
    }

    private static String text(String value) {
        return value == null ? "none" : value;
    }

    private static Map<String, Object> changesJson(VersionDiff.Changes changes, String before, String after) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("count", changes.count());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (VersionDiff.Row r : changes.first()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", r.key());
            row.put(before, r.before());
            row.put(after, r.after());
            rows.add(row);
        }
        facts.put("first", rows);
        return facts;
    }
}
