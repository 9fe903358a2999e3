package org.labelbench.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.labelbench.ingest.ImportRejectedException;
import org.labelbench.ingest.ImportReport;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportSource;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CsvCells;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {"Import images, audio, a manifest, a Label Studio export or a dataset export.",
    "Files that cannot be imported are skipped and listed in a report (CSV beside the project);"
        + " with --strict any of them fails the whole import and nothing changes."})
final class ImportCommand implements Callable<Integer> {
    private static final int REASONS_SHOWN = 10;
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--images", paramLabel = "DIR", description = "A folder of PNG, JPEG, BMP, GIF, WebP (recursive).")
        Path images;

        @Option(names = "--audio", paramLabel = "DIR", description = "A folder of WAV files (recursive).")
        Path audio;

        @Option(names = "--manifest", paramLabel = "FILE", description = "CSV or JSONL: key,path[,label][,attributes...].")
        Path manifest;

        @Option(names = "--labelstudio", paramLabel = "FILE",
                description = "A Label Studio JSON export of image or audio classification tasks.")
        Path labelStudio;

        @Option(names = "--dataset", paramLabel = "DIR",
                description = "A Labelbench csv or jsonl export folder (labels, splits and attributes kept).")
        Path dataset;
    }

    @Option(names = "--media-root", paramLabel = "DIR",
            description = "Where a Label Studio export's local-files, upload and relative paths are found.")
    Path mediaRoot;

    @Option(names = "--copy", description = "Copy media into the project's media/ folder.")
    boolean copy;

    @Option(names = "--strict", description = "Fail (exit 2, nothing changed) if any file cannot be imported.")
    boolean strict;

    @Option(names = "--labels-from-folders", description = "ImageFolder layout: the parent folder's name is the label.")
    boolean labelsFromFolders;

    @Option(names = "--prefix", paramLabel = "TEXT", description = "Prepend TEXT to every key.")
    String prefix;

    @Option(names = "--keep-duplicates", description = "Import files whose content is already in the project.")
    boolean keepDuplicates;

    @Option(names = "--report", paramLabel = "FILE", description = "Where to write the list of skipped files (CSV).")
    Path reportFile;

    @Mixin
    JsonOption output;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        ImportRequest request = request();
        Console console = context.console();
        TerminalProgress progress = new TerminalProgress(console.err(), console.interactive() && !output.json);
        ImportReport report;
        // The guard is closed last, so an interrupted import has also closed the project when it lets go.
        try (InterruptGuard guard = new InterruptGuard(progress);
                ProjectStore store = ProjectStore.open(project)) {
            try {
                report = context.imports().run(store, request, progress);
            } catch (ImportRejectedException rejected) {
                progress.finish();
                writeReport(store, rejected.report(), true);
                throw rejected;
            } finally {
                progress.finish();
            }
            Path written = writeReport(store, report, false);
            print(report, written);
        }
        return LabelbenchCli.EXIT_OK;
    }

    private ImportRequest request() {
        ImportSource kind;
        Path path;
        if (source.images != null) {
            kind = ImportSource.IMAGES;
            path = source.images;
        } else if (source.audio != null) {
            kind = ImportSource.AUDIO;
            path = source.audio;
        } else if (source.manifest != null) {
            kind = ImportSource.MANIFEST;
            path = source.manifest;
        } else if (source.labelStudio != null) {
            kind = ImportSource.LABEL_STUDIO;
            path = source.labelStudio;
        } else {
            kind = ImportSource.DATASET;
            path = source.dataset;
        }
        if (mediaRoot != null && kind != ImportSource.LABEL_STUDIO) {
            throw new BadInputException("--media-root " + mediaRoot + ": only a --labelstudio import reads it");
        }
        return new ImportRequest(kind, path, copy, strict, labelsFromFolders, prefix, keepDuplicates, mediaRoot);
    }

    private void print(ImportReport report, Path written) {
        Console console = context.console();
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("batch", report.batchId());
            json.put("added", report.added());
            json.put("already_present", report.alreadyPresent());
            json.put("duplicates", report.duplicates().stream().map(d -> Map.of("file", d.file(), "key", d.key(),
                    "duplicate_of", d.duplicateOf())).toList());
            json.put("skipped", report.skipped().stream().map(s -> Map.of("file", s.file(), "reason", s.reason()))
                    .toList());
            json.put("copied", report.copied());
            json.put("labels_added", report.labelsAdded());
            json.put("classes_created", report.classesCreated());
            json.put("report", written == null ? null : written.toString());
            json.put("elapsed_ms", report.elapsedMillis());
            console.json(json);
            return;
        }
        console.line(String.format("Imported %d items in %.1f s: %d already present, %d duplicates, %d skipped%s",
                report.added(), report.elapsedMillis() / 1000.0, report.alreadyPresent(), report.duplicates().size(),
                report.skipped().size(), report.labelsAdded() > 0 ? ", " + report.labelsAdded() + " labels" : ""));
        if (!report.classesCreated().isEmpty()) {
            console.line("New classes: " + String.join(", ", report.classesCreated()));
        }
        printReasons(report);
        if (written != null) {
            console.line("Report: " + written);
        }
    }

    private void printReasons(ImportReport report) {
        List<ImportReport.Skipped> skipped = report.skipped();
        for (int i = 0; i < Math.min(REASONS_SHOWN, skipped.size()); i++) {
            context.console().err().println("  skipped " + skipped.get(i).file() + ": " + skipped.get(i).reason());
        }
        if (skipped.size() > REASONS_SHOWN) {
            context.console().err().println("  ... and " + (skipped.size() - REASONS_SHOWN) + " more in the report");
        }
        context.console().err().flush();
    }

    /** Writes every skipped and duplicate file with its reason; returns the file, or null if none. */
    private Path writeReport(ProjectStore store, ImportReport report, boolean rejected) throws IOException {
        if (report.skipped().isEmpty() && report.duplicates().isEmpty()) {
            return null;
        }
        Path target = reportFile;
        if (target == null) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            target = store.directory().resolve("import-reports")
                    .resolve("import-" + (rejected ? "rejected" : report.batchId()) + "-" + stamp + ".csv");
            Files.createDirectories(target.getParent());
        }
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader("file", "status", "reason").build())) {
            for (ImportReport.Skipped s : report.skipped()) {
                CsvCells.printRow(csv, s.file(), "skipped", s.reason());
            }
            for (ImportReport.Duplicate d : report.duplicates()) {
                CsvCells.printRow(csv, d.file(), "duplicate", "same content as '" + d.duplicateOf() + "'");
            }
        }
        if (rejected) {
            printReasons(report);
            context.console().err().println("Report: " + target);
        }
        return target;
    }
}
