package org.labelbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.bench.ImportBenchmark;
import org.labelbench.bench.OpenBenchmark;
import org.labelbench.project.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", description = {"Run a benchmark suite and print its figures as JSON.",
    "Suites: import (items/s and hashing beside a plain SHA-256), open (a large project's first page and heap)."})
final class BenchCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "SUITE", description = "import | open")
    String suite;

    @Option(names = "--items", description = "Items to use (import: 10000, open: 1000000 by default).")
    Integer items;

    @Option(names = "--dir", description = "Work folder (default: a new temporary folder; open reuses its project).")
    Path dir;

    @Option(names = "--json", description = "Accepted for symmetry: bench always prints JSON.")
    boolean json;

    BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("labelbench-bench");
        Map<String, Object> figures = switch (suite) {
            case "import" -> new ImportBenchmark().run(items == null ? 10_000 : items, work);
            case "open" -> new OpenBenchmark().run(items == null ? 1_000_000 : items, work);
            default -> throw new BadInputException("unknown bench suite '" + suite + "' (import, open)");
        };
        context.console().json(figures);
        return LabelbenchCli.EXIT_OK;
    }
}
