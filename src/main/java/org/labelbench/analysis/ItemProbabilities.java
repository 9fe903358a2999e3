package org.labelbench.analysis;

import org.labelbench.project.Transaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;

/** One item's class probabilities in one run, most probable first: what the large item view lists. */
public final class ItemProbabilities {
    /** A class and the probability the run gave it. */
    public record ClassProbability(String className, double probability) {
    }

    private ItemProbabilities() {
    }

    /** Empty when the run has no probabilities, did not predict the item, or does not exist. */
    public static List<ClassProbability> of(Transaction tx, String runName, long itemId) {
        PredictionRepository repository = new PredictionRepository();
        Optional<PredictionRun> run = repository.findRun(tx, runName);
        if (run.isEmpty() || run.get().classes() == null) {
            return List.of();
        }
        Optional<float[]> stored = repository.probabilitiesOf(tx, run.get().id(), itemId);
        if (stored.isEmpty()) {
            return List.of();
        }
        String[] names;
        try {
            names = new ObjectMapper().readValue(run.get().classes(), String[].class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run '" + runName + "' has unreadable probability classes", e);
        }
        float[] probabilities = stored.get();
        List<ClassProbability> classes = new ArrayList<>();
        for (int i = 0; i < Math.min(names.length, probabilities.length); i++) {
            if (!Float.isNaN(probabilities[i])) {
                classes.add(new ClassProbability(names[i], probabilities[i]));
            }
        }
        classes.sort(Comparator.comparingDouble(ClassProbability::probability).reversed()
                .thenComparing(ClassProbability::className));
        return List.copyOf(classes);
    }
}
