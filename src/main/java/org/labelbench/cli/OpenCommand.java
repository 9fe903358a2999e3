package org.labelbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "open", description = "Open the workbench, on PROJECT if given.")
final class OpenCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT")
    Path project;

    OpenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.launcher().open(project == null ? null : project.toAbsolutePath().normalize());
        return LabelbenchCli.EXIT_OK;
    }
}
