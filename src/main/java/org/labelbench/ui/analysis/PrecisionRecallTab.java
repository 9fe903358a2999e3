package org.labelbench.ui.analysis;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.labelbench.analysis.PrecisionRecallCurve;

/** The "Precision / recall" tab: a class, its curve (recall across, precision up) and a threshold slider. */
final class PrecisionRecallTab {
    private final PrecisionRecallModel model;

    PrecisionRecallTab(PrecisionRecallModel model) {
        this.model = model;
    }

    Tab tab() {
        ChoiceBox<String> positive = new ChoiceBox<>();
        positive.setId("positiveClassChoice");
        positive.getItems().setAll(model.classes());
        positive.valueProperty().bindBidirectional(model.positiveProperty());
        Label status = new Label();
        status.setId("precisionRecallStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox header = new HBox(10, new Label("Positive class"), positive, status);
        header.setAlignment(Pos.CENTER_LEFT);

        NumberAxis recall = new NumberAxis("Recall", 0, 1, 0.1);
        NumberAxis precision = new NumberAxis("Precision", 0, 1, 0.1);
        LineChart<Number, Number> chart = new LineChart<>(recall, precision);
        chart.setId("precisionRecallChart");
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        model.points().addListener((ListChangeListener<PrecisionRecallCurve.Point>) change ->
                series.getData().setAll(model.points().stream()
                        .map(p -> new XYChart.Data<Number, Number>(p.recall(), p.precision())).toList()));
        VBox.setVgrow(chart, Priority.ALWAYS);

        Slider threshold = new Slider(0, 1, model.thresholdProperty().get());
        threshold.setId("thresholdSlider");
        threshold.setShowTickMarks(true);
        threshold.setMajorTickUnit(0.1);
        threshold.valueProperty().bindBidirectional(model.thresholdProperty());
        HBox.setHgrow(threshold, Priority.ALWAYS);
        Label figures = new Label();
        figures.setId("thresholdFigures");
        figures.textProperty().bind(model.atThresholdProperty());
        HBox thresholdRow = new HBox(10, new Label("Threshold"), threshold);
        thresholdRow.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(10, header, chart, thresholdRow, figures);
        box.setPadding(new Insets(12));
        Tab tab = new Tab("Precision / recall", box);
        tab.setId("precisionRecallTab");
        return tab;
    }
}
