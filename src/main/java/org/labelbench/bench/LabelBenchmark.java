package org.labelbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.labeling.LabelDecision;
import org.labelbench.labeling.LabelingSession;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.FloorTable;
import org.labelbench.project.LabelClass;
import org.labelbench.project.ProjectStore;

/**
 * {@code bench label}: labels submitted back to back through a real {@link LabelingSession} on
 * an N-item project, each one committed (synchronous=FULL) with the choice of the next item in
 * one transaction. Reports submit latency percentiles (the store's share of keypress-to-next-item;
 * the window's share is measured by the workbench's bench test), labels per second, and, as the
 * floor, the same number of bare one-row durable commits on the same file.
 */
public final class LabelBenchmark {
    public Map<String, Object> run(int items, int labels, Path workDir) throws IOException {
        Path project = workDir.resolve("bench-label-" + items + ProjectStore.EXTENSION);
        Files.deleteIfExists(project);
        long buildStart = System.nanoTime();
        SyntheticProject.build(project, items);
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        try (ProjectStore store = ProjectStore.open(project)) {
            QueueService queues = new QueueService();
            long createStart = System.nanoTime();
            queues.create(store, new QueueDefinition("bench", QueueScope.all(), QueueStrategy.RANDOM, 2, 1, List.of()),
                    "bench");
            double createMillis = (System.nanoTime() - createStart) / 1e6;

            LabelingSession first = LabelingSession.open(store, "bench", "bench-a", "labeler");
            List<LabelClass> classes = first.schema().offered();
            warmUp(first, classes);
            double[] submit = new double[labels];
            long loopStart = System.nanoTime();
            for (int i = 0; i < labels; i++) {
                long start = System.nanoTime();
                first.submit(LabelDecision.single(classes.get(i % classes.size())));
                submit[i] = (System.nanoTime() - start) / 1e6;
            }
            double loopSeconds = (System.nanoTime() - loopStart) / 1e9;

            long prefetchStart = System.nanoTime();
            int upcoming = first.upcoming(3).size();
            double prefetchMillis = (System.nanoTime() - prefetchStart) / 1e6;
            // A second annotator on the overlap-2 queue walks past items the first one holds.
            long secondStart = System.nanoTime();
            LabelingSession second = LabelingSession.open(store, "bench", "bench-b", "labeler");
            double secondOpenMillis = (System.nanoTime() - secondStart) / 1e6;
            double[] secondSubmit = new double[Math.min(labels, 500)];
            for (int i = 0; i < secondSubmit.length; i++) {
                long start = System.nanoTime();
                second.submit(LabelDecision.single(classes.get(i % classes.size())));
                secondSubmit[i] = (System.nanoTime() - start) / 1e6;
            }
            double bareMillis = bareDurableCommits(store, labels);

            Arrays.sort(submit);
            Arrays.sort(secondSubmit);
            result.put("suite", "label");
            result.put("items", items);
            result.put("labels", labels);
            result.put("build_seconds", ImportBenchmark.round(buildSeconds));
            result.put("queue_create_ms", ImportBenchmark.round(createMillis));
            result.put("submit_p50_ms", ImportBenchmark.round(percentile(submit, 0.50)));
            result.put("submit_p99_ms", ImportBenchmark.round(percentile(submit, 0.99)));
            result.put("submit_max_ms", ImportBenchmark.round(submit[submit.length - 1]));
            result.put("labels_per_second", Math.round(labels / loopSeconds));
            result.put("bare_durable_commits_per_second", Math.round(labels / (bareMillis / 1000)));
            result.put("labels_vs_bare_commits", ImportBenchmark.round((labels / loopSeconds) / (labels / (bareMillis
                    / 1000))));
            result.put("prefetch_lookup_ms", ImportBenchmark.round(prefetchMillis));
            result.put("prefetch_items", upcoming);
            result.put("second_annotator_open_ms", ImportBenchmark.round(secondOpenMillis));
            result.put("second_annotator_submit_p99_ms", ImportBenchmark.round(percentile(secondSubmit, 0.99)));
        }
        return result;
    }

    private static void warmUp(LabelingSession session, List<LabelClass> classes) {
        for (int i = 0; i < 200; i++) {
            session.submit(LabelDecision.single(classes.get(i % classes.size())));
        }
    }

    /** The floor: one-row transactions with the same durability, on the same file. */
    private static double bareDurableCommits(ProjectStore store, int count) {
        store.write(tx -> {
            FloorTable.create(tx);
            return null;
        });
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String value = "x" + i;
            store.write(tx -> {
                FloorTable.insert(tx, value);
                return null;
            });
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
