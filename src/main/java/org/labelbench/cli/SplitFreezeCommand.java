package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.dataset.SplitService;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "freeze", description = {"Freeze the stored split: it is no longer replaced, and new items join it.",
    "Items imported later (and any without a split now) go to a split by the same rule, moving no old one:",
    "their group's split when the group is known, else by the SHA-256 of (seed, group or key)."})
final class SplitFreezeCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--off", description = "Thaw it instead: split may replace it again, and new items stay unsplit.")
    boolean off;

    @Mixin
    JsonOption output;

    SplitFreezeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        long placed;
        try (ProjectStore store = ProjectStore.open(project)) {
            placed = new SplitService().freeze(store, !off);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("frozen", !off);
        facts.put("items_placed", placed);
        if (output.json) {
            context.console().json(facts);
        } else {
            context.console().line(off ? "The split is thawed: 'split' may replace it."
                    : "The split is frozen" + (placed > 0 ? "; " + placed + " items without a split were placed by its"
                            + " rule." : "."));
        }
        return LabelbenchCli.EXIT_OK;
    }
}
