package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.analysis.RuleTagService;
import org.labelbench.analysis.TagService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.TagRepository;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tag", description = {"Tag items, define rule and attribute tags, or list the tags.",
    "Tag items by hand, remove a tag, define a rule tag, make one tag per value of an attribute,",
    "re-evaluate the computed tags, or list the tags with their item counts.",
    "An unknown item key or a bad rule refuses the whole request: nothing is tagged.",
    "Rules are described in docs/tags.md, e.g. --rule 'attr.noise == \"car\" and duration_ms > 2000'."})
final class TagCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--add", paramLabel = "TAG", description = "Add the tag to the --items.")
        String add;

        @Option(names = "--remove", paramLabel = "TAG", description = "Remove the tag from the --items.")
        String remove;

        @Option(names = "--list", description = "List the tags, with how many items carry each, their kind and rule.")
        boolean list;

        @Option(names = "--rule", paramLabel = "EXPR", description = "Define (or redefine) the rule tag --name:"
                + " it holds the items meeting EXPR.")
        String rule;

        @Option(names = "--from-attr", paramLabel = "NAME", description = "One metadata tag per value of the"
                + " attribute, named NAME=value.")
        String fromAttribute;

        @Option(names = "--refresh", description = "Re-evaluate every rule tag and re-derive every metadata tag.")
        boolean refresh;
    }

    @Option(names = "--name", paramLabel = "TAG", description = "The rule tag's name (with --rule).")
    String name;

    @Option(names = "--run", paramLabel = "RUN", description = "The prediction run a rule's prediction fields read"
            + " (default: the newest).")
    String run;

    @Option(names = "--items", split = ",", paramLabel = "K1,K2,...", description = "Item keys.")
    List<String> items = List.of();

    @Option(names = "--author", paramLabel = "NAME", description = "Who tags (default: the operating-system user).")
    String author = GuidelineCommand.defaultAuthor();

    @Mixin
    JsonOption output;

    TagCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (action.rule == null && (name != null || run != null)) {
            throw new BadInputException("--name and --run go with --rule");
        }
        if (action.list) {
            list();
        } else if (action.rule != null) {
            defineRule();
        } else if (action.fromAttribute != null) {
            fromAttribute();
        } else if (action.refresh) {
            refresh();
        } else {
            tagByHand();
        }
        return LabelbenchCli.EXIT_OK;
    }

    private void list() {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            List<TagRepository.TagInfo> tags = new TagService().list(store);
            Map<String, String> runs = new RuleTagService().runsOfRuleTags(store);
            if (output.json) {
                context.console().json(tags.stream().map(t -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tag", t.name());
                    row.put("kind", t.kind());
                    row.put("rule", t.rule());
                    if (t.kind().equals("rule")) {
                        row.put("run", runs.get(t.name()));
                    }
                    row.put("items", t.items());
                    return row;
                }).toList());
            } else if (tags.isEmpty()) {
                context.console().line("no tags");
            } else {
                tags.forEach(t -> context.console().line(t.name() + "  " + items(t.items()) + "  ("
                        + describe(t.kind(), t.rule(), runs.get(t.name())) + ")"));
            }
        }
    }

    /** "manual", "rule: width < 64", "rule: confidence < 0.5; run m1", "metadata: speaker". */
    private static String describe(String kind, String rule, String run) {
        return kind + (rule == null ? "" : ": " + rule) + (run == null ? "" : "; run " + run);
    }

    private void defineRule() {
        if (name == null) {
            throw new BadInputException("--rule needs --name TAG");
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            RuleTagService.RuleTag tag = new RuleTagService().defineRule(store, name, action.rule, run, author);
            if (output.json) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("tag", tag.tag());
                facts.put("kind", "rule");
                facts.put("rule", tag.rule());
                facts.put("run", tag.run());
                facts.put("items", tag.items());
                context.console().json(facts);
            } else {
                context.console().line("rule tag '" + tag.tag() + "': " + items(tag.items())
                        + (tag.run() == null ? "" : " (predictions of run '" + tag.run() + "')"));
            }
        }
    }

    private void fromAttribute() {
        try (ProjectStore store = ProjectStore.open(project)) {
            RuleTagService.MetadataTags tags = new RuleTagService().fromAttribute(store, action.fromAttribute, author);
            if (output.json) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("attribute", tags.attribute());
                facts.put("tags", tags.itemsByTag().entrySet().stream().map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tag", e.getKey());
                    row.put("items", e.getValue());
                    return row;
                }).toList());
                context.console().json(facts);
            } else {
                context.console().line(tags.itemsByTag().size() + " metadata tags from attribute '" + tags.attribute()
                        + "'");
                tags.itemsByTag().forEach((tag, n) -> context.console().line("  " + tag + "  " + items(n)));
            }
        }
    }

    private void refresh() {
        try (ProjectStore store = ProjectStore.open(project)) {
            List<RuleTagService.Refreshed> refreshed = new RuleTagService().refresh(store);
            if (output.json) {
                context.console().json(refreshed.stream().map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tag", r.tag());
                    row.put("kind", r.kind());
                    row.put("items", r.items());
                    row.put("problem", r.problem());
                    return row;
                }).toList());
            } else if (refreshed.isEmpty()) {
                context.console().line("no rule or metadata tags");
            } else {
                refreshed.forEach(r -> context.console().line(r.tag() + "  " + (r.items() == null
                        ? "not re-evaluated, items kept: " + r.problem() : items(r.items()))));
            }
        }
    }

    private void tagByHand() {
        TagService service = new TagService();
        if (items.isEmpty()) {
            throw new BadInputException("--add and --remove need --items K1,K2,...");
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            TagService.TagChange change = action.add != null ? service.add(store, action.add, items, author)
                    : service.remove(store, action.remove, items);
            String verb = action.add != null ? "tagged" : "untagged";
            if (output.json) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("tag", change.tag());
                facts.put("items", change.requested());
                facts.put(verb, change.changed());
                context.console().json(facts);
            } else {
                int unchanged = change.requested() - change.changed();
                context.console().line(verb + " " + items(change.changed()) + " '" + change.tag() + "'"
                        + (unchanged > 0 ? " (" + items(unchanged) + " already " + verb + ")" : ""));
            }
        }
    }

    private static String items(long n) {
        return n + (n == 1 ? " item" : " items");
    }
}
