package org.labelbench.ui.model;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.labelbench.assist.CrossValidation;
import org.labelbench.assist.EpochResult;
import org.labelbench.assist.PredictService;
import org.labelbench.assist.StoredModel;

/** How the Model page words a stored model, an epoch and a prediction. */
public final class ModelText {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private ModelText() {
    }

    /** One line of the details pane: what and its value. */
    public record Detail(String name, String value) {
    }

    public static String devAccuracy(StoredModel model) {
        return Double.isNaN(model.devAccuracy()) ? "–" : String.format(Locale.ROOT, "%.3f", model.devAccuracy());
    }

    public static String created(StoredModel model) {
        return CREATED.format(model.created());
    }

    public static String device(StoredModel model) {
        return model.device() == null ? "–" : model.device();
    }

    /** The selected model's details, in the order the pane shows them. */
    public static List<Detail> details(StoredModel model) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Model", model.name() + " (" + model.origin() + ", " + model.media() + ")"));
        details.add(new Detail("Net", model.architecture() + ", input " + model.describeInput()));
        details.add(new Detail("Classes", String.join(", ", model.classes())));
        Object best = model.metrics().get("best_epoch");
        if (best != null) {
            details.add(new Detail("Dev", String.format(Locale.ROOT, "accuracy %s at epoch %s of %d, on %s items;"
                    + " trained on %s", devAccuracy(model), best, model.history().size(),
                    model.metrics().get("dev_items"), model.metrics().get("train_items"))));
        }
        details.add(new Detail("Params", params(model.params())
                + (model.seed() == null ? "" : ", seed " + model.seed())));
        details.add(new Detail("Trained on", device(model) + (model.engine() == null ? "" : " with " + model.engine())
                + ", " + created(model) + " by " + model.createdBy()));
        details.add(new Detail("Labels seen", model.labelsFingerprint() == null ? "–" : model.labelsFingerprint()));
        details.add(new Detail("SHA-256", model.modelSha256()));
        details.add(new Detail("Folder", model.folder().toString()));
        return details;
    }

    static String params(Map<String, Object> params) {
        return params.entrySet().stream().map(e -> e.getKey().replace('_', ' ') + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The message after a prediction: "Wrote run 'R': N predictions by model 'M' on cpu in 1.2 s". */
    public static String predicted(PredictService.Predicted predicted) {
        return String.format(Locale.ROOT, "Wrote run '%s': %,d predictions by model '%s' on %s in %.1f s%s;"
                + " Error analysis lists it", predicted.run(), predicted.items(), predicted.model(), predicted.device(),
                predicted.seconds(), predicted.skippedOtherMedia() == 0 ? ""
                        : String.format(Locale.ROOT, " (%,d items of another kind left out)",
                                predicted.skippedOtherMedia()));
    }

    /** The message after a cross-validation, naming what the run is for. */
    public static String crossValidated(CrossValidation.Result result) {
        return String.format(Locale.ROOT, "Wrote run '%s': out-of-fold probabilities of %,d labeled items from %d"
                + " folds of model '%s''s recipe (accuracy %.3f, %.0f s); Error analysis reads it, and its likely"
                + " label errors", result.run(), result.items(), result.folds(), result.model(), result.accuracy(),
                result.seconds());
    }

    /** The message after a training, as the CLI says it. */
    public static String trained(StoredModel model) {
        return String.format(Locale.ROOT, "Stored model '%s' (%s, input %s, best epoch %s of %d): dev accuracy %s on"
                + " %s items; its dev predictions are run '%s'", model.name(), model.architecture(),
                model.describeInput(), model.metrics().get("best_epoch"), model.history().size(), devAccuracy(model),
                model.metrics().get("dev_items"), model.name());
    }

    /** The chart's title for a stored model. */
    public static String history(StoredModel model) {
        if (model.history().isEmpty()) {
            return "'" + model.name() + "': loaded, no training history";
        }
        EpochResult last = model.history().get(model.history().size() - 1);
        return String.format(Locale.ROOT, "'%s': %d epochs, %.1f s the last", model.name(), model.history().size(),
                last.seconds());
    }
}
