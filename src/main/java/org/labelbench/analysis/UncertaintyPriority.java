package org.labelbench.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbench.labeling.ItemPriority;
import org.labelbench.project.BadInputException;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.Transaction;

/**
 * Orders a queue most uncertain first by a prediction run's probabilities (active learning):
 * the items a model is least sure of are the ones whose labels teach it most. Items the run did
 * not predict, or predicted without probabilities, go after every scored one.
 */
public final class UncertaintyPriority implements ItemPriority {
    private final String run;
    private final Uncertainty measure;

    public UncertaintyPriority(String run, Uncertainty measure) {
        this.run = run;
        this.measure = measure;
    }

    @Override
    public Map<Long, Double> scores(Transaction tx, List<Long> itemIds) {
        PredictionRepository predictions = new PredictionRepository();
        PredictionRun found = predictions.findRun(tx, run)
                .orElseThrow(() -> new BadInputException("no prediction run named '" + run + "'"));
        if (found.classes() == null) {
            throw new BadInputException("run '" + run + "' has no probabilities: ordering by uncertainty needs each"
                    + " class's probability (p_<class> columns when importing)");
        }
        Set<Long> wanted = new HashSet<>(itemIds);
        Map<Long, Double> scores = new HashMap<>();
        predictions.forEach(tx, found.id(), true, (item, labelClass, confidence, probabilities) -> {
            if (probabilities != null && wanted.contains(item)) {
                scores.put(item, measure.of(probabilities));
            }
        });
        return scores;
    }

    @Override
    public String describe() {
        return "most uncertain first (" + measure.id() + " of run " + run + ")";
    }
}
