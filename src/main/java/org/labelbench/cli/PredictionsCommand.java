package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.analysis.PredictionExport;
import org.labelbench.analysis.PredictionService;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "predictions", description = "A model's predictions: import a run from a file, list the runs, export a run.",
        subcommands = {PredictionsCommand.Import.class, PredictionsCommand.ListRuns.class,
            PredictionsCommand.Export.class})
final class PredictionsCommand {
    private PredictionsCommand() {
    }

    @Command(name = "import", description = {"Import a prediction run from a CSV or JSON Lines file.",
        "CSV: item,label[,confidence][,p_<class>...]; JSON Lines: item, label, confidence, p_<class> or a",
        "probabilities object. All or nothing: an unknown item or",
        "class, or a taken run name, changes nothing."})
    static final class Import implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Option(names = "--run", required = true, paramLabel = "NAME", description = "The run's name (new).")
        String run;

        @Option(names = "--file", required = true, paramLabel = "F.csv|F.jsonl",
            description = "The run's predictions, CSV or JSON Lines.")
        Path file;

        @Option(names = "--notes", paramLabel = "TEXT", description = "What model, trained on what.")
        String notes;

        @Mixin
        JsonOption output;

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.open(project)) {
                PredictionService.ImportedRun imported = new PredictionService().importFile(store, run, file, notes);
                if (output.json) {
                    Map<String, Object> facts = new LinkedHashMap<>();
                    facts.put("run", imported.name());
                    facts.put("predictions", imported.predictions());
                    facts.put("probability_classes", imported.probabilityClasses());
                    facts.put("file_sha256", imported.fileSha256());
                    context.console().json(facts);
                } else {
                    context.console().line("run '" + imported.name() + "': " + imported.predictions() + " predictions"
                            + (imported.probabilityClasses().isEmpty() ? ""
                                    : " with probabilities for " + imported.probabilityClasses().size() + " classes"));
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }

    @Command(name = "list", description = "The prediction runs, oldest first.")
    static final class ListRuns implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Mixin
        JsonOption output;

        ListRuns(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                List<PredictionRun> runs = new PredictionService().runs(store);
                if (output.json) {
                    context.console().json(runs.stream().map(r -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("run", r.name());
                        row.put("source", r.source());
                        row.put("file", r.file());
                        row.put("file_sha256", r.fileSha256());
                        row.put("model_sha256", r.modelSha256());
                        row.put("predictions", r.predictions());
                        row.put("created", r.created());
                        row.put("notes", r.notes());
                        return row;
                    }).toList());
                } else if (runs.isEmpty()) {
                    context.console().line("no prediction runs");
                } else {
                    runs.forEach(r -> context.console().line(r.name() + "  " + r.predictions() + " predictions  "
                            + r.source() + (r.file() == null ? "" : " " + r.file()) + "  " + r.created()));
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }

    @Command(name = "export", description = {"Write one prediction run as a CSV file that 'predictions import' reads back.",
        "Columns: item,label,confidence and p_<class> for each class the run has probabilities for,",
        "one row per item in key order. An existing file is replaced; a failed export leaves none."})
    static final class Export implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "PROJECT")
        Path project;

        @Option(names = "--run", required = true, paramLabel = "NAME", description = "The run to write.")
        String run;

        @Option(names = "--file", required = true, paramLabel = "F.csv", description = "The CSV file to write.")
        Path file;

        @Mixin
        JsonOption output;

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                PredictionExport.ExportedRun exported = new PredictionExport().exportFile(store, run, file);
                if (output.json) {
                    Map<String, Object> facts = new LinkedHashMap<>();
                    facts.put("run", exported.name());
                    facts.put("rows", exported.rows());
                    facts.put("file", exported.file().toString());
                    facts.put("probability_classes", exported.probabilityClasses());
                    context.console().json(facts);
                } else {
                    context.console().line("Wrote " + exported.rows() + " predictions of run '" + exported.name()
                            + "' to " + file);
                }
            }
            return LabelbenchCli.EXIT_OK;
        }
    }
}
