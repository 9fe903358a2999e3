package org.labelbench.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.labelbench.labeling.LabelDecision;
import org.labelbench.labeling.LabelingSession;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.BadInputException;
import org.labelbench.project.LabelClass;
import org.labelbench.project.ProjectStore;

/**
 * {@code bench label-stream}: labels up to N items of an existing project through the same
 * {@link LabelingSession} the labeling screen's view model drives, and tells {@code committed KEY}
 * only after {@code submit} returned, i.e. after the label's transaction committed (synchronous=FULL).
 * The crash tests kill it at random moments and hold every told key to be in the project. The queue
 * {@code label-stream-ANNOTATOR} (all items, in order) is created on first use and resumed after,
 * so a killed stream started again goes on where the last one stopped.
 */
public final class LabelStream {
    /** The queue a stream for {@code annotator} works. */
    public static String queueName(String annotator) {
        return "label-stream-" + annotator;
    }

    /**
     * Labels up to {@code items} items as {@code annotator}, the classes taken in turn, calling
     * {@code committed} with each item's key once its label is durable.
     */
    public Map<String, Object> run(Path project, int items, String annotator, Consumer<String> committed) {
        if (items < 1) {
            throw new BadInputException("--items " + items + " must be at least 1");
        }
        long start = System.nanoTime();
        int labeled = 0;
        try (ProjectStore store = ProjectStore.open(project)) {
            QueueService queues = new QueueService();
            String queue = queueName(annotator);
            if (queues.list(store).stream().noneMatch(q -> q.name().equals(queue))) {
                queues.create(store, new QueueDefinition(queue, QueueScope.all(), QueueStrategy.SEQUENTIAL, 1, 0,
                        List.of(annotator)), "bench");
            }
            try (LabelingSession session = LabelingSession.open(store, queue, annotator, "labeler")) {
                List<LabelClass> classes = session.schema().offered();
                if (classes.isEmpty()) {
                    throw new BadInputException(project + ": the project has no label classes to label with");
                }
                while (labeled < items && session.current().isPresent()) {
                    String key = session.current().get().item().key();
                    LabelClass choice = classes.get(labeled % classes.size());
                    session.submit(session.schema().multiLabel() ? LabelDecision.multi(List.of(choice))
                            : LabelDecision.single(choice));
                    labeled++;
                    committed.accept(key); // after submit returned: the label is on disk
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("suite", "label-stream");
        result.put("annotator", annotator);
        result.put("labels", labeled);
        result.put("seconds", ImportBenchmark.round(seconds));
        result.put("labels_per_second", seconds == 0 ? 0 : Math.round(labeled / seconds));
        return result;
    }
}
