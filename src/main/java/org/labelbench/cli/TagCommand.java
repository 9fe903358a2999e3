package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.analysis.TagService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.TagRepository;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tag", description = {"Tag items by hand, remove a tag, or list the tags with their item counts.",
    "An unknown item key refuses the whole request: nothing is tagged."})
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

        @Option(names = "--list", description = "List the tags, with how many items carry each.")
        boolean list;
    }

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
        TagService service = new TagService();
        if (action.list) {
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                List<TagRepository.TagInfo> tags = service.list(store);
                if (output.json) {
                    context.console().json(tags.stream().map(t -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("tag", t.name());
                        row.put("kind", t.kind());
                        row.put("rule", t.rule());
                        row.put("items", t.items());
                        return row;
                    }).toList());
                } else if (tags.isEmpty()) {
                    context.console().line("no tags");
                } else {
                    tags.forEach(t -> context.console().line(t.name() + "  " + t.items() + " items  (" + t.kind() + ")"));
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
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
        return LabelbenchCli.EXIT_OK;
    }

    private static String items(int n) {
        return n + (n == 1 ? " item" : " items");
    }
}
