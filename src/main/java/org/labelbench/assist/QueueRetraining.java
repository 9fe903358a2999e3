package org.labelbench.assist;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.analysis.UncertaintyPriority;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.QueueService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ModelRepository;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.ProjectStore;

/**
 * Active learning, one round: retrains a model's recipe (same net, parameters and seed) on the
 * labels the project has now, predicts the queue's items with the new model, and orders the
 * queue's never-served items most uncertain first by that prediction. The new model is
 * MODEL-rN (the first free N), its answers on the queue the run MODEL-rN-queue. A cancel while it
 * trains leaves nothing; a cancel while it predicts keeps the finished model (models are never
 * half-made) but writes no queue run and moves no item. Served items never move.
 */
public final class QueueRetraining {
    /** What a round made: the model, its run on the queue, and how many items it ordered again. */
    public record Round(String model, String run, double devAccuracy, long predicted, int reranked, String order,
            double seconds) {
    }

    private final TrainingService training = new TrainingService();
    private final PredictService prediction = new PredictService();
    private final QueueService queues = new QueueService();

    public Round run(ProjectStore store, String queueName, String modelName, Uncertainty measure, DeviceChoice device,
            String author, JobContext context) {
        long started = System.nanoTime();
        queues.get(store, queueName); // an unknown queue is refused before anything trains
        StoredModel base = ModelCatalog.find(store, modelName);
        if (!StoredModel.TRAINED.equals(base.origin())) {
            throw new BadInputException("model '" + base.name() + "' was loaded, not trained here, so there is no"
                    + " recipe to retrain; retrain from a model made by assist train");
        }
        String name = nextName(store, base.name());
        String run = name + "-queue";
        JobContext train = new ScaledProgress(context, 0, 2, "Retraining '" + base.name() + "' as '" + name + "': ");
        StoredModel retrained = training.train(store, name, TrainingOptions.recipe(base, device), author, train,
                EpochListener.NONE);
        context.checkCancelled();
        JobContext predict = new ScaledProgress(context, 1, 2, "Predicting the queue with '" + name + "': ");
        PredictService.Predicted predicted = prediction.predict(store, name, run, ItemSelection.parse("queue:" + queueName),
                device, predict);
        QueueService.Reranked reranked = queues.rerank(store, queueName, new UncertaintyPriority(run, measure));
        return new Round(name, run, retrained.devAccuracy(), predicted.items(), reranked.items(), reranked.order(),
                (System.nanoTime() - started) / 1e9);
    }

    /** MODEL-r1, MODEL-r2, …: the first that no model or run is named (a training also writes a run of its name). */
    static String nextName(ProjectStore store, String model) {
        Set<String> taken = store.read(tx -> {
            Set<String> names = new HashSet<>();
            new ModelRepository().list(tx).forEach(row -> names.add(row.name()));
            new PredictionRepository().listRuns(tx).forEach(r -> names.add(r.name()));
            return names;
        });
        String root = model.replaceFirst("-r\\d+$", "");
        for (int n = 1; ; n++) {
            String name = String.format(Locale.ROOT, "%s-r%d", root, n);
            if (!taken.contains(name) && !taken.contains(name + "-queue")) {
                return name;
            }
        }
    }
}
