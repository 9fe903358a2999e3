package org.labelbench.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.Annotator;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.AutoLabelRepository;
import org.labelbench.project.AutoLabelRepository.AutoLabel;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.QueueRepository;
import org.labelbench.project.Transaction;

/**
 * Applies partial automation: the run's class becomes the label, origin {@code auto}, of every
 * unlabeled item (no opinion, no gold, no auto label yet) whose confidence is at or above the
 * threshold, written in one transaction by the annotator {@code model:RUN} (role {@code model});
 * then a human queue is made over the unlabeled rest. As a job: a cancel before the labels'
 * commit leaves the project as it was.
 */
public final class AutoLabeling {
    private static final int LABELS_PER_BATCH = 10_000;

    /** What was applied: threshold, its measured accuracy, labels written, and the queue made (null: none was needed). */
    public record Applied(String run, double threshold, double accuracy, long labels, double expectedWrong,
            String annotator, String queue, long queueItems) {
    }

    private AutoLabeling() {
    }

    /** The queue the rest goes to unless another name is given. */
    public static String defaultQueue(String run) {
        return "below threshold: " + run;
    }

    /** The annotator that auto labels from {@code run} are written by. */
    public static String annotatorName(String run) {
        return "model:" + run;
    }

    /**
     * Auto-labels at the request's threshold (its given {@code threshold}, else the lowest that
     * keeps the target or HLP) and queues the rest as {@code queueName} (null: the default),
     * created by {@code author}.
     */
    public static Applied apply(ProjectStore store, AutomationLadder.Request request, String queueName, String author,
            JobContext context) {
        String queue = queueName == null || queueName.isBlank() ? defaultQueue(request.run()) : queueName.strip();
        context.message("Choosing the items to auto-label");
        context.progress(0, -1);
        Written written = store.write(tx -> write(tx, request, queue, context));
        // The labels are committed; the queue is one more short transaction, not cancelled half-way.
        long queued = 0;
        if (!written.restKeys().isEmpty()) {
            context.message("Queueing the " + written.restKeys().size() + " unlabeled items left for people");
            QueueDefinition definition = new QueueDefinition(queue, QueueScope.keys(written.restKeys()),
                    QueueStrategy.SEQUENTIAL, 1, 0, List.of());
            queued = new QueueService().create(store, definition, author, null, uncancellable(context)).items();
        }
        return new Applied(written.run(), written.threshold(), written.accuracy(), written.labels(),
                written.expectedWrong(), annotatorName(written.run()), queued == 0 ? null : queue, queued);
    }

    private record Written(String run, double threshold, double accuracy, long labels, double expectedWrong,
            List<String> restKeys) {
    }

    private static Written write(Transaction tx, AutomationLadder.Request request, String queue, JobContext context) {
        AutomationLadder.Ladder ladder = AutomationLadder.read(tx, request);
        AutomationLadder.Partial partial = ladder.partial();
        if (partial.threshold() == null || partial.atThreshold() == null) {
            throw new BadInputException("nothing applied: " + lowerFirst(partial.rung().verdict()));
        }
        if (partial.autoLabels() == 0) {
            throw new BadInputException(String.format(Locale.ROOT, "nothing to apply: no unlabeled item has a"
                    + " confidence at or above %s in run '%s'", AutomationLadder.number(partial.threshold()),
                    ladder.run()));
        }
        if (new QueueRepository().find(tx, queue).isPresent()) {
            throw new BadInputException("a queue named '" + queue + "' already exists; give another with --queue");
        }
        new QueueDefinition(queue, QueueScope.all(), QueueStrategy.SEQUENTIAL, 1, 0, List.of()); // checks the name
        String name = annotatorName(ladder.run());
        AnnotatorRepository annotators = new AnnotatorRepository();
        annotators.find(tx, name).filter(a -> !a.role().equals("model")).ifPresent(a -> {
            throw new BadInputException("annotator '" + name + "' exists as a " + a.role() + ", so auto labels"
                    + " cannot be written under that name");
        });
        Annotator model = annotators.findOrCreate(tx, name, "model");

        RunEvaluation evaluation = RunEvaluation.read(tx, ladder.run(), request.truth());
        Map<Integer, Long> classIds = new HashMap<>();
        List<LabelClass> schema = new LabelClassRepository().list(tx);
        for (int i = 0; i < schema.size(); i++) {
            classIds.put(i, schema.get(i).id());
        }
        AutoLabelRepository autoLabels = new AutoLabelRepository();
        long[] open = autoLabels.openItems(tx);
        double threshold = partial.threshold();
        List<AutoLabel> labels = new ArrayList<>();
        List<Long> rest = new ArrayList<>();
        for (long item : open) {
            int index = Arrays.binarySearch(evaluation.itemIds(), item);
            if (index >= 0 && evaluation.confidence()[index] >= threshold) {
                labels.add(new AutoLabel(item, classIds.get(evaluation.predicted()[index])));
            } else {
                rest.add(item);
            }
        }
        context.message("Writing " + labels.size() + " auto labels from run '" + ladder.run() + "'");
        Instant now = Instant.now();
        for (int from = 0; from < labels.size(); from += LABELS_PER_BATCH) {
            context.checkCancelled();
            int to = Math.min(labels.size(), from + LABELS_PER_BATCH);
            autoLabels.append(tx, model.id(), evaluation.run().id(), labels.subList(from, to), now);
            context.progress(to, labels.size());
        }
        List<String> restKeys = new ItemRepository().keysOf(tx, rest.stream().mapToLong(Long::longValue).toArray());
        context.checkCancelled(); // the last chance: after the commit the labels are there to stay
        return new Written(ladder.run(), threshold, partial.atThreshold().accuracy(), labels.size(),
                labels.size() * (1 - partial.atThreshold().accuracy()), restKeys);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** Passes progress on but never cancels: the step after a commit runs to its end. */
    private static JobContext uncancellable(JobContext context) {
        return new JobContext() {
            @Override
            public void progress(long done, long total) {
                context.progress(done, total);
            }

            @Override
            public void message(String text) {
                context.message(text);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
