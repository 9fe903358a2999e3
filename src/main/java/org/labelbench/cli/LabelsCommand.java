package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.labeling.LabelFileService;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "labels", description = "Import or export labels as CSV (item,annotator,label and optional columns; see docs/labeling.md).",
        subcommands = {LabelsCommand.Import.class, LabelsCommand.Export.class})
final class LabelsCommand {

    @Command(name = "import", description = "Append labels and skips from a CSV (an export, or item,annotator,label[,guideline_version]);"
            + " any unknown item or class fails the whole file.")
    static final class Import implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Option(names = "--file", required = true, paramLabel = "F.csv",
            description = "The label file to read (see docs/labeling.md for its columns).")
        Path file;

        @Mixin
        JsonOption output;

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.open(project)) {
                LabelFileService.LabelImportResult result = context.labels().importFile(store, file);
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("rows", result.rows());
                facts.put("added", result.added());
                facts.put("unchanged", result.unchanged());
                facts.put("annotators_created", result.annotatorsCreated());
                if (output.json) {
                    context.console().json(facts);
                } else {
                    context.console().line("Imported " + result.added() + " labels from " + result.rows() + " rows ("
                            + result.unchanged() + " unchanged)" + (result.annotatorsCreated().isEmpty() ? ""
                                    : "; new annotators: " + String.join(", ", result.annotatorsCreated())));
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }

    @Command(name = "export", description = "Write every annotator's current answer on every item (label or skip) with all its fields.")
    static final class Export implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Option(names = "--file", required = true, paramLabel = "F.csv",
            description = "The label file to write.")
        Path file;

        @Mixin
        JsonOption output;

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                long rows = context.labels().exportFile(store, file);
                if (output.json) {
                    context.console().json(Map.of("rows", rows, "file", file.toAbsolutePath().toString()));
                } else {
                    context.console().line("Wrote " + rows + " labels to " + file);
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }
}
