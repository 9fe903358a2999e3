package org.labelbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelbench.dataset.DatasetVersion;
import org.labelbench.dataset.VersionService;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "list", description = "List the project's versions, oldest first.")
final class VersionListCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Mixin
    JsonOption output;

    VersionListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<DatasetVersion> versions;
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            versions = new VersionService().list(store);
        }
        if (output.json) {
            context.console().json(versions.stream().map(VersionCommand::headerJson).toList());
            return LabelbenchCli.EXIT_OK;
        }
        if (versions.isEmpty()) {
            context.console().line("No versions yet: version create PROJECT --name V.");
            return LabelbenchCli.EXIT_OK;
        }
        for (DatasetVersion v : versions) {
            context.console().line(String.format(Locale.ROOT, "%-16s %,9d items  %-12s %s  %s%s", v.name(), v.items(),
                    v.itemsRule(), v.created(), v.manifestSha256().substring(0, 12),
                    v.note() == null ? "" : "  " + v.note()));
        }
        return LabelbenchCli.EXIT_OK;
    }
}
