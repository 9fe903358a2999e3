package org.labelbench.ui.analysis;

import org.labelbench.project.Transaction;
import java.nio.file.Path;
import java.util.List;
import org.labelbench.agreement.SingleLabelOnly;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.PredictionService;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.PredictionService.ImportedRun;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.RunComparison;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.SliceAudit;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.TagMembership;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.RuleTagService;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.TagService;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.TagService.TagChange;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.TruthSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.Queue;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueService;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.TagRepository;
import org.labelbench.project.TagRepository.TagInfo;

/**
 * What the Error analysis view reads and changes, over one open project. Every method runs off
 * the FX thread; each change is one service call (one transaction).
 */
public final class AnalysisCatalog {
    private final ProjectStore store;
    private final PredictionService predictions = new PredictionService();
    private final TagService tags = new TagService();
    private final QueueService queues = new QueueService();
    private final ItemRepository items = new ItemRepository();
    private final AnnotationRepository annotations = new AnnotationRepository();
    private final TagRepository tagRepository = new TagRepository();
    private final RuleTagService ruleTags = new RuleTagService();

    /** The run against the truth, with the tags and the stamp of the labels it was read with. */
    record Evaluated(RunEvaluation evaluation, TagMembership membership, List<TagInfo> tagInfos, long labelsStamp) {
    }

    /** Two runs compared, with the keys of the first items each alone gets right. */
    record Compared(RunComparison comparison, List<String> onlyFirstRight, List<String> onlySecondRight) {
    }

    public AnalysisCatalog(ProjectStore store) {
        this.store = store;
    }

    public List<PredictionRun> runs() {
        return predictions.runs(store);
    }

    /** Changes whenever the ground truth could: the store's one stamp of the labels. */
    public long labelsStamp() {
        return store.read(annotations::labelsStamp);
    }

    /** Reads the run against the truth and the tags in one snapshot (seconds on a million items). */
    Evaluated evaluate(String run, TruthSource truth) {
        return store.read(tx -> {
            SingleLabelOnly.require(tx, "error analysis");
            return new Evaluated(RunEvaluation.read(tx, run, truth), TagMembership.read(tx), tagRepository.list(tx),
                    annotations.labelsStamp(tx));
        });
    }

    /** The tags again (after a tagging): which items carry each, and their kinds. */
    Evaluated retag(Evaluated previous) {
        return store.read(tx -> new Evaluated(previous.evaluation(), TagMembership.read(tx),
                tagRepository.list(tx), previous.labelsStamp()));
    }

    public List<ErrorSheet.Row> page(ErrorSheet sheet, int offset, int limit) {
        return store.read(tx -> sheet.page(tx, offset, limit));
    }

    /** One item's class probabilities in a run, most probable first (empty: the run has none). */
    public List<org.labelbench.analysis.ItemProbabilities.ClassProbability> probabilities(String run, long itemId) {
        return store.read(tx -> org.labelbench.analysis.ItemProbabilities.of(tx, run, itemId));
    }

    public TagChange addTag(String tag, List<String> keys, String author) {
        return tags.add(store, tag, keys, author);
    }

    public TagChange removeTag(String tag, List<String> keys) {
        return tags.remove(store, tag, keys);
    }

    /** Creates a queue in one transaction, as a job: a cancel rolls it back. */
    public Queue createQueue(QueueDefinition definition, String createdBy, JobContext context) {
        return queues.create(store, definition, createdBy, null, context);
    }

    /** Tags the run's likely label errors (confident learning against {@code truth}); returns the tag and count. */
    public LabelErrors.Found tagLabelErrors(String run, TruthSource truth, String author) {
        return LabelErrors.tag(store, run, truth, LabelErrors.defaultTag(run), author);
    }

    /** Defines (or redefines) a rule tag over {@code run}'s predictions; returns how many items it tags. */
    public int defineRuleTag(String name, String expression, String run, String author) {
        return ruleTags.defineRule(store, name, expression, run, author).items();
    }

    /** One metadata tag per value of the attribute; returns how many tags. */
    public int tagsFromAttribute(String attribute, String author) {
        return ruleTags.fromAttribute(store, attribute, author).itemsByTag().size();
    }

    public List<String> attributeNames() {
        return store.read(items::attributeNames);
    }

    /** The slice audit of the run as read (its truth), over every attribute: worst first. */
    /** The run read again with its probabilities (refused when it has none), for precision and recall of one class. */
    RunEvaluation withProbabilities(RunEvaluation evaluation) {
        return store.read(tx -> {
            RunEvaluation read = RunEvaluation.read(tx, evaluation.run().name(), evaluation.truth().source(), true);
            if (!read.hasProbabilities()) {
                throw new org.labelbench.project.BadInputException("run '" + evaluation.run().name() + "' has no"
                        + " probabilities: import them as p_<class> columns to see precision and recall per class");
            }
            return read;
        });
    }

    List<SliceAudit.Slice> sliceAudit(RunEvaluation evaluation) {
        return store.read(tx -> SliceAudit.of(tx, evaluation, List.of()));
    }

    /**
     * The run as read against run {@code other} read with the same truth, with the keys of the
     * first {@code examples} items only one of them gets right.
     */
    Compared compare(RunEvaluation evaluation, TagMembership membership, String other, int examples) {
        return store.read(tx -> {
            RunComparison comparison = RunComparison.of(evaluation, RunEvaluation.read(tx, other,
                    evaluation.truth().source()), membership);
            return new Compared(comparison, keys(tx, first(comparison.onlyFirstRightItems(), examples)),
                    keys(tx, first(comparison.onlySecondRightItems(), examples)));
        });
    }

    private static long[] first(long[] items, int count) {
        return java.util.Arrays.copyOf(items, Math.min(items.length, Math.max(0, count)));
    }

    public ImportedRun importRun(String name, Path file, JobContext context) {
        return predictions.importFile(store, name, file, null, context);
    }

    private List<String> keys(Transaction tx, long[] itemIds) {
        return items.keysOf(tx, itemIds);
    }
}
