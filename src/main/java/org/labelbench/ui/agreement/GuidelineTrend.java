package org.labelbench.ui.agreement;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import org.labelbench.agreement.Estimate;
import org.labelbench.ui.DisplayFormats;

/**
 * Draws alpha (nominal) and HLP per guideline version as two lines, versions in order on the x
 * axis ("mixed" and "none" are no point in time, so they stay off the line): whether a new version
 * of the guideline made the labels more consistent.
 */
final class GuidelineTrend {
    static final String ALPHA_SERIES = "Krippendorff's α (nominal)";
    static final String HLP_SERIES = "HLP";

    private GuidelineTrend() {
    }

    static void show(LineChart<String, Number> chart, List<VersionRow> rows) {
        List<VersionRow> versions = rows.stream().filter(VersionRow::isVersion).toList();
        CategoryAxis x = (CategoryAxis) chart.getXAxis();
        x.setAutoRanging(false);
        x.getCategories().setAll(versions.stream().map(VersionRow::version).toList());
        XYChart.Series<String, Number> alpha = series(ALPHA_SERIES, versions, VersionRow::alpha);
        XYChart.Series<String, Number> hlp = series(HLP_SERIES, versions, row -> row.hlp().hlp());
        scale((NumberAxis) chart.getYAxis(), List.of(alpha, hlp));
        chart.getData().setAll(List.of(alpha, hlp));
        // Symbols exist once the series are in the chart.
        for (XYChart.Series<String, Number> series : chart.getData()) {
            for (XYChart.Data<String, Number> point : series.getData()) {
                VersionRow row = (VersionRow) point.getExtraValue();
                Tooltip.install(point.getNode(), new Tooltip(series.getName() + " on " + row.version() + ": "
                        + String.format(Locale.ROOT, "%.3f", point.getYValue().doubleValue())
                        + "\n" + DisplayFormats.count(row.units(), "item", "items")
                        + " with two or more labels"));
            }
        }
    }

    private static XYChart.Series<String, Number> series(String name, List<VersionRow> versions,
            Function<VersionRow, Estimate> figure) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (VersionRow row : versions) {
            Estimate estimate = figure.apply(row);
            if (estimate.isAvailable()) {
                series.getData().add(new XYChart.Data<>(row.version(), estimate.value(), row));
            }
        }
        return series;
    }

    /** A range around the values, to a tenth, so a change of a few hundredths is visible; never past 1. */
    private static void scale(NumberAxis axis, List<XYChart.Series<String, Number>> series) {
        double min = series.stream().flatMap(s -> s.getData().stream()).mapToDouble(d -> d.getYValue().doubleValue())
                .min().orElse(0);
        double max = series.stream().flatMap(s -> s.getData().stream()).mapToDouble(d -> d.getYValue().doubleValue())
                .max().orElse(1);
        double lower = Math.max(-1, Math.floor((min - 0.05) * 10) / 10);
        double upper = Math.min(1, Math.ceil((max + 0.02) * 10) / 10);
        axis.setAutoRanging(false);
        axis.setLowerBound(lower);
        axis.setUpperBound(Math.max(upper, lower + 0.1));
        axis.setTickUnit(upper - lower <= 0.3 ? 0.05 : 0.1);
    }
}
