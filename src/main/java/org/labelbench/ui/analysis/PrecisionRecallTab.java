package org.labelbench.ui.analysis;

import java.util.List;
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
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
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
        // The current threshold as a ring on the curve, moving with the slider.
        XYChart.Series<Number, Number> mark = new XYChart.Series<>();
        chart.getData().add(mark);
        model.thresholdPointProperty().addListener((observable, was, point) -> showMark(mark, point));
        showMark(mark, model.thresholdPointProperty().get());
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
        tab.selectedProperty().addListener((observable, was, selected) -> {
            if (selected) {
                model.chooseDefaultClass();
            }
        });
        return tab;
    }

    private static void showMark(XYChart.Series<Number, Number> mark, PrecisionRecallCurve.Point point) {
        if (point == null) {
            mark.getData().clear();
            return;
        }
        XYChart.Data<Number, Number> at = new XYChart.Data<>(point.recall(), point.precision());
        Region ring = new Region();
        ring.getStyleClass().add("threshold-point");
        ring.setStyle("-fx-background-color: -color-danger-fg, -color-bg-default; -fx-background-insets: 0, 2;"
                + " -fx-background-radius: 6; -fx-padding: 6;");
        Tooltip.install(ring, new Tooltip(String.format(java.util.Locale.ROOT,
                "At p ≥ %.2f: precision %.3f, recall %.3f", point.threshold(), point.precision(), point.recall())));
        at.setNode(ring);
        mark.getData().setAll(List.of(at));
    }
}
