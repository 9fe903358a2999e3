package org.labelbench.labeling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.Annotator;
import org.labelbench.project.AssignmentRepository;
import org.labelbench.project.AssignmentRepository.Assignment;
import org.labelbench.project.AssignmentRepository.Candidate;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.GuidelineRepository;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LatestAnswerRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.Opinions;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.StatementCache;
import org.labelbench.project.Transaction;

/**
 * One annotator working one queue. Every answer is committed, with the choice of the next item,
 * in one transaction before the next item is returned, so what the labeler saw accepted is on
 * disk. Assignments are rows: reopening the queue resumes at the item left open, and an item is
 * never served to the same annotator twice in a queue (going back shows it again, by design).
 *
 * <p>Not for concurrent use: the workbench calls it from one background thread.
 */
public final class LabelingSession implements AutoCloseable {
    private final ProjectStore store;
    private final Queue queue;
    private final Annotator annotator;
    private final LabelSchemaService schemas;
    /** Every keypress runs the same dozen statements: prepared once per connection. */
    private final StatementCache statements = new StatementCache();
    private final ItemRepository items = new ItemRepository(statements);
    private final AnnotationRepository annotations = new AnnotationRepository(statements);
    private final AssignmentRepository assignments = new AssignmentRepository(statements);
    private final LatestAnswerRepository latestAnswers = new LatestAnswerRepository(statements);
    private final GuidelineRepository guidelines = new GuidelineRepository(statements);
    private final PredictionRepository predictions = new PredictionRepository(statements);
    private LabelSchema schema;
    /** The furthest queue position served to this annotator: read once, then kept here (one session per annotator). */
    private Long cursor;
    private Long maxSeq;
    private QueueTask shown;
    private Instant shownAt;
    /**
     * A jump is a detour: the sequence number of the item on screen before it (null: no detour)
     * and the item jumped to. Answering that item returns to where the labeler was.
     */
    private Long detourFrom;
    private long detourItem = -1;

    private LabelingSession(ProjectStore store, Queue queue, Annotator annotator, LabelSchemaService schemas) {
        this.store = store;
        this.queue = queue;
        this.annotator = annotator;
        this.schemas = schemas;
        this.schema = schemas.schema(store);
    }

    /**
     * Opens {@code queueName} for {@code annotatorName} (created with {@code role} on first use)
     * and shows the item they left open, or the next one.
     */
    public static LabelingSession open(ProjectStore store, String queueName, String annotatorName, String role) {
        Queue queue = new QueueService().get(store, queueName);
        String name = annotatorName == null ? "" : annotatorName.strip();
        if (!queue.mayWork(name)) {
            throw new BadInputException("'" + name + "' may not work queue '" + queue.name() + "' (it is for "
                    + String.join(", ", queue.annotators()) + ")");
        }
        Annotator annotator = store.write(tx -> new AnnotatorRepository().findOrCreate(tx, name, role));
        if (!List.of("labeler", "reviewer", "lead").contains(annotator.role())) {
            throw new BadInputException("'" + name + "' is a " + annotator.role() + " source, not a person who labels");
        }
        LabelingSession session = new LabelingSession(store, queue, annotator, new LabelSchemaService());
        session.resume();
        return session;
    }

    public Queue queue() {
        return queue;
    }

    public Annotator annotator() {
        return annotator;
    }

    public LabelSchema schema() {
        return schema;
    }

    /** Re-reads the schema (after a lead changed a class while this session was open). */
    public LabelSchema reloadSchema() {
        schema = schemas.schema(store);
        return schema;
    }

    /** The item on screen; empty when the queue has nothing more for this annotator. */
    public Optional<QueueTask> current() {
        return Optional.ofNullable(shown);
    }

    /** Restarts the time on the shown item (the view calls it once the item is rendered). */
    public void markShown() {
        shownAt = Instant.now();
    }

    /**
     * Records {@code decision} on the shown item and moves on; returns the next item, if any. A
     * decision that accepts a suggestion must be the shown item's suggestion.
     */
    public Optional<QueueTask> submit(LabelDecision decision) {
        QueueTask task = requireShown();
        if (decision.acceptsSuggestion() && (task.suggestion() == null
                || !decision.classIds().equals(List.of(task.suggestion().classId())))) {
            throw new BadInputException("item '" + task.item().key() + "' has no such suggestion to accept"
                    + (task.suggestion() == null ? " (run " + queue.suggestionsRun() + " did not predict it)" : ""));
        }
        List<String> classNames = validate(decision);
        Instant now = Instant.now();
        long durationMs = Math.max(0, Duration.between(shownAt, now).toMillis());
        QueueTask next = write(tx -> {
            SubmittedLabel own = task.own();
            if (own != null && !task.isOpen() && own.sameAs(decision, classNames)) {
                return following(tx, task);
            }
            Integer guideline = guidelines.currentVersion(tx).orElse(null);
            boolean multi = schema.multiLabel() && !decision.isSkip();
            NewAnnotation annotation = new NewAnnotation(task.item().id(), annotator.id(),
                    decision.isSkip() ? "skip" : multi ? "multi" : "class",
                    decision.isSkip() || multi ? null : decision.classIds().get(0),
                    decision.isSkip() ? decision.skipReason() : null, guideline,
                    decision.acceptsSuggestion() ? Opinions.ACCEPTED_SUGGESTION : origin(), shownAt, now, durationMs,
                    decision.unsure(), SubmittedLabel.blankToNull(decision.note()),
                    SubmittedLabel.blankToNull(decision.transcript()), multi ? decision.classIds() : List.of(),
                    own == null ? null : own.annotationId(),
                    // Accepted or not, an answer given with a suggestion on screen records its run.
                    task.suggestion() == null ? null : task.suggestion().runId());
            long id = annotations.appendOne(tx, annotation);
            assignments.finish(tx, queue.id(), annotator.id(), task.item().id(), decision.isSkip() ? "skipped" : "done",
                    now, id);
            return following(tx, task);
        });
        endDetour();
        show(next);
        return current();
    }

    /**
     * What comes after answering {@code task}: back to where the labeler was when it was a jump's
     * target; after an item served new, the next open or new one (a jump target further on in the
     * history is not shown again); after an item from the history, the history's next.
     */
    private QueueTask following(Transaction tx, QueueTask task) {
        if (detourFrom != null && task.item().id() == detourItem) {
            QueueTask before = task(tx, assignments.atSeq(tx, queue.id(), annotator.id(), detourFrom));
            if (before != null && before.item().id() != task.item().id()) {
                return before;
            }
        }
        return nextAfter(tx, task.seq(), !task.isOpen());
    }

    private void endDetour() {
        detourFrom = null;
        detourItem = -1;
    }

    /** Goes back to the item before the shown one in this annotator's sequence (undo). */
    public Optional<QueueTask> back() {
        long from = shown == null ? Long.MAX_VALUE : shown.seq();
        QueueTask previous = store.read(tx -> task(tx, assignments.lastBefore(tx, queue.id(), annotator.id(), from)));
        if (previous != null) {
            endDetour();
            show(previous);
        }
        return current();
    }

    /** Goes forward in the sequence after going back; past the end it serves the next item. */
    public Optional<QueueTask> forward() {
        if (shown == null) {
            return current();
        }
        show(write(tx -> nextAfter(tx, shown.seq(), true)));
        endDetour();
        return current();
    }

    /** Returns to the frontier: the item left open, or a new one. */
    public Optional<QueueTask> resume() {
        show(write(tx -> nextAfter(tx, Long.MAX_VALUE, false)));
        endDetour();
        return current();
    }

    /**
     * Shows the item with that key (or the one key in the queue starting with it): one done
     * before, or a new one the queue still needs labels on. A detour: answering it returns to the
     * item shown before, and the queue goes on from where it was (nothing is passed over).
     */
    public Optional<QueueTask> jumpTo(String key) {
        String typed = key.strip();
        QueueTask target = write(tx -> {
            Item item = items.findByKey(tx, typed).orElse(null);
            if (item == null) {
                List<String> completions = keysStartingWith(tx, typed, 6);
                if (completions.size() != 1) {
                    throw new BadInputException("no item with key '" + typed + "'" + (completions.isEmpty() ? ""
                            : "; in queue '" + queue.name() + "' it starts " + String.join(", ",
                                    completions.subList(0, Math.min(5, completions.size())))
                                    + (completions.size() > 5 ? ", …" : "")));
                }
                item = items.findByKey(tx, completions.get(0)).orElseThrow();
            }
            Item found = item;
            long position = assignments.positionOf(tx, queue.id(), item.id()).orElseThrow(() -> new BadInputException(
                    "item '" + found.key() + "' is not in queue '" + queue.name() + "'"));
            QueueTask mine = task(tx, assignments.firstOf(tx, queue.id(), annotator.id(), item.id()));
            if (mine != null) {
                return mine;
            }
            if (!assignments.isCandidate(tx, queue.id(), annotator.id(), item.id(), asksEachAnnotatorOnce())) {
                throw new BadInputException("item '" + item.key() + "' already has all the labels queue '"
                        + queue.name() + "' asks for");
            }
            return assign(tx, item.id(), position, false);
        });
        if (detourFrom == null && shown != null && shown.item().id() != target.item().id()) {
            detourFrom = shown.seq();
        }
        detourItem = target.item().id();
        show(target);
        return current();
    }

    /** Keys of this queue's items that start with {@code prefix}, in key order, at most {@code limit}. */
    public List<String> completeKey(String prefix, int limit) {
        String typed = prefix == null ? "" : prefix.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        return store.read(tx -> keysStartingWith(tx, typed, limit));
    }

    private List<String> keysStartingWith(Transaction tx, String prefix, int limit) {
        return assignments.keysStartingWith(tx, queue.id(), prefix, limit);
    }

    /** The items likely to come next, for prefetching; nothing is reserved. */
    public List<Item> upcoming(int count) {
        long after = shown == null ? Long.MAX_VALUE : shown.seq();
        long shownItem = shown == null ? -1 : shown.item().id();
        return store.read(tx -> {
            List<Long> ids = new ArrayList<>(assignments.upcoming(tx, queue.id(), annotator.id(), after, shownItem,
                    count));
            if (ids.size() < count) {
                for (Candidate candidate : eligible(tx, cursor(tx), count - ids.size())) {
                    ids.add(candidate.item());
                }
            }
            List<Item> upcoming = new ArrayList<>();
            for (long id : ids) {
                items.findById(tx, id).ifPresent(upcoming::add);
            }
            return upcoming;
        });
    }

    /** Items this annotator has labeled in the queue; a skip is not a label. */
    public long finishedByMe() {
        return store.read(tx -> assignments.doneCount(tx, queue.id(), annotator.id()));
    }

    /** A write transaction; if it fails, what the session keeps in memory is read again next time. */
    private <T> T write(org.labelbench.project.StoreWork<T> work) {
        try {
            return store.write(work);
        } catch (RuntimeException | Error e) {
            cursor = null;
            maxSeq = null;
            throw e;
        }
    }

    /** Releases the cached statements; the store stays open. */
    @Override
    public void close() {
        statements.close();
    }

    private String origin() {
        return queue.strategy() == QueueStrategy.DISAGREEMENTS ? Opinions.ADJUDICATED : "human";
    }

    private QueueTask requireShown() {
        if (shown == null) {
            throw new BadInputException("queue '" + queue.name() + "' has nothing more for " + annotator.name());
        }
        return shown;
    }

    private void show(QueueTask task) {
        shown = task;
        shownAt = Instant.now();
    }

    /** Checks the decision against the schema; returns its class names in schema order. */
    private List<String> validate(LabelDecision decision) {
        if (decision.isSkip()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (long id : decision.classIds()) {
            LabelClass labelClass = schema.byId(id).orElseGet(() -> reloadSchema().byId(id)
                    .orElseThrow(() -> new BadInputException("class id " + id + " is not in the schema")));
            if (labelClass.retired()) {
                throw new BadInputException("class '" + labelClass.name() + "' is retired");
            }
            names.add(labelClass.name());
        }
        if (!schema.multiLabel() && names.size() != 1) {
            throw new BadInputException("a single-label project takes exactly one class, not " + names.size());
        }
        return schema.classes().stream().map(LabelClass::name).filter(names::contains).toList();
    }

    /**
     * The item after {@code seq}: the next one in this annotator's history (after going back,
     * when {@code walkHistory}), else the item they left open, else a newly reserved one; null
     * when the queue is done.
     */
    private QueueTask nextAfter(Transaction tx, long seq, boolean walkHistory) {
        // At the end of the history (the usual case) there is nothing later to look up.
        QueueTask later = !walkHistory || seq >= maxSeq(tx) ? null
                : task(tx, assignments.firstAfter(tx, queue.id(), annotator.id(), seq));
        if (later != null) {
            return later;
        }
        QueueTask open = task(tx, assignments.firstOpenExcept(tx, queue.id(), annotator.id(), seq));
        if (open != null) {
            return open;
        }
        List<Candidate> next = eligible(tx, cursor(tx), 1);
        if (next.isEmpty()) {
            // Items passed over while full can free up when someone skips them: one look from the start.
            next = eligible(tx, -1, 1);
        }
        return next.isEmpty() ? null : assign(tx, next.get(0).item(), next.get(0).position(), true);
    }

    /** The highest sequence number of this annotator in the queue: read once, then kept here. */
    private long maxSeq(Transaction tx) {
        if (maxSeq == null) {
            maxSeq = assignments.highestSeq(tx, queue.id(), annotator.id()).orElse(0L);
        }
        return maxSeq;
    }

    /**
     * Where the queue goes on for this annotator: the position before the next new item (queue
     * order is fixed). Read once, then kept; not moved by a jump, which reserves an item out of
     * order, so read again it is also never past the first item still eligible.
     */
    private long cursor(Transaction tx) {
        if (cursor == null) {
            long furthest = assignments.highestPosition(tx, queue.id(), annotator.id()).orElse(-1L);
            List<Candidate> first = eligible(tx, -1, 1);
            cursor = first.isEmpty() ? furthest : Math.min(furthest, first.get(0).position() - 1);
        }
        return cursor;
    }

    /**
     * A needs-labels queue counts labels made anywhere, so an annotator who answered an item
     * (in another queue or an import) is not asked again.
     */
    private boolean asksEachAnnotatorOnce() {
        return queue.strategy() == QueueStrategy.NEEDS_LABELS;
    }

    /** Items after {@code afterPosition} that this annotator may take, in queue order. */
    private List<Candidate> eligible(Transaction tx, long afterPosition, int limit) {
        return assignments.candidates(tx, queue.id(), annotator.id(), afterPosition, asksEachAnnotatorOnce(), limit);
    }

    /**
     * Reserves an item for this annotator: an open assignment at the end of their sequence;
     * {@code inOrder} false for a jump, which leaves the queue's place where it was.
     */
    private QueueTask assign(Transaction tx, long itemId, long position, boolean inOrder) {
        long seq = maxSeq(tx) + 1;
        assignments.open(tx, queue.id(), annotator.id(), itemId, position, seq, Instant.now());
        // Kept in memory from here; a failed transaction makes the session re-read both (see write).
        if (inOrder) {
            cursor = Math.max(cursor(tx), position);
        }
        maxSeq = seq;
        return task(tx, itemId, seq, "open");
    }

    /** The assignment as a task, or null when there is none. */
    private QueueTask task(Transaction tx, Optional<Assignment> assignment) {
        return assignment.map(a -> task(tx, a.item(), a.seq(), a.state())).orElse(null);
    }

    private QueueTask task(Transaction tx, long itemId, long seq, String state) {
        Item item = items.findById(tx, itemId).orElseThrow();
        List<CurrentLabel> others = List.of();
        if (queue.strategy() == QueueStrategy.DISAGREEMENTS) {
            others = annotations.currentLabels(tx, List.of(itemId)).getOrDefault(itemId, List.of()).stream()
                    .filter(l -> !l.annotator().equals(annotator.name())).toList();
        }
        Map<String, String> attributes = items.attributes(tx, List.of(itemId)).getOrDefault(itemId, Map.of());
        return new QueueTask(item, seq, state, ownLabel(tx, itemId), others, attributes, suggestion(tx, itemId));
    }

    /**
     * The queue's run's prediction for the item as a suggestion; null when the queue shows none,
     * the run did not predict the item, or predicted a class that is retired (it cannot be given).
     */
    private Suggestion suggestion(Transaction tx, long itemId) {
        if (!queue.showsSuggestions()) {
            return null;
        }
        return predictions.predictionOf(tx, queue.suggestionsRunId(), itemId).flatMap(p -> schema.byId(p.labelClass())
                .filter(c -> !c.retired())
                .map(c -> new Suggestion(queue.suggestionsRunId(), queue.suggestionsRun(), c.id(), c.name(),
                        p.confidence())))
                .orElse(null);
    }

    /** This annotator's newest annotation on the item, whatever queue or import it came from. */
    private SubmittedLabel ownLabel(Transaction tx, long itemId) {
        return latestAnswers.latest(tx, itemId, annotator.id())
                .map(a -> new SubmittedLabel(a.annotationId(), a.kind(), a.classes(), a.unsure(), a.note(),
                        a.transcript(), "skip".equals(a.kind()) ? a.value() : null, a.guidelineVersion()))
                .orElse(null);
    }
}
