package org.labelbench.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.labelbench.jobs.JobContext;
import org.labelbench.media.Sha256;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.NewPrediction;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.ProjectStore;

/**
 * Prediction runs: importing a model's predictions from a file, and listing runs. An import is
 * all or nothing: one unknown item or class and the project is unchanged. A run's name is taken
 * once; a new model's predictions are a new run, so every figure computed from a run stays true.
 */
public final class PredictionService {
    private final PredictionRepository predictions = new PredictionRepository();
    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();

    /** What an import stored. */
    public record ImportedRun(String name, long predictions, List<String> probabilityClasses, String fileSha256) {
    }

    public ImportedRun importFile(ProjectStore store, String runName, Path file, String notes) {
        return importFile(store, runName, file, notes, JobContext.silent());
    }

    /**
     * As {@link #importFile(ProjectStore, String, Path, String)}, as a job: it says which step it is
     * on and stops at a cancel between steps. The run is written in one transaction, so a cancel
     * (a {@link org.labelbench.jobs.JobCancelledException} inside it) leaves the project as it was.
     */
    public ImportedRun importFile(ProjectStore store, String runName, Path file, String notes, JobContext context) {
        String name = runName == null ? "" : runName.strip();
        if (name.isEmpty()) {
            throw new BadInputException("a prediction run needs a name (--run)");
        }
        context.message("Reading " + file.getFileName());
        context.progress(0, 3);
        PredictionFile parsed = PredictionFile.read(file);
        String sha256;
        try {
            sha256 = Sha256.of(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        context.checkCancelled();
        context.message("Checking " + parsed.rows().size() + " predictions against the project");
        context.progress(1, 3);
        return store.write(tx -> {
            if (predictions.exists(tx, name)) {
                throw new BadInputException("a prediction run named '" + name + "' exists; runs are never changed,"
                        + " so import under a new name");
            }
            Map<String, LabelClass> classByName = classes.list(tx).stream()
                    .collect(Collectors.toMap(LabelClass::name, lc -> lc));
            for (String probabilityClass : parsed.probabilityClasses()) {
                if (!classByName.containsKey(probabilityClass)) {
                    throw new BadInputException(file + ": column p_" + probabilityClass + ": unknown class '"
                            + probabilityClass + "'; nothing imported");
                }
            }
            Map<String, Long> itemIds = items.idsByKey(tx, parsed.rows().stream().map(PredictionFile.Row::item).toList());
            List<NewPrediction> rows = new ArrayList<>(parsed.rows().size());
            for (PredictionFile.Row row : parsed.rows()) {
                Long item = itemIds.get(row.item());
                if (item == null) {
                    throw PredictionFile.problem(file, row.line(), "unknown item '" + row.item() + "'");
                }
                LabelClass label = classByName.get(row.label());
                if (label == null) {
                    throw PredictionFile.problem(file, row.line(), "unknown class '" + row.label() + "'");
                }
                rows.add(new NewPrediction(item, label.id(), confidence(row, parsed.probabilityClasses()),
                        row.probabilities()));
            }
            context.checkCancelled();
            context.message("Writing " + rows.size() + " predictions");
            context.progress(2, 3);
            long run = predictions.createRun(tx, name, "import", file.getFileName().toString(), sha256, null,
                    parsed.probabilityClasses().isEmpty() ? null : json(parsed.probabilityClasses()),
                    Instant.now().toString(), notes);
            predictions.insert(tx, run, rows);
            context.checkCancelled(); // the last chance: after the commit the run is there to stay
            context.progress(3, 3);
            return new ImportedRun(name, rows.size(), parsed.probabilityClasses(), sha256);
        });
    }

    public List<PredictionRun> runs(ProjectStore store) {
        return store.read(predictions::listRuns);
    }

    /** The file's confidence; without one, the probability of the predicted class when the file has it. */
    private static Double confidence(PredictionFile.Row row, List<String> probabilityClasses) {
        if (row.confidence() != null || row.probabilities() == null) {
            return row.confidence();
        }
        int index = probabilityClasses.indexOf(row.label());
        return index < 0 ? null : (double) row.probabilities()[index];
    }

    private static String json(List<String> names) {
        try {
            return new ObjectMapper().writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
