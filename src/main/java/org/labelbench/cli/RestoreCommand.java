package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.project.ProjectBackups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = {"Replace a project's content with a backup's, through SQLite's backup API.",
    "What the project holds now is kept first as a rolling backup in PROJECT.backups/. A file that is not a",
    "Labelbench project or fails SQLite's integrity check is refused, and so is a project open elsewhere."})
final class RestoreCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup to restore.")
    Path from;

    @Option(names = "--keep", defaultValue = "" + ProjectBackups.DEFAULT_KEEP, paramLabel = "K",
            description = "Rolling backups to keep, the one of the current content included (default: ${DEFAULT-VALUE}).")
    int keep;

    @Mixin
    JsonOption output;

    RestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProjectBackups.Restored restored = new ProjectBackups().restore(project, from, keep);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("project", restored.project().toString());
        facts.put("restored_from", restored.from().toString());
        facts.put("previous_content", restored.previous().map(Path::toString).orElse("none (the file was missing)"));
        facts.put("seconds", Math.round(restored.seconds() * 1000) / 1000.0);
        LabelbenchCli.printFacts(context.console(), output.json, facts);
        return LabelbenchCli.EXIT_OK;
    }
}
