package org.labelbench.labeling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.OpinionRepository;
import org.labelbench.project.OpinionRepository.CurrentAnswer;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.QueueRepository;
import org.labelbench.project.QueueRepository.AnnotatorWork;
import org.labelbench.project.QueueRepository.Completion;
import org.labelbench.project.QueueRepository.NewQueue;
import org.labelbench.project.QueueRepository.QueueEntry;
import org.labelbench.project.QueueRepository.StoredQueue;
import org.labelbench.project.TagRepository;
import org.labelbench.project.Transaction;

/** Creates queues, resolves their items and order once, and reports their progress. */
public final class QueueService {
    /** Queue items written per batch; cancelling is checked between batches. */
    private static final int ITEMS_PER_BATCH = 10_000;

    private final ItemRepository items = new ItemRepository();
    private final TagRepository tags = new TagRepository();
    private final QueueRepository queues = new QueueRepository();
    private final OpinionRepository opinions = new OpinionRepository();
    private final PredictionRepository predictions = new PredictionRepository();

    public Queue create(ProjectStore store, QueueDefinition definition, String createdBy) {
        return create(store, definition, createdBy, null);
    }

    /** Creates a queue; with a {@code priority} its items are served highest score first. */
    public Queue create(ProjectStore store, QueueDefinition definition, String createdBy, ItemPriority priority) {
        return create(store, definition, createdBy, priority, JobContext.silent());
    }

    /**
     * Creates a queue as a job: progress is the items written, and a cancel (checked between
     * batches) rolls the one transaction back, so no part of the queue is left behind.
     */
    public Queue create(ProjectStore store, QueueDefinition definition, String createdBy, ItemPriority priority,
            JobContext context) {
        return store.write(tx -> {
            if (queues.find(tx, definition.name()).isPresent()) {
                throw new BadInputException("a queue named '" + definition.name() + "' already exists");
            }
            Long suggestionsRun = suggestionsRun(tx, definition);
            context.message("Choosing the items of queue '" + definition.name() + "'");
            context.progress(0, -1);
            List<Long> ids = resolve(tx, definition.scope());
            context.checkCancelled();
            List<QueueEntry> ordered = order(tx, definition, ids);
            if (priority != null) {
                Map<Long, Double> scores = priority.scores(tx, ordered.stream().map(QueueEntry::item).toList());
                ordered.sort(Comparator.comparingDouble(e -> -scores.getOrDefault(e.item(), Double.NEGATIVE_INFINITY)));
            }
            if (ordered.isEmpty()) {
                throw new BadInputException("queue '" + definition.name() + "' would cover no items: "
                        + switch (definition.strategy()) {
                            case NEEDS_LABELS -> "every item in " + definition.scope().describe() + " has "
                                    + definition.overlap() + " or more labels";
                            case DISAGREEMENTS -> "no item in " + definition.scope().describe()
                                    + " has disagreeing labels";
                            default -> definition.scope().describe() + " matches nothing";
                        });
            }
            context.checkCancelled();
            long queueId = queues.insert(tx, new NewQueue(definition.name(), definition.strategy().id(),
                    definition.overlap(), definition.seed(), describe(definition.scope(), priority), definition.annotators(),
                    Instant.now(), createdBy, suggestionsRun));
            context.message("Writing " + ordered.size() + " items of queue '" + definition.name() + "'");
            for (int from = 0; from < ordered.size(); from += ITEMS_PER_BATCH) {
                context.checkCancelled();
                int to = Math.min(ordered.size(), from + ITEMS_PER_BATCH);
                queues.addItems(tx, queueId, from, ordered.subList(from, to));
                context.progress(to, ordered.size());
            }
            context.checkCancelled();
            return find(tx, definition.name()).orElseThrow();
        });
    }

    /**
     * The id of the run whose suggestions the queue shows, or null. Refused: an unknown run, a
     * multi-label project (a prediction is one class; an answer there is a set), and a
     * disagreements queue (working it adjudicates: the gold is a reviewer's, not a model's).
     */
    private Long suggestionsRun(Transaction tx, QueueDefinition definition) {
        String run = definition.suggestionsRun();
        if (run == null) {
            return null;
        }
        long id = predictions.findRun(tx, run).map(PredictionRun::id)
                .orElseThrow(() -> new BadInputException("no prediction run named '" + run + "'"));
        if (ProjectMeta.isMultiLabel(tx)) {
            throw new BadInputException("suggestions from run '" + run + "' cannot be shown in a multi-label project:"
                    + " a prediction is one class, an answer there is a set");
        }
        if (definition.strategy() == QueueStrategy.DISAGREEMENTS) {
            throw new BadInputException("a disagreements queue adjudicates; it does not show suggestions (run '"
                    + run + "')");
        }
        return id;
    }

    /** The scope as stored and listed, with the priority's order when it says one. */
    private static String describe(QueueScope scope, ItemPriority priority) {
        String order = priority == null ? null : priority.describe();
        return order == null ? scope.describe() : scope.describe() + ", " + order;
    }

    /** What a re-rank did: the items it ordered again, and by what. */
    public record Reranked(String queue, int items, String order) {
    }

    /**
     * Orders the queue's never-served items by {@code priority}, highest score first (items it
     * has no score for keep their order, after the scored ones), in one transaction. Items
     * already served to someone, done or open, never move, so no labeler's current or past item
     * changes under them.
     */
    public Reranked rerank(ProjectStore store, String queueName, ItemPriority priority) {
        return store.write(tx -> {
            QueueRepository queues = new QueueRepository();
            QueueRepository.StoredQueue queue = queues.find(tx, queueName)
                    .orElseThrow(() -> new BadInputException("no queue named '" + queueName + "'"));
            List<Long> items = queues.unservedItems(tx, queue.id());
            Map<Long, Double> scores = priority.scores(tx, items);
            List<Long> ordered = new ArrayList<>(items);
            ordered.sort(Comparator.comparing((Long item) -> scores.containsKey(item) ? 0 : 1)
                    .thenComparing(item -> -scores.getOrDefault(item, 0.0)));
            queues.moveToEnd(tx, queue.id(), ordered);
            return new Reranked(queueName, ordered.size(), priority.describe());
        });
    }

    public List<Queue> list(ProjectStore store) {
        return store.read(tx -> queues.list(tx).stream().map(QueueService::toQueue).toList());
    }

    public Queue get(ProjectStore store, String name) {
        return store.read(tx -> find(tx, name)).orElseThrow(() -> new BadInputException("no queue named '" + name + "'"));
    }

    static Optional<Queue> find(Transaction tx, String name) {
        return new QueueRepository().find(tx, name).map(QueueService::toQueue);
    }

    public QueueProgress progress(ProjectStore store, String name) {
        return store.read(tx -> {
            Queue queue = find(tx, name).orElseThrow(() -> new BadInputException("no queue named '" + name + "'"));
            Completion completion = queues.completion(tx, queue.id());
            List<AnnotatorProgress> annotators = new ArrayList<>();
            long done = 0;
            long skipped = 0;
            for (AnnotatorWork work : queues.annotatorWork(tx, queue.id())) {
                Double perHour = work.timed() == 0 || work.timedMs() <= 0 ? null
                        : work.timed() * 3_600_000.0 / work.timedMs();
                Double medianSeconds = queues.medianDurationMs(tx, queue.id(), work.annotatorId(), work.timed())
                        .map(ms -> ms / 1000.0).orElse(null);
                annotators.add(new AnnotatorProgress(work.annotator(), work.done(), work.skipped(), perHour,
                        medianSeconds));
                done += work.done();
                skipped += work.skipped();
            }
            return new QueueProgress(queue, queue.items(), completion.completeItems(), completion.labelsWanted(), done,
                    skipped, annotators);
        });
    }

    private List<Long> resolve(Transaction tx, QueueScope scope) {
        if (scope.tag() != null) {
            long tag = tags.idOf(tx, scope.tag())
                    .orElseThrow(() -> new BadInputException("no tag named '" + scope.tag() + "'"));
            return tags.itemIdsInKeyOrder(tx, tag);
        }
        if (scope.keys() == null) {
            return items.ids(tx, scope.filter());
        }
        Map<String, Long> ids = items.idsByKey(tx, scope.keys());
        List<String> unknown = scope.keys().stream().filter(k -> !ids.containsKey(k)).toList();
        if (!unknown.isEmpty()) {
            throw new BadInputException("no item with key '" + unknown.get(0) + "'"
                    + (unknown.size() > 1 ? " (and " + (unknown.size() - 1) + " more unknown keys)" : ""));
        }
        return scope.keys().stream().map(ids::get).distinct().toList();
    }

    /** The queue's items in serving order, each with the labels it needs from the queue. */
    private List<QueueEntry> order(Transaction tx, QueueDefinition definition, List<Long> ids) {
        int overlap = definition.overlap();
        List<QueueEntry> ordered = new ArrayList<>(ids.size());
        switch (definition.strategy()) {
            case SEQUENTIAL -> ids.forEach(id -> ordered.add(new QueueEntry(id, overlap)));
            case RANDOM -> {
                List<Long> shuffled = new ArrayList<>(ids);
                // java.util.Random's sequence is specified, so a seed gives the same order everywhere.
                Collections.shuffle(shuffled, new Random(definition.seed()));
                shuffled.forEach(id -> ordered.add(new QueueEntry(id, overlap)));
            }
            case NEEDS_LABELS -> {
                Map<Long, List<String>> labels = currentAnswers(tx, new HashSet<>(ids));
                for (long id : ids) {
                    int have = labels.getOrDefault(id, List.of()).size();
                    if (have < overlap) {
                        ordered.add(new QueueEntry(id, overlap - have));
                    }
                }
                // Closest to complete first, so overlap is reached on some items before new ones start.
                ordered.sort(Comparator.comparingLong(QueueEntry::need));
            }
            case DISAGREEMENTS -> {
                Map<Long, List<String>> labels = currentAnswers(tx, new HashSet<>(ids));
                List<double[]> contested = new ArrayList<>();
                for (long id : ids) {
                    List<String> answers = labels.getOrDefault(id, List.of());
                    double modalShare = modalShare(answers);
                    if (answers.size() >= 2 && modalShare < 1.0) {
                        contested.add(new double[] {id, modalShare, answers.size()});
                    }
                }
                // Most contested first: the smallest share for the most common answer, then more raters.
                contested.sort(Comparator.<double[]>comparingDouble(e -> e[1]).thenComparingDouble(e -> -e[2]));
                contested.forEach(e -> ordered.add(new QueueEntry((long) e[0], overlap)));
            }
            default -> throw new IllegalStateException(definition.strategy().toString());
        }
        return ordered;
    }

    private static double modalShare(List<String> answers) {
        if (answers.isEmpty()) {
            return 1.0;
        }
        Map<String, Integer> counts = new HashMap<>();
        answers.forEach(a -> counts.merge(a, 1, Integer::sum));
        return (double) Collections.max(counts.values()) / answers.size();
    }

    /**
     * Each annotator's current answer per item, as text that is equal for equal answers: a
     * class id, or the set of ids for multi-label ({@code {3,7}}). Current opinions only
     * ({@link org.labelbench.project.Opinions}): adjudications and models are not counted.
     */
    private Map<Long, List<String>> currentAnswers(Transaction tx, Set<Long> scope) {
        Map<Long, List<String>> answers = new HashMap<>();
        opinions.currentAnswers(tx, scope).forEach((item, current) -> answers.put(item,
                current.stream().map(QueueService::answerText).toList()));
        return answers;
    }

    private static String answerText(CurrentAnswer answer) {
        if (!answer.isSet()) {
            return String.valueOf(answer.labelClass());
        }
        StringBuilder text = new StringBuilder("{");
        for (long id : answer.classSet()) {
            text.append(text.length() > 1 ? "," : "").append(id);
        }
        return text.append('}').toString();
    }

    private static Queue toQueue(StoredQueue stored) {
        return new Queue(stored.id(), stored.name(), QueueStrategy.parse(stored.strategy()), stored.overlap(),
                stored.seed(), stored.scope(), stored.annotators(), stored.created(), stored.createdBy(),
                stored.items(), stored.suggestionsRunId(), stored.suggestionsRun());
    }
}
