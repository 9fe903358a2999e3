package org.labelbench.analysis;

import java.util.ArrayList;
import java.util.List;
import org.labelbench.agreement.Ratings;
import org.labelbench.agreement.SingleLabelOnly;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.Transaction;

/**
 * The items whose label a prediction run most doubts, by {@link ConfidentLearning} on the run's
 * probabilities as given, against the ground truth (adjudicated, else majority, or one
 * annotator). Only items with both a truth and probabilities take part. The probabilities should
 * be out-of-sample (a model that trained on an item has seen its label); the run is used as is.
 */
public final class LabelErrors {
    /** One likely error: the item, the label it has, the label the run suggests, and P(given label). */
    public record LabelError(long item, String key, String given, String suggested, double selfConfidence) {
    }

    /** The issues, worst first, with what they were found among. */
    public record Found(String run, long itemsConsidered, List<String> classes, long[][] confidentJoint,
            List<LabelError> errors) {
    }

    private LabelErrors() {
    }

    public static Found find(Transaction tx, String runName, TruthSource truth) {
        SingleLabelOnly.require(tx, "label errors");
        RunEvaluation evaluation = RunEvaluation.read(tx, runName, truth, true);
        if (!evaluation.hasProbabilities()) {
            throw new BadInputException("run '" + runName + "' has no probabilities: finding label errors needs each"
                    + " class's probability (p_<class> columns when importing)");
        }
        int k = evaluation.classes().size();
        float[] all = evaluation.probabilities();
        int[] rows = new int[evaluation.itemIds().length];
        int considered = 0;
        for (int i = 0; i < evaluation.itemIds().length; i++) {
            if (evaluation.truthCodes()[i] != Ratings.MISSING && hasProbabilities(all, i, k)) {
                rows[considered++] = i;
            }
        }
        if (considered == 0) {
            throw new BadInputException("run '" + runName + "': no item has both a ground truth and probabilities");
        }
        int[] labels = new int[considered];
        float[] probabilities = new float[considered * k];
        for (int r = 0; r < considered; r++) {
            int i = rows[r];
            labels[r] = evaluation.truthCodes()[i];
            for (int c = 0; c < k; c++) {
                float p = all[i * k + c];
                probabilities[r * k + c] = Float.isNaN(p) ? 0 : p; // a class the run has no column for
            }
        }
        ConfidentLearning.Result result = ConfidentLearning.find(labels, probabilities, k);
        long[] ids = result.issues().stream().mapToLong(issue -> evaluation.itemIds()[rows[issue.row()]]).toArray();
        List<String> keys = new ItemRepository().keysOf(tx, ids);
        List<LabelError> errors = new ArrayList<>(ids.length);
        for (int e = 0; e < ids.length; e++) {
            ConfidentLearning.Issue issue = result.issues().get(e);
            errors.add(new LabelError(ids[e], keys.get(e), evaluation.classes().get(issue.given()),
                    evaluation.classes().get(issue.suggested()), issue.selfConfidence()));
        }
        return new Found(runName, considered, evaluation.classes(), result.confidentJoint(), List.copyOf(errors));
    }

    /** The name a run's likely label errors are tagged with unless another is given. */
    public static String defaultTag(String run) {
        return "label errors: " + run;
    }

    /**
     * Finds the run's likely label errors and makes them the members of manual tag {@code tag}, in
     * one transaction (found again, the tag follows: items no longer doubted leave it). The tag
     * table, the error sheet's tag filter and "Create queue" then work on them as on any tag.
     */
    public static Found tag(ProjectStore store, String runName, TruthSource truth, String tag, String author) {
        return store.write(tx -> {
            Found found = find(tx, runName, truth);
            new TagService().replaceMembers(tx, tag, found.errors().stream().map(LabelError::item).toList(), author);
            return found;
        });
    }

    private static boolean hasProbabilities(float[] probabilities, int row, int k) {
        for (int c = 0; c < k; c++) {
            if (!Float.isNaN(probabilities[row * k + c])) {
                return true;
            }
        }
        return false;
    }
}
