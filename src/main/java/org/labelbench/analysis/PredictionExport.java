package org.labelbench.analysis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CsvCells;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.Transaction;

/**
 * Writes one prediction run as the CSV {@code predictions import} reads:
 * {@code item,label,confidence,p_<class>...}, the p_ columns in the run's stored class order (none
 * for a run without probabilities), one row per prediction in item key order. Text cells are
 * made spreadsheet-safe by {@link CsvCells}, which the import undoes, so the file imports back to
 * the same run. The file appears whole or not at all; an existing file is replaced, as
 * {@code labels export} does.
 */
public final class PredictionExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PredictionRepository predictions = new PredictionRepository();
    private final LabelClassRepository classes = new LabelClassRepository();

    /** What an export wrote. */
    public record ExportedRun(String name, long rows, List<String> probabilityClasses, Path file) {
    }

    public ExportedRun exportFile(ProjectStore store, String runName, Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new BadInputException(file + ": folder " + target.getParent() + " does not exist");
        }
        return store.read(tx -> {
            PredictionRun run = predictions.findRun(tx, runName).orElseThrow(() -> new BadInputException(
                    "no prediction run named '" + runName + "'" + RunEvaluation.runNames(predictions.listRuns(tx))));
            List<String> probabilityClasses = probabilityClasses(run);
            Path partial = null;
            try {
                // Beside the target, so the move into place is a rename on one file system.
                partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
                long rows = write(tx, run, probabilityClasses, partial);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new ExportedRun(run.name(), rows, probabilityClasses, target);
            } catch (IOException | UncheckedIOException e) {
                throw new BadInputException(file + ": cannot be written: " + e.getMessage(), e);
            } finally {
                deletePartial(partial);
            }
        });
    }

    private long write(Transaction tx, PredictionRun run, List<String> probabilityClasses, Path partial)
            throws IOException {
        Map<Long, String> classNames = classes.list(tx).stream()
                .collect(Collectors.toMap(LabelClass::id, LabelClass::name));
        List<String> header = new ArrayList<>(List.of("item", "label", "confidence"));
        probabilityClasses.forEach(name -> header.add("p_" + name));
        long[] rows = {0};
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            CsvCells.printRow(printer, header.toArray());
            Object[] cells = new Object[header.size()];
            predictions.forEachByItemKey(tx, run.id(), (item, labelClass, confidence, probabilities) -> {
                cells[0] = item;
                cells[1] = classNames.get(labelClass);
                cells[2] = confidence;
                for (int i = 0; i < probabilityClasses.size(); i++) {
                    // Float.toString gives back the same float when read, the stored precision.
                    cells[3 + i] = probabilities == null ? null : probabilities[i];
                }
                try {
                    CsvCells.printRow(printer, cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            });
        }
        return rows[0];
    }

    /** The run's probability classes in their stored order; none when it stored no probabilities. */
    private static List<String> probabilityClasses(PredictionRun run) {
        if (run.classes() == null) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(run.classes(), new TypeReference<List<String>>() { }));
        } catch (IOException e) {
            throw new IllegalStateException("run '" + run.name() + "': unreadable classes " + run.classes(), e);
        }
    }

    private static void deletePartial(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // nothing more to do: the leftover is named as a partial file
        }
    }
}
