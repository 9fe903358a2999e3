package org.labelbench.assist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.PredictionRepository.NewPrediction;
import org.labelbench.project.Transaction;

/** A model's probabilities as prediction rows: the most probable class, its probability as the confidence. */
final class RunRows {
    private RunRows() {
    }

    static List<NewPrediction> of(Transaction tx, LabeledItems items, int[] members, float[][] probabilities) {
        long[] classIds = classIds(tx, items.classNames());
        List<NewPrediction> rows = new ArrayList<>(members.length);
        for (int i = 0; i < members.length; i++) {
            rows.add(row(items.itemIds()[members[i]], probabilities[i], classIds));
        }
        return rows;
    }

    static long[] classIds(Transaction tx, List<String> classNames) {
        Map<String, Long> byName = new HashMap<>();
        for (LabelClass labelClass : new LabelClassRepository().list(tx)) {
            byName.put(labelClass.name(), labelClass.id());
        }
        long[] ids = new long[classNames.size()];
        for (int i = 0; i < ids.length; i++) {
            Long id = byName.get(classNames.get(i));
            if (id == null) {
                throw new org.labelbench.project.BadInputException("the model's class '" + classNames.get(i)
                        + "' is no longer in the project's schema");
            }
            ids[i] = id;
        }
        return ids;
    }

    static NewPrediction row(long item, float[] probabilities, long[] classIds) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return new NewPrediction(item, classIds[best], (double) probabilities[best], probabilities);
    }
}
