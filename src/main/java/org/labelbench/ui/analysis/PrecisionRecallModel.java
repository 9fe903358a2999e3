package org.labelbench.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.agreement.Estimate;
import org.labelbench.analysis.ClassificationMetrics;
import org.labelbench.analysis.PrecisionRecallCurve;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;

/**
 * Precision and recall of one class for skewed data: the curve over every threshold, its
 * average precision, and the figures at a chosen threshold. The run's probabilities are read
 * once, in the background, when a class is first chosen.
 */
final class PrecisionRecallModel {
    /** At most this many points are drawn: a million distinct scores make a million points. */
    static final int DRAWN_POINTS = 400;

    private final AnalysisCatalog catalog;
    private final UiExecutors executors;
    private final RunEvaluation evaluation;
    private final BackgroundCall.Latest requests = new BackgroundCall.Latest();
    private RunEvaluation withProbabilities;
    private double[] scores;
    private int category = -1;

    private final ObjectProperty<String> positive = new SimpleObjectProperty<>();
    private final DoubleProperty threshold = new SimpleDoubleProperty(0.5);
    private final ObservableList<PrecisionRecallCurve.Point> points = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a class.");
    private final ReadOnlyStringWrapper atThreshold = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PrecisionRecallCurve.Point> thresholdPoint = new ReadOnlyObjectWrapper<>();

    PrecisionRecallModel(AnalysisCatalog catalog, UiExecutors executors, RunEvaluation evaluation) {
        this.catalog = catalog;
        this.executors = executors;
        this.evaluation = evaluation;
        positive.addListener((observable, was, now) -> choose(now));
        threshold.addListener((observable, was, now) -> showThreshold());
    }

    List<String> classes() {
        return evaluation.classes();
    }

    /**
     * Chooses the class the run misses most often (items of that class predicted as another;
     * ties and a run without misses: the first class), unless one is chosen already: the tab
     * then opens on a curve, not an empty chart.
     */
    void chooseDefaultClass() {
        if (positive.get() != null || evaluation.classes().isEmpty()) {
            return;
        }
        long[] misses = new long[evaluation.classes().size()];
        int[] truth = evaluation.truthCodes();
        int[] predicted = evaluation.predicted();
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] >= 0 && truth[i] < misses.length && predicted[i] != truth[i]) {
                misses[truth[i]]++;
            }
        }
        int most = 0;
        for (int c = 1; c < misses.length; c++) {
            if (misses[c] > misses[most]) {
                most = c;
            }
        }
        positive.set(evaluation.classes().get(most));
    }

    private void choose(String name) {
        BackgroundCall.Latest.Token token = requests.next();
        points.clear();
        atThreshold.set("");
        thresholdPoint.set(null);
        scores = null;
        if (name == null) {
            return;
        }
        int chosen = evaluation.classes().indexOf(name);
        status.set("Reading the run's probabilities…");
        RunEvaluation known = withProbabilities;
        BackgroundCall.of(() -> {
            RunEvaluation read = known != null ? known : catalog.withProbabilities(evaluation);
            double[] classScores = read.scores(chosen);
            return new Curve(read, classScores, PrecisionRecallCurve.of(read.truthCodes(), classScores, chosen));
        })
                .onSuccess(curve -> {
                    withProbabilities = curve.read();
                    scores = curve.scores();
                    category = chosen;
                    show(name, curve.curve());
                })
                .onFailure(failure -> status.set(FailureText.of(failure)))
                .unlessStale(token)
                .runOn(executors);
    }

    /** One class's curve, with the run read with probabilities and the class's scores it came from. */
    private record Curve(RunEvaluation read, double[] scores, PrecisionRecallCurve curve) {
    }

    private void show(String name, PrecisionRecallCurve curve) {
        points.setAll(drawn(curve.points()));
        Estimate ap = curve.averagePrecision();
        status.set(String.format(Locale.ROOT, "'%s': %d positive and %d other items with a score; average precision %s",
                name, curve.positives(), curve.negatives(), ap.isAvailable()
                        ? String.format(Locale.ROOT, "%.3f", ap.value()) : "n/a (" + ap.unavailableReason() + ")"));
        showThreshold();
    }

    private void showThreshold() {
        if (scores == null) {
            return;
        }
        ClassificationMetrics.ThresholdMetrics t = ClassificationMetrics.atThreshold(withProbabilities.truthCodes(),
                scores, category, threshold.get());
        atThreshold.set(String.format(Locale.ROOT, "At p ≥ %.2f: precision %s, recall %s, F1 %s (tp %d, fp %d, fn %d,"
                + " tn %d)", t.threshold(), text(t.precision()), text(t.recall()), text(t.f1()), t.tp(), t.fp(), t.fn(),
                t.tn()));
        // The point on the curve where this threshold sits; none while a figure is undefined.
        thresholdPoint.set(t.precision().isAvailable() && t.recall().isAvailable()
                ? new PrecisionRecallCurve.Point(t.threshold(), t.precision().value(), t.recall().value()) : null);
    }

    /** Every point when few, else evenly spaced ones plus both ends: the shape, not a million nodes. */
    static List<PrecisionRecallCurve.Point> drawn(List<PrecisionRecallCurve.Point> all) {
        if (all.size() <= DRAWN_POINTS) {
            return all;
        }
        List<PrecisionRecallCurve.Point> some = new ArrayList<>(DRAWN_POINTS + 1);
        for (int i = 0; i < DRAWN_POINTS; i++) {
            some.add(all.get((int) ((long) i * (all.size() - 1) / (DRAWN_POINTS - 1))));
        }
        return some;
    }

    private static String text(Estimate e) {
        return e.isAvailable() ? String.format(Locale.ROOT, "%.3f", e.value()) : "n/a";
    }

    ObjectProperty<String> positiveProperty() {
        return positive;
    }

    DoubleProperty thresholdProperty() {
        return threshold;
    }

    ObservableList<PrecisionRecallCurve.Point> points() {
        return points;
    }

    /** Precision and recall at the chosen threshold: the mark on the curve. */
    ReadOnlyObjectProperty<PrecisionRecallCurve.Point> thresholdPointProperty() {
        return thresholdPoint.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyStringProperty atThresholdProperty() {
        return atThreshold.getReadOnlyProperty();
    }
}
