package org.labelbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "open-sample", description = {"Open the workbench on a working copy of a sample project.",
    "The copy lives in your data folder, so the samples in the repository stay as they are."})
final class OpenSampleCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "fashion-mnist or spoken-commands")
    String name;

    OpenSampleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path copy = context.samples().workingCopy(name);
        context.console().err().println("Opening " + copy);
        context.console().err().flush();
        context.launcher().open(copy);
        return LabelbenchCli.EXIT_OK;
    }
}
