package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "info", description = "Show a project's counts, classes and schema version (read-only).")
final class InfoCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Mixin
    JsonOption output;

    InfoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // Read-only: works while the workbench holds the project open.
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            ProjectOverview o = ProjectOverview.of(store);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("name", o.name());
            facts.put("items", o.items());
            facts.put("images", o.images());
            facts.put("audio", o.audio());
            facts.put("classes", o.classes());
            facts.put("multi_label", o.multiLabel());
            facts.put("annotators", o.annotators());
            facts.put("annotations", o.annotations());
            facts.put("import_batches", o.importBatches());
            facts.put("guideline_version", o.guidelineVersion());
            facts.put("queues", o.queues());
            facts.put("schema_version", o.schemaVersion());
            LabelbenchCli.printFacts(context.console(), output.json, facts);
        }
        return LabelbenchCli.EXIT_OK;
    }
}
