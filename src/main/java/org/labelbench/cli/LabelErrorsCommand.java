package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "label-errors", description = {"Likely label errors: the items a run's probabilities most doubt.",
    "Confident learning (Northcutt et al.; cleanlab's find_label_issues at its defaults) on the run's per-class",
    "probabilities as given, which should be out-of-sample. Worst first: the lowest probability of the given label."})
final class LabelErrorsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--run", required = true, paramLabel = "NAME",
            description = "The prediction run whose probabilities judge the labels.")
    String run;

    @Mixin
    TruthOptions truth;

    @Option(names = "--limit", paramLabel = "N",
            description = "Print only the N most likely errors (the count still says how many were found).")
    Integer limit;

    @Option(names = "--tag", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
            description = "Also tag the items found (default name: 'label errors: RUN'), so the tag table, the error"
                    + " sheet and 'queue create --tag' work on them; found again, the tag follows.")
    String tag;

    @Option(names = "--author", paramLabel = "NAME", description = "With --tag: who tags (default: the operating-system user).")
    String author = GuidelineCommand.defaultAuthor();

    @Mixin
    JsonOption output;

    LabelErrorsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new BadInputException("--limit " + limit + " is negative");
        }
        String tagName = tag == null ? null : tag.isBlank() ? LabelErrors.defaultTag(run) : tag.strip();
        try (ProjectStore store = tagName == null ? ProjectStore.openReadOnly(project) : ProjectStore.open(project)) {
            LabelErrors.Found found = tagName == null ? store.read(tx -> LabelErrors.find(tx, run, truth.source()))
                    : LabelErrors.tag(store, run, truth.source(), tagName, author);
            List<LabelErrors.LabelError> shown = limit == null || limit >= found.errors().size() ? found.errors()
                    : found.errors().subList(0, limit);
            if (output.json) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("run", found.run());
                facts.put("items_considered", found.itemsConsidered());
                facts.put("label_errors", found.errors().size());
                facts.put("classes", found.classes());
                facts.put("confident_joint", found.confidentJoint());
                List<Map<String, Object>> rows = new ArrayList<>();
                for (LabelErrors.LabelError error : shown) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("item", error.key());
                    row.put("given", error.given());
                    row.put("suggested", error.suggested());
                    row.put("self_confidence", error.selfConfidence());
                    rows.add(row);
                }
                facts.put("errors", rows);
                if (tagName != null) {
                    facts.put("tag", tagName);
                }
                context.console().json(facts);
                return LabelbenchCli.EXIT_OK;
            }
            context.console().line(String.format(Locale.ROOT, "%,d likely label errors among %,d items with a ground"
                    + " truth and probabilities (run '%s')%s", found.errors().size(), found.itemsConsidered(),
                    found.run(), shown.size() < found.errors().size() ? "; the " + shown.size() + " most likely:" : ""));
            int keyWidth = Math.max(4, shown.stream().mapToInt(e -> e.key().length()).max().orElse(4));
            int classWidth = Math.max(9, found.classes().stream().mapToInt(String::length).max().orElse(9));
            if (!shown.isEmpty()) {
                context.console().line(String.format(Locale.ROOT, "%-" + keyWidth + "s  %-" + classWidth + "s  %-"
                        + classWidth + "s  %s", "item", "given", "suggested", "p(given)"));
            }
            for (LabelErrors.LabelError error : shown) {
                context.console().line(String.format(Locale.ROOT, "%-" + keyWidth + "s  %-" + classWidth + "s  %-"
                        + classWidth + "s  %.3f", error.key(), error.given(), error.suggested(), error.selfConfidence()));
            }
            if (tagName != null) {
                context.console().line("Tagged them '" + tagName + "': queue create PROJECT --name review --tag '"
                        + tagName + "' makes a review queue");
            }
        }
        return LabelbenchCli.EXIT_OK;
    }
}
