package org.labelbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.labelbench.dataset.DatasetVersion;
import org.labelbench.dataset.VersionScope;
import org.labelbench.dataset.VersionService;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = {"Freeze the included items, their labels and provenance as a new version.",
    "Every item: content SHA-256, attributes, split, tags, import batch; its label with the rule that chose it",
    "(adjudicated, majority, single, tie-break, auto) and who gave the deciding labels under which guideline",
    "version. Unlabeled items are included without a label. The newest version before it becomes its parent."})
final class VersionCreateCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--name", required = true, paramLabel = "V", description = "The version's name, unique in the"
            + " project.")
    String name;

    @Option(names = "--note", paramLabel = "TEXT", description = "What this version is for.")
    String note;

    @Option(names = "--items", defaultValue = "all", paramLabel = "all|split:S|tag:T",
            description = "Which items it holds: all (the default), one split's, or one tag's.")
    String items;

    @Mixin
    TruthOptions truth;

    @Option(names = "--author", paramLabel = "NAME", description = "Who makes it (default: the operating-system"
            + " user).")
    String author = GuidelineCommand.defaultAuthor();

    @Mixin
    JsonOption output;

    VersionCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        VersionScope scope = VersionScope.parse(items);
        VersionService.Created created;
        try (ProjectStore store = ProjectStore.open(project)) {
            created = new VersionService().create(store, name, note, scope, truth.source(), author);
        }
        DatasetVersion v = created.version();
        if (output.json) {
            Map<String, Object> facts = VersionCommand.headerJson(v);
            facts.put("unlabeled", created.unlabeled());
            facts.put("label_rules", created.labelRules());
            context.console().json(facts);
            return LabelbenchCli.EXIT_OK;
        }
        context.console().line(String.format(Locale.ROOT, "Version %s: %,d items (%s), %,d unlabeled%s.", v.name(),
                v.items(), v.itemsRule(), created.unlabeled(), created.labelRules().isEmpty() ? ""
                        : "; labels by " + created.labelRules().entrySet().stream()
                                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                                .collect(Collectors.joining(", "))));
        context.console().line("Manifest SHA-256 " + v.manifestSha256() + "; parent "
                + (v.parent() == null ? "none (the first version)" : v.parent()) + ".");
        return LabelbenchCli.EXIT_OK;
    }
}
