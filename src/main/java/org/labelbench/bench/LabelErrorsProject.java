package org.labelbench.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.project.Annotator;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.NewPrediction;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.SyntheticRows;

/**
 * The label-errors benchmark's data as a project file: item {@code i + 1} carries one person's
 * label {@code labels[i]} (its ground truth) and a prediction run {@value #RUN} with the ten
 * probabilities of row {@code i}, so {@code label-errors PROJECT --run bench} sees what the
 * in-memory figure sees.
 */
final class LabelErrorsProject {
    static final String RUN = "bench";

    private LabelErrorsProject() {
    }

    static void build(Path project, int[] labels, float[] probabilities, int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("label-errors bench", names,
                false))) {
            store.write(tx -> {
                Map<String, Long> byName = new HashMap<>();
                for (LabelClass labelClass : new LabelClassRepository().list(tx)) {
                    byName.put(labelClass.name(), labelClass.id());
                }
                long[] classIds = names.stream().mapToLong(byName::get).toArray();
                Annotator annotator = new AnnotatorRepository().findOrCreate(tx, "bench", "labeler");
                try (SyntheticRows rows = SyntheticRows.in(tx)) {
                    long batch = rows.importBatch("images");
                    for (int i = 0; i < labels.length; i++) {
                        String key = String.format("img/%07d.png", i + 1);
                        rows.pngItem(i + 1, key, "media/" + key, String.format("%064x", i + 1),
                                SyntheticProject.syntheticBytes(i + 1), 28, 28, batch);
                        rows.classLabel(i + 1, annotator.id(), classIds[labels[i]]);
                    }
                }
                PredictionRepository predictions = new PredictionRepository();
                long run = predictions.createRun(tx, RUN, "import", "synthetic", null, null,
                        names.stream().map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]")), Instant.parse("2026-01-01T00:00:00Z").toString(),
                        null);
                List<NewPrediction> batch = new ArrayList<>(100_000);
                for (int i = 0; i < labels.length; i++) {
                    float[] p = new float[classes];
                    System.arraycopy(probabilities, i * classes, p, 0, classes);
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        best = p[c] > p[best] ? c : best;
                    }
                    batch.add(new NewPrediction(i + 1, classIds[best], (double) p[best], p));
                    if (batch.size() == 100_000) {
                        predictions.insert(tx, run, batch);
                        batch.clear();
                    }
                }
                predictions.insert(tx, run, batch);
                return null;
            });
        }
    }
}
