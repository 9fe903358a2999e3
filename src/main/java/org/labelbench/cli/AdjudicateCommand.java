package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.agreement.Adjudication;
import org.labelbench.labeling.GuidelineExample;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "adjudicate", description = {"Set an item's adjudicated (gold) label; needs a reviewer or lead.",
    "A new annotation with origin 'adjudicated' (the newest wins; nothing is overwritten). --example also",
    "collects the item as an example for the next guideline version."})
final class AdjudicateCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--item", required = true, paramLabel = "KEY",
            description = "The item to settle.")
    String item;

    @Option(names = "--class", required = true, paramLabel = "C",
            description = "Its gold class.")
    String className;

    @Option(names = "--by", paramLabel = "NAME", description = "The adjudicator (default: the operating-system user).")
    String by = GuidelineCommand.defaultAuthor();

    @Option(names = "--role", paramLabel = "ROLE",
            description = "The adjudicator's role: reviewer or lead (a labeler sets no gold). Default: lead.")
    String role = Adjudication.DEFAULT_ROLE;

    @Option(names = "--own-item", description = "Allow gold on an item the adjudicator labeled too (refused by default).")
    boolean ownItem;

    @Option(names = "--example", paramLabel = "NOTE",
            description = "Also add the item, with this class and note, as a pending guideline example.")
    String example;

    @Mixin
    JsonOption output;

    AdjudicateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (example != null && example.isBlank()) {
            // checked before the gold is written: bad input changes nothing
            throw new BadInputException("--example: the note is empty; say why '" + item + "' is an example");
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            Adjudication adjudication = new Adjudication();
            if (ownItem) {
                adjudication = adjudication.allowingOwnItems();
            }
            Adjudication.Outcome outcome = adjudication.setGold(store, item, className, by, role, null);
            GuidelineExample added = example == null ? null
                    : adjudication.addExample(store, outcome.itemKey(), outcome.gold().label(), example, by);
            if (output.json) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("item", outcome.itemKey());
                facts.put("adjudicated", outcome.gold().label());
                facts.put("by", outcome.gold().adjudicator());
                facts.put("previous", outcome.previous());
                facts.put("written", outcome.written());
                facts.put("example", added == null ? null : GuidelineCommand.describe(added));
                context.console().json(facts);
            } else {
                context.console().line(outcome.written()
                        ? outcome.itemKey() + ": gold '" + outcome.gold().label() + "' by " + outcome.gold().adjudicator()
                                + (outcome.previous() == null ? "" : " (was '" + outcome.previous() + "')")
                        : outcome.itemKey() + ": already adjudicated as '" + outcome.gold().label() + "' by "
                                + outcome.gold().adjudicator() + "; nothing written");
                if (added != null) {
                    context.console().line("Added an example of '" + added.itemKey()
                            + "' for the next guideline version");
                }
            }
        }
        return LabelbenchCli.EXIT_OK;
    }
}
