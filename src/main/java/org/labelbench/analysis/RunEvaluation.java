package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labelbench.agreement.Ratings;
import org.labelbench.project.BadInputException;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;

/**
 * One run's predictions lined up with the ground truth: for every item the run predicted, in
 * item order, the true class code (or {@link Ratings#MISSING}), the predicted code and the
 * confidence; and, when the run has them, its probabilities in schema order. Flat arrays, so a
 * million items cost ~20 MB plus 4 bytes per class per item of probabilities.
 */
public record RunEvaluation(PredictionRun run, GroundTruth truth, long[] itemIds, int[] truthCodes, int[] predicted,
        double[] confidence, float[] probabilities, List<String> classes) {

    /** The run against the truth, without the probabilities. */
    public static RunEvaluation read(Transaction tx, String runName, TruthSource source) {
        return read(tx, runName, source, false);
    }

    /** With {@code withProbabilities}, also the run's probabilities (for precision/recall of one class). */
    public static RunEvaluation read(Transaction tx, String runName, TruthSource source, boolean withProbabilities) {
        PredictionRepository repository = new PredictionRepository();
        Optional<PredictionRun> found = repository.findRun(tx, runName);
        if (found.isEmpty()) {
            throw new BadInputException("no prediction run named '" + runName + "'" + runNames(repository.listRuns(tx)));
        }
        PredictionRun run = found.get();
        GroundTruth truth = GroundTruth.read(tx, source);
        List<LabelClass> schema = new LabelClassRepository().list(tx);
        Map<Long, Integer> codeOf = new HashMap<>();
        for (int i = 0; i < schema.size(); i++) {
            codeOf.put(schema.get(i).id(), i);
        }
        int k = schema.size();
        int[] fromRunOrder = withProbabilities ? runClassesInSchemaOrder(run, schema) : null;
        int n = (int) run.predictions();
        long[] items = new long[n];
        int[] truthCodes = new int[n];
        int[] predicted = new int[n];
        double[] confidence = new double[n];
        float[] probabilities = fromRunOrder == null ? null : new float[n * k];
        int[] next = {0};
        repository.forEach(tx, run.id(), fromRunOrder != null, (item, labelClass, conf, probs) -> {
            int i = next[0]++;
            items[i] = item;
            truthCodes[i] = truth.classOf(item);
            predicted[i] = codeOf.get(labelClass);
            confidence[i] = conf;
            if (probabilities != null) {
                Arrays.fill(probabilities, i * k, i * k + k, Float.NaN);
                for (int p = 0; p < fromRunOrder.length; p++) {
                    probabilities[i * k + fromRunOrder[p]] = probs[p];
                }
            }
        });
        return new RunEvaluation(run, truth, items, truthCodes, predicted, confidence, probabilities,
                truth.classNames());
    }

    /** The model's probability of class {@code category} per item (NaN where the run has none). */
    public double[] scores(int category) {
        double[] scores = new double[itemIds.length];
        if (probabilities == null) {
            Arrays.fill(scores, Double.NaN);
            return scores;
        }
        int k = classes.size();
        for (int i = 0; i < scores.length; i++) {
            scores[i] = probabilities[i * k + category];
        }
        return scores;
    }

    /** Whether probabilities were read (and the run has them). */
    public boolean hasProbabilities() {
        return probabilities != null;
    }

    /** Items with both a ground truth and a prediction. */
    public long evaluated() {
        return Arrays.stream(truthCodes).filter(t -> t != Ratings.MISSING).count();
    }

    private static int[] runClassesInSchemaOrder(PredictionRun run, List<LabelClass> schema) {
        if (run.classes() == null) {
            return null;
        }
        try {
            String[] names = new ObjectMapper().readValue(run.classes(), String[].class);
            int[] order = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                order[i] = java.util.stream.IntStream.range(0, schema.size())
                        .filter(s -> schema.get(s).name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("run class '" + name + "' is not in the schema"));
            }
            return order;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run " + run.name() + ": unreadable class list " + run.classes(), e);
        }
    }

    static String runNames(List<PredictionRun> runs) {
        return runs.isEmpty() ? " (the project has no runs; import one with 'predictions import')"
                : "; runs: " + String.join(", ", runs.stream().map(PredictionRun::name).toList());
    }
}
