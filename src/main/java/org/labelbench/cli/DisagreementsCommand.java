package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.labelbench.agreement.Disagreement;
import org.labelbench.agreement.DisagreementFilter;
import org.labelbench.agreement.DisagreementList;
import org.labelbench.agreement.DisagreementVerdict;
import org.labelbench.agreement.Disagreements;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Opinions;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "disagreements", description = {"The items whose annotators disagree, most contested first (read-only).",
    "Contest = 1 - (votes for the most common class / annotators); ties: more annotators, more classes, key.",
    "Unresolved items only unless --all."})
final class DisagreementsCommand implements Callable<Integer> {
    /** Details are read this many items at a time, so a long list never sits in memory whole. */
    private static final int PAGE = 500;

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--all", description = "Also items that already have an adjudicated label.")
    boolean all;

    @Option(names = "--class", paramLabel = "C", description = "Only items where one of the labels is this class.")
    String className;

    @Option(names = "--limit", paramLabel = "N", description = "At most N items (the most contested).")
    Integer limit;

    @Option(names = "--include-suggestions",
            description = "Count current labels that accepted a model's suggestion towards a contest (by default"
                    + " they do not: the list is of human disagreements, like agreement and hlp).")
    boolean includeSuggestions;

    @Mixin
    JsonOption output;

    DisagreementsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new BadInputException("--limit " + limit + ": must be 0 or more");
        }
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            Disagreements disagreements = new Disagreements();
            DisagreementList list = disagreements.list(store, new DisagreementFilter(all, className)
                    .withSuggestions(Opinions.Suggestions.included(includeSuggestions)));
            int shown = limit == null ? list.size() : Math.min(limit, list.size());
            List<Map<String, Object>> rows = new ArrayList<>();
            if (!output.json) {
                context.console().line(summary(list, shown));
            }
            for (int from = 0; from < shown; from += PAGE) {
                for (Disagreement d : disagreements.details(store, list.itemIds(from, Math.min(PAGE, shown - from)))) {
                    if (output.json) {
                        rows.add(json(d));
                    } else {
                        context.console().line(text(d));
                    }
                }
            }
            if (output.json) {
                context.console().json(rows);
            }
        }
        return LabelbenchCli.EXIT_OK;
    }

    private String summary(DisagreementList list, int shown) {
        String scope = (className == null ? "" : " involving '" + className + "'");
        return String.format(Locale.ROOT, "%,d contested items%s, %,d resolved; showing %,d%s", list.contested(), scope,
                list.resolved(), shown, all ? "" : " unresolved");
    }

    static Map<String, Object> json(Disagreement d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("item", d.key());
        row.put("contest", d.contest());
        row.put("labels", d.labelsByAnnotator());
        row.put("adjudicated", d.adjudicated().map(DisagreementVerdict::label).orElse(null));
        return row;
    }

    private static String text(Disagreement d) {
        String labels = d.labelsByAnnotator().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String gold = d.adjudicated().map(v -> "  [gold: " + v.label() + " by " + v.adjudicator() + "]").orElse("");
        return String.format(Locale.ROOT, "%-28s %.2f  %s%s", d.key(), d.contest(), labels, gold);
    }
}
