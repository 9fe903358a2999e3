package org.labelbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.labelbench.analysis.ClassificationMetrics;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.analysis.TagMembership;
import org.labelbench.analysis.TagTable;
import org.labelbench.analysis.TruthSource;
import org.labelbench.project.BadInputException;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.NewPrediction;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.SyntheticRows;
import org.labelbench.project.TagRepository;

/**
 * {@code bench analyze}: a project of N items (two annotators on half, as {@link SyntheticProject}
 * builds it, and a third on all) with one prediction run with probabilities on every item and 50 tags of 1–4 % of
 * the items each. Times, each the median of 3: reading the run against the ground truth
 * (the SQL part every view pays once), the tags' items (likewise), the tag table from both, the
 * metrics, and the
 * first page of the errors spreadsheet (ordering the errors, then reading 100 rows).
 */
public final class AnalyzeBenchmark {
    private static final int TAGS = 50;
    private static final int PAGE = 100;
    static final String RUN = "bench";

    public Map<String, Object> run(int items, Path workDir) throws Exception {
        long buildStart = System.nanoTime();
        Path project = project(items, workDir);
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            RunEvaluation[] evaluation = new RunEvaluation[1];
            double loadMs = median(() -> evaluation[0] = store.read(tx -> RunEvaluation.read(tx, RUN,
                    TruthSource.DEFAULT)));
            RunEvaluation e = evaluation[0];
            TagMembership[] membership = new TagMembership[1];
            double tagsMs = median(() -> membership[0] = store.read(TagMembership::read));
            int[] rows = {0};
            double tagTableMs = median(() -> rows[0] = TagTable.of(e, membership[0], 0, 1).rows().size());
            double[] accuracy = {0};
            double metricsMs = median(() -> accuracy[0] = ClassificationMetrics.of(e.truthCodes(), e.predicted(),
                    e.classes()).accuracy().value());
            int[] errors = {0};
            double firstPageMs = median(() -> {
                ErrorSheet sheet = ErrorSheet.of(e, true, null, ErrorSheet.Order.CONFIDENCE_DESCENDING);
                errors[0] = sheet.size();
                store.read(tx -> sheet.page(tx, 0, PAGE));
            });
            double pageOnlyMs = median(() -> {
                ErrorSheet sheet = ErrorSheet.of(e, true, null, ErrorSheet.Order.ITEM);
                store.read(tx -> sheet.page(tx, sheet.size() / 2, PAGE));
            });
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("suite", "analyze");
            result.put("items", items);
            result.put("evaluated_items", e.evaluated());
            result.put("errors", errors[0]);
            result.put("tags", TAGS);
            result.put("build_seconds", ImportBenchmark.round(buildSeconds));
            result.put("read_run_and_truth_ms", ImportBenchmark.round(loadMs));
            result.put("read_tags_ms", ImportBenchmark.round(tagsMs));
            result.put("tag_table_ms", ImportBenchmark.round(tagTableMs));
            result.put("tag_table_rows", rows[0]);
            result.put("metrics_ms", ImportBenchmark.round(metricsMs));
            result.put("accuracy", accuracy[0]);
            result.put("errors_first_page_by_confidence_ms", ImportBenchmark.round(firstPageMs));
            result.put("errors_middle_page_by_item_ms", ImportBenchmark.round(pageOnlyMs));
            return result;
        }
    }

    /**
     * The benchmark's project of {@code items} in {@code workDir}, built once and kept (the
     * work folder is the cache): its run is named {@link #RUN}.
     */
    /**
     * {@code bench generate}: the same synthetic project at {@code project}, for the workbench to open
     * at a size where other tools give up (images as rows without files, 3 annotators, a run, 50 tags).
     */
    public static Map<String, Object> generate(Path project, int items) throws IOException {
        if (Files.exists(project)) {
            throw new BadInputException(project + " exists; generate writes a new project");
        }
        Files.createDirectories(project.toAbsolutePath().getParent());
        long started = System.nanoTime();
        SyntheticProject.build(project, items);
        try (ProjectStore store = ProjectStore.open(project)) {
            addRunAndTags(store, items);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("suite", "generate");
        figures.put("project", project.toAbsolutePath().toString());
        figures.put("items", items);
        figures.put("run", RUN);
        figures.put("tags", TAGS);
        figures.put("seconds", Math.round((System.nanoTime() - started) / 1e6) / 1e3);
        figures.put("bytes", Files.size(project));
        return figures;
    }

    static Path project(int items, Path workDir) {
        Path project = workDir.resolve("analyze-" + items + ".lbproj");
        if (!Files.exists(project)) {
            SyntheticProject.build(project, items);
            try (ProjectStore store = ProjectStore.open(project)) {
                addRunAndTags(store, items);
            }
        }
        return project;
    }

    /** A run that is right 80 % of the time, with probabilities, and 50 random tags. */
    private static void addRunAndTags(ProjectStore store, int items) {
        store.write(tx -> {
            PredictionRepository predictions = new PredictionRepository();
            long run = predictions.createRun(tx, RUN, "import", "synthetic", null, null,
                    "[\"cat\",\"dog\",\"bird\",\"fish\"]", Instant.now().toString(), null);
            SplittableRandom random = new SplittableRandom(42);
            List<NewPrediction> batch = new ArrayList<>(100_000);
            for (int i = 1; i <= items; i++) {
                // Class ids 1..4 are cat, dog, bird, fish; annotator ana labels 1 + i % 4 on even items.
                int truth = 1 + i % 4;
                int predicted = random.nextInt(5) == 0 ? 1 + random.nextInt(4) : truth;
                float[] p = new float[4];
                float confidence = 0.4f + 0.6f * (float) random.nextDouble();
                Arrays.fill(p, (1 - confidence) / 3);
                p[predicted - 1] = confidence;
                batch.add(new NewPrediction(i, predicted, (double) confidence, p));
                if (batch.size() == 100_000) {
                    predictions.insert(tx, run, batch);
                    batch.clear();
                }
            }
            predictions.insert(tx, run, batch);
            // A third annotator on every item, agreeing with ana: every item then has a ground truth
            // (the majority on even items, cy's lone label on odd ones), as after a first labeling pass.
            long cy = new org.labelbench.project.AnnotatorRepository().findOrCreate(tx, "cy", "labeler").id();
            TagRepository tags = new TagRepository();
            try (SyntheticRows rows = SyntheticRows.in(tx)) {
                for (int i = 1; i <= items; i++) {
                    rows.classLabel(i, cy, 1 + i % 4);
                }
                for (int t = 0; t < TAGS; t++) {
                    long tag = tags.define(tx, "tag-" + t, "manual", null, Instant.now());
                    int every = 25 + t % 75;
                    for (int i = 1 + t; i <= items; i += every) {
                        rows.tagged(tag, i);
                    }
                }
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double median(Work work) {
        double[] times = new double[3];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            try {
                work.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[1];
    }
}
