package org.labelbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelbench.project.SampleProjects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "open-sample", description = {"Open the workbench on a working copy of a sample project.",
    "The copy lives in your data folder, so the samples in the repository stay as they are."})
final class OpenSampleCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "fashion-mnist or spoken-commands")
    String name;

    @Option(names = "--smoke", description = {"Open a throwaway copy of the sample, show every view once, then "
            + "close.", "Exits 1 if anything failed (an uncaught exception, an error dialog, a view still loading "
            + "after a minute); CI runs it."})
    boolean smoke;

    @Option(names = "--screenshots", paramLabel = "DIR", description = "With --smoke: save a PNG of every view in DIR.")
    Path screenshots;

    OpenSampleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!smoke) {
            Path copy = context.samples().workingCopy(name);
            context.console().err().println("Opening " + copy);
            context.console().err().flush();
            context.launcher().open(copy);
            return LabelbenchCli.EXIT_OK;
        }
        // A fresh copy in a temporary folder: the tour never touches the user's working copy.
        Path folder = Files.createTempDirectory("labelbench-smoke-");
        try {
            Path copy = context.samples().copyInto(name, folder);
            context.console().err().println("Smoke tour of " + copy);
            context.console().err().flush();
            return context.launcher().smokeTour(copy,
                    screenshots == null ? null : screenshots.toAbsolutePath().normalize());
        } finally {
            SampleProjects.deleteTree(folder);
        }
    }
}
