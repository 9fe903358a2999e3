package org.labelbench.assist;

import java.util.LinkedHashMap;
import java.util.Map;

/** One epoch of a training: mean loss and accuracy on the training items (augmented) and on the dev items. */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double devLoss, double devAccuracy,
        double seconds, double itemsPerSecond) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("epoch", epoch);
        json.put("train_loss", trainLoss);
        json.put("train_accuracy", trainAccuracy);
        json.put("dev_loss", devLoss);
        json.put("dev_accuracy", devAccuracy);
        json.put("seconds", seconds);
        json.put("items_per_second", itemsPerSecond);
        return json;
    }

    static EpochResult fromJson(Map<String, Object> json) {
        return new EpochResult(((Number) json.get("epoch")).intValue(), number(json, "train_loss"),
                number(json, "train_accuracy"), number(json, "dev_loss"), number(json, "dev_accuracy"),
                number(json, "seconds"), number(json, "items_per_second"));
    }

    private static double number(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
