package org.labelbench.ui.model;

import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.labelbench.assist.EpochResult;

/**
 * The Model page's two charts as data: loss (training and dev) and accuracy (training and dev)
 * per epoch, one point per finished epoch. A training adds its epochs as they end; selecting a
 * stored model shows its recorded history. FX thread only.
 */
public final class EpochChart {
    private final XYChart.Series<Number, Number> trainLoss = series("train loss");
    private final XYChart.Series<Number, Number> devLoss = series("dev loss");
    private final XYChart.Series<Number, Number> trainAccuracy = series("train accuracy");
    private final XYChart.Series<Number, Number> devAccuracy = series("dev accuracy");
    private final ObservableList<XYChart.Series<Number, Number>> loss =
            FXCollections.observableArrayList(List.of(trainLoss, devLoss));
    private final ObservableList<XYChart.Series<Number, Number>> accuracy =
            FXCollections.observableArrayList(List.of(trainAccuracy, devAccuracy));
    private final ReadOnlyIntegerWrapper span = new ReadOnlyIntegerWrapper(1);
    private int epochs;

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }

    /** One finished epoch: a point on each of the four lines. */
    void add(EpochResult epoch) {
        epochs++;
        add(trainLoss, epoch.epoch(), epoch.trainLoss());
        add(devLoss, epoch.epoch(), epoch.devLoss());
        add(trainAccuracy, epoch.epoch(), epoch.trainAccuracy());
        add(devAccuracy, epoch.epoch(), epoch.devAccuracy());
    }

    /** Shows {@code history} instead of what was shown. */
    void show(List<EpochResult> history) {
        clear();
        span.set(Math.max(1, history.size()));
        history.forEach(this::add);
    }

    /** Empties the chart for a training of at most {@code plannedEpochs}: its lines grow toward the right edge. */
    void start(int plannedEpochs) {
        clear();
        span.set(Math.max(1, plannedEpochs));
    }

    void clear() {
        trainLoss.getData().clear();
        devLoss.getData().clear();
        trainAccuracy.getData().clear();
        devAccuracy.getData().clear();
        epochs = 0;
    }

    /** A figure that is not a number (no dev items to judge on) is left out rather than drawn at zero. */
    private static void add(XYChart.Series<Number, Number> series, int epoch, double value) {
        if (Double.isFinite(value)) {
            series.getData().add(new XYChart.Data<>(epoch, value));
        }
    }

    /** How many epochs are shown. */
    public int epochs() {
        return epochs;
    }

    /** How many epochs the epoch axis spans: the history shown, or the most a running training may take. */
    public ReadOnlyIntegerProperty spanProperty() {
        return span.getReadOnlyProperty();
    }

    /** Training and dev loss, for the loss chart. */
    public ObservableList<XYChart.Series<Number, Number>> loss() {
        return loss;
    }

    /** Training and dev accuracy, for the accuracy chart. */
    public ObservableList<XYChart.Series<Number, Number>> accuracy() {
        return accuracy;
    }
}
