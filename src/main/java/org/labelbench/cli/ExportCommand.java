package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.dataset.export.ExportFormat;
import org.labelbench.dataset.export.ExportService;
import org.labelbench.dataset.export.ExportResult;
import org.labelbench.dataset.export.MediaMode;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = {"Export a dataset version as csv, jsonl, imagefolder, hf, labelstudio or coco.",
    "Every export holds manifest.json, files.sha256 (sha256sum -c checks it) and a README.md dataset card; the same",
    "version exported twice gives the same bytes. Media are written as the project files' absolute paths unless",
    "--copy or --link (imagefolder and hf need one). The export is built beside DIR and moved into place when",
    "complete: a failed or cancelled export leaves nothing. The export is recorded in the version's lineage."})
final class ExportCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The dataset version to export.")
    String version;

    @Option(names = "--format", required = true, paramLabel = "F", description = "csv, jsonl, imagefolder, hf"
            + " (Hugging Face imagefolder/audiofolder), labelstudio or coco.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The export folder: absent or empty,"
            + " or replaced with --force.")
    Path out;

    static final class Media {
        @Option(names = "--copy", description = "Copy the media files into the export.")
        boolean copy;

        @Option(names = "--link", description = "Hard-link the media files into the export (copied where the file"
                + " system refuses a link, and the card says how many).")
        boolean link;
    }

    @ArgGroup(exclusive = true)
    Media media = new Media();

    @Option(names = "--force", description = "Replace a non-empty DIR, once the new export has succeeded.")
    boolean force;

    @Option(names = "--pseudonymize", description = "Write annotator-<10 hex> (a keyed hash with the project's own"
            + " key) instead of annotator names.")
    boolean pseudonymize;

    @Option(names = "--author", paramLabel = "NAME", description = "Who exports, as the lineage records it (default:"
            + " the operating-system user).")
    String author = GuidelineCommand.defaultAuthor();

    @Mixin
    JsonOption output;

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ExportFormat exportFormat = ExportFormat.parse(format);
        MediaMode mode = media.copy ? MediaMode.COPY : media.link ? MediaMode.LINK : MediaMode.PATHS;
        Console console = context.console();
        TerminalProgress progress = new TerminalProgress(console.err(), console.interactive() && !output.json);
        long start = System.nanoTime();
        ExportService.Exported exported;
        try (InterruptGuard guard = new InterruptGuard(progress); ProjectStore store = ProjectStore.open(project)) {
            try {
                exported = new ExportService().export(store, new ExportService.Order(version, exportFormat, mode, out,
                        force, pseudonymize, author), progress);
            } finally {
                progress.finish();
            }
        }
        ExportResult result = exported.result();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (output.json) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("version", exported.version());
            facts.put("format", exportFormat.id());
            facts.put("out", result.out().toString());
            facts.put("media", mode.id());
            facts.put("pseudonymized", pseudonymize);
            facts.put("items", result.items());
            facts.put("written", result.written());
            facts.put("left_out", result.leftOut());
            facts.put("media_files", result.mediaFiles());
            facts.put("link_fallbacks", result.linkFallbacks());
            facts.put("replaced", result.replaced());
            facts.put("manifest_sha256", exported.manifestSha256());
            facts.put("files_sha256", exported.filesSha256());
            facts.put("seconds", seconds);
            console.json(facts);
            return LabelbenchCli.EXIT_OK;
        }
        console.line(String.format(Locale.ROOT, "Exported version %s as %s: %,d of %,d items%s into %s (%.1f s).",
                exported.version(), exportFormat.id(), result.written(), result.items(), result.leftOut() == 0 ? ""
                        : String.format(Locale.ROOT, " (%,d left out by the format)", result.leftOut()),
                result.out(), seconds));
        if (result.mediaFiles() > 0) {
            console.line(String.format(Locale.ROOT, "%,d media files %s%s.", result.mediaFiles(),
                    mode == MediaMode.LINK ? "hard-linked" : "copied", result.linkFallbacks() == 0 ? ""
                            : String.format(Locale.ROOT, " (%,d copied: the file system refused a link)",
                                    result.linkFallbacks())));
        }
        if (result.replaced()) {
            console.line("Replaced the earlier contents of " + result.out() + ".");
        }
        console.line("Check it with: (cd " + result.out() + " && sha256sum -c files.sha256)");
        return LabelbenchCli.EXIT_OK;
    }
}
