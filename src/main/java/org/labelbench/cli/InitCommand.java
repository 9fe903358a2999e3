package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "init", description = "Create a new project file.")
final class InitCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The new project file (*.lbproj).")
    Path project;

    @Option(names = "--name", required = true, description = "The project's display name.")
    String name;

    @Option(names = "--classes", description = "Comma-separated class names, in hotkey order.")
    String classes;

    @Option(names = "--multi-label", description = "Items may carry several classes at once.")
    boolean multiLabel;

    @Mixin
    JsonOption output;

    InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProjectSettings settings = new ProjectSettings(name, LabelClassRepository.parseList(classes), multiLabel);
        try (ProjectStore store = ProjectStore.create(project, settings)) {
            ProjectOverview overview = ProjectOverview.of(store);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("project", store.file().toString());
            facts.put("name", overview.name());
            facts.put("classes", overview.classes());
            facts.put("multi_label", overview.multiLabel());
            facts.put("schema_version", overview.schemaVersion());
            if (output.json) {
                context.console().json(facts);
            } else {
                context.console().line("Created " + store.file() + " (" + overview.classes().size() + " classes)");
            }
        }
        return LabelbenchCli.EXIT_OK;
    }
}
