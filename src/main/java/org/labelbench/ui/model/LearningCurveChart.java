package org.labelbench.ui.model;

import java.util.List;
import java.util.OptionalDouble;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.labelbench.assist.LearningCurve;
import org.labelbench.assist.PowerLaw;

/**
 * The learning curve as chart data, on a logarithmic labels axis (x is log10 of the training
 * labels, so a power law is a gentle curve and ten times the labels is one step): the measured
 * dev accuracy per share, the fitted 1 − a·n^-b drawn on to where it meets HLP (or to the
 * point the fit stops being a plan), and HLP as a level line. FX thread only.
 */
public final class LearningCurveChart {
    /** One tick per doubling of the labels. */
    static final double TICK = Math.log10(2);
    /** Points drawn along the fitted curve. */
    private static final int FIT_STEPS = 40;

    private final XYChart.Series<Number, Number> measured = series("dev accuracy");
    private final XYChart.Series<Number, Number> fitted = series("fit 1 − a·n^-b");
    private final XYChart.Series<Number, Number> hlp = series("HLP");
    private final ObservableList<XYChart.Series<Number, Number>> series =
            FXCollections.observableArrayList(List.of(measured, fitted, hlp));
    private final ReadOnlyIntegerWrapper drawn = new ReadOnlyIntegerWrapper();
    private double lowerLog = 1;
    private double upperLog = 4;

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }

    /** Draws one reading: {@code accuracy[i]} measured at {@code labels[i]} training labels. */
    void show(int[] labels, double[] accuracy, LearningCurve.Reading reading) {
        clear();
        double first = labels[0];
        double last = labels[labels.length - 1];
        for (int i = 0; i < labels.length; i++) {
            if (Double.isFinite(accuracy[i])) {
                measured.getData().add(new XYChart.Data<>(Math.log10(labels[i]), accuracy[i]));
            }
        }
        double end = last * 2;
        OptionalDouble needed = reading.labelsToHlp();
        if (needed.isPresent() && needed.getAsDouble() > last) {
            end = Math.max(end, needed.getAsDouble() * 1.25);
        }
        end = Math.min(end, last * 100);
        PowerLaw fit = reading.fit();
        if (fit != null) {
            double from = Math.log10(first);
            double to = Math.log10(end);
            for (int step = 0; step <= FIT_STEPS; step++) {
                double x = from + (to - from) * step / FIT_STEPS;
                double value = 1 - fit.error(Math.pow(10, x));
                if (Double.isFinite(value)) {
                    fitted.getData().add(new XYChart.Data<>(x, Math.max(0, value)));
                }
            }
        }
        if (reading.hlp().isAvailable()) {
            hlp.getData().add(new XYChart.Data<>(Math.log10(first), reading.hlp().value()));
            hlp.getData().add(new XYChart.Data<>(Math.log10(end), reading.hlp().value()));
        }
        // Ticks double from a round number below the first share: 200, 400, 800, … labels.
        lowerLog = Math.log10(roundBelow(first * 0.8));
        double doublings = Math.ceil((Math.log10(end) - lowerLog) / TICK - 1e-9);
        upperLog = lowerLog + Math.max(1, doublings) * TICK;
        drawn.set(drawn.get() + 1);
    }

    void clear() {
        measured.getData().clear();
        fitted.getData().clear();
        hlp.getData().clear();
    }

    /** The measured points, the fit and HLP, for the chart. */
    public ObservableList<XYChart.Series<Number, Number>> series() {
        return series;
    }

    /** Counts the drawings: the axis follows each one's span. */
    public ReadOnlyIntegerProperty drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    /** How many shares are drawn. */
    public int measuredPoints() {
        return measured.getData().size();
    }

    /** Where the labels axis starts and ends, in log10 of the labels. */
    public double lowerLog() {
        return lowerLog;
    }

    public double upperLog() {
        return upperLog;
    }

    /** The largest 1, 2 or 5 times a power of ten at or below {@code value} (at least 1). */
    static double roundBelow(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(1, value))));
        for (double step : new double[] {5, 2, 1}) {
            if (step * power <= value) {
                return step * power;
            }
        }
        return power;
    }

    /** A tick's label: 10^x as a count of labels, "1,000" rather than "3". */
    static String labelsAt(double log10) {
        double labels = Math.pow(10, log10);
        if (labels >= 100_000) {
            return String.format(java.util.Locale.ROOT, "%,.0fk", labels / 1000);
        }
        if (labels >= 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1fk", labels / 1000);
        }
        return String.format(java.util.Locale.ROOT, "%,.0f", labels);
    }
}
