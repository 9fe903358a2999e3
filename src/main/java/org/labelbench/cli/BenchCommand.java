package org.labelbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.bench.AgreementBenchmark;
import org.labelbench.bench.AnalyzeBenchmark;
import org.labelbench.bench.ImportBenchmark;
import org.labelbench.bench.LabelBenchmark;
import org.labelbench.bench.LabelErrorsBenchmark;
import org.labelbench.bench.OpenBenchmark;
import org.labelbench.project.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", description = {"Run a benchmark suite and print its figures as JSON.",
    "Suites: import (items/s and hashing beside a plain SHA-256), open (a large project's first page and heap),",
    "label (durable labels per second and submit latency through a labeling session),",
    "agreement (every agreement figure on 1M items x 5 annotators, alpha beside NLTK, the bootstrap),",
    "analyze (the tag table, metrics and the errors spreadsheet's first page on 1M predicted items, 50 tags),",
    "label-errors (confident learning on 1M items x 10 classes beside the same algorithm in numpy, and",
    "`label-errors --json` as its own process on the same data as a project beside sqlite3 + numpy),",
    "assist (training and prediction images/s on 28x28 PNGs beside the same net in Python's PyTorch, the whole",
    "prediction path against a bare forward loop, audio clips/s through log-mel features, and `assist train`",
    "and `assist predict` as their own processes),",
    "export (version create, an export with paths only and one with --copy beside a plain copy of the same files,",
    "each also as its own process, on a 100k-item project; the manifest hash of 1M entries),",
    "e2e (what a user waits for, each command as its own process beside a peer on the same data, the median of",
    "3 with peak memory: info --json against java -version, analyze --json on N predictions against Python's",
    "sqlite3, agreement --json on N/10 units against NLTK, import of N/10 PNGs against sha256sum, labels import",
    "of 0.45 N rows, and the project file's bytes per item),",
    "label-stream PROJECT (labels N items of that project through a labeling session, printing `committed KEY`",
    "as each label becomes durable, then the figures; the crash tests kill it),",
    "generate PROJECT (writes a new synthetic project of N items, default 1000000, that the workbench opens:",
    "image rows without files, 3 annotators, a prediction run, 50 tags)."})
final class BenchCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "SUITE", description = "import | open | label | agreement | analyze | label-errors | assist | export | e2e | label-stream | generate.")
    String suite;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PROJECT", description = "label-stream: the project to label; generate: the project to write.")
    Path project;

    @Option(names = "--annotator", defaultValue = "stream", description = "label-stream: who labels (default: stream).")
    String annotator;

    @Option(names = "--items", description = "Items to use (import: 10000, open: 1000000, label: 100000, agreement, analyze and label-errors: 1000000, assist: 20000, export: 100000, e2e: 1000000, label-stream: 1000, generate: 1000000 by default).")
    Integer items;

    @Option(names = "--dir", description = "Work folder, kept afterwards; open reuses the project it built there"
            + " (default: a temporary folder, deleted at the end).")
    Path dir;

    @Option(names = "--labels", defaultValue = "2000", description = "label: labels to submit (default: 2000).")
    int labels;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "e2e: run only these sections (startup, analyze, project_file, agreement, import,"
                    + " labels_import); default: all.")
    java.util.Set<String> only;

    @picocli.CommandLine.Mixin
    DeviceOption device;

    @Option(names = "--json", description = "Accepted for symmetry: bench always prints JSON.")
    boolean json;

    BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (suite.equals("label-stream")) {
            return labelStream();
        }
        if (suite.equals("generate")) {
            if (project == null) {
                throw new BadInputException("bench generate needs PROJECT, the new project's file");
            }
            context.console().json(org.labelbench.bench.AnalyzeBenchmark.generate(project,
                    items == null ? 1_000_000 : items));
            return LabelbenchCli.EXIT_OK;
        }
        if (project != null) {
            throw new BadInputException("bench " + suite + " takes no PROJECT (only label-stream and generate do)");
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("labelbench-bench");
        Map<String, Object> figures;
        try {
            figures = run(work);
        } finally {
            if (dir == null) {
                deleteRecursively(work); // hundreds of MB nobody asked to keep
            }
        }
        figures.put("work_dir", work.toAbsolutePath().toString());
        figures.put("work_dir_kept", dir != null);
        context.console().json(figures);
        return LabelbenchCli.EXIT_OK;
    }

    /** Works the given project, not a work folder: what it prints as it goes is the contract. */
    private Integer labelStream() {
        if (project == null) {
            throw new BadInputException("bench label-stream needs PROJECT");
        }
        Map<String, Object> figures = new org.labelbench.bench.LabelStream().run(project, items == null ? 1000 : items,
                annotator, key -> context.console().line("committed " + key));
        context.console().json(figures);
        return LabelbenchCli.EXIT_OK;
    }

    private Map<String, Object> run(Path work) throws Exception {
        return switch (suite) {
            case "import" -> new ImportBenchmark().run(items == null ? 10_000 : items, work);
            case "open" -> new OpenBenchmark().run(items == null ? 1_000_000 : items, work);
            case "label" -> new LabelBenchmark().run(items == null ? 100_000 : items, labels, work);
            case "agreement" -> new AgreementBenchmark().run(items == null ? 1_000_000 : items, work);
            case "analyze" -> new AnalyzeBenchmark().run(items == null ? 1_000_000 : items, work);
            case "label-errors" -> new LabelErrorsBenchmark().run(items == null ? 1_000_000 : items, work);
            case "assist" -> new org.labelbench.bench.AssistBenchmark().run(items == null ? 20_000 : items,
                    device.device, work);
            case "export" -> new org.labelbench.bench.ExportBenchmark().run(items == null ? 100_000 : items, work);
            case "e2e" -> new org.labelbench.bench.EndToEndBenchmark().run(items == null ? 1_000_000 : items, work,
                    only == null ? java.util.Set.of() : only);
            default -> throw new BadInputException("unknown bench suite '" + suite
                    + "' (import, open, label, agreement, analyze, label-errors, assist, export, e2e, label-stream)");
        };
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
