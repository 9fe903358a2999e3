package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.dataset.LeakageCheck;
import org.labelbench.dataset.SplitService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = {"Check the stored split for leakage and print its balance.",
    "Identical content or a group in two splits exits 2 with the pairs counted and the first few named;",
    "near-duplicate pictures across splits are listed as warnings."})
final class SplitCheckCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--near-bits", defaultValue = "" + LeakageCheck.NEAR_THRESHOLD, paramLabel = "N",
            description = "Pictures whose 64-bit dHashes differ in at most N bits are near-duplicates (default"
                    + " ${DEFAULT-VALUE}).")
    int nearBits;

    @Mixin
    JsonOption output;

    SplitCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Console console = context.console();
        TerminalProgress progress = new TerminalProgress(console.err(), console.interactive() && !output.json);
        SplitService.Check check;
        try (InterruptGuard guard = new InterruptGuard(progress); ProjectStore store = ProjectStore.openReadOnly(
                project)) {
            try {
                check = new SplitService().check(store, nearBits, progress);
            } finally {
                progress.finish();
            }
        }
        if (check.leakage().hasErrors()) {
            throw new BadInputException(check.leakage().errorLine());
        }
        if (output.json) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("rule", SplitCommand.ruleJson(check.rule()));
            facts.put("unsplit_items", check.unsplit());
            facts.putAll(SplitCommand.reportJson(check.report()));
            facts.put("leakage", SplitCommand.leakageJson(check.leakage()));
            console.json(facts);
            return LabelbenchCli.EXIT_OK;
        }
        console.line(String.format(Locale.ROOT, "Split of %,d items (%s, seed %d, stratified by %s%s%s): no identical"
                + " content%s across splits.", check.report().total(), SplitCommand.ratiosText(check.rule()),
                check.rule().seed(), check.rule().stratifyText(), check.rule().groupAttribute() == null ? ""
                        : "; groups: attr:" + check.rule().groupAttribute(), check.rule().frozen() ? "; frozen" : "",
                check.rule().groupAttribute() == null ? "" : " and no group"));
        if (check.unsplit() > 0) {
            console.line(String.format(Locale.ROOT, "%,d items have no split (imported after the split while it was"
                    + " not frozen): 'split freeze' places them by the rule, or split again.", check.unsplit()));
        }
        SplitCommand.printReport(console, check.report());
        SplitCommand.printWarnings(console, check.leakage());
        return LabelbenchCli.EXIT_OK;
    }
}
