package org.labelbench.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.assist.LearningCurve;
import org.labelbench.assist.TrainingOptions;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.jobs.ShownJob;

/**
 * The Model page's "How much more data" tab: runs the learning curve as the page's job (one
 * training per share of the labels, all judged on the same dev items; Cancel stores nothing,
 * since a curve stores nothing anyway), then draws the reading chosen: all data, or one of the
 * tag table's top tags. The last curve stays while the project is open. FX thread only.
 */
public final class LearningCurveViewModel {
    /** "All data": the first choice, the overall reading. */
    static final String ALL_DATA = "All data";
    static final String NOT_RUN = "Not run yet. It trains one model per share of the labels (12.5, 25, 50 and"
            + " 100 %), each judged on the same dev items, with the Train form's epochs and seed, and fits"
            + " error = a·n^-b to say how many labels would reach HLP.";

    private final ProjectStore store;
    private final ShownJob job;
    private final LearningCurve curve = new LearningCurve();
    private final LearningCurveChart chart = new LearningCurveChart();
    private final ObservableList<String> readings = FXCollections.observableArrayList();
    private final ObjectProperty<String> reading = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(NOT_RUN);
    private final ReadOnlyStringWrapper table = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasCurve = new ReadOnlyBooleanWrapper();
    private LearningCurve.Result result;

    LearningCurveViewModel(ProjectStore store, ShownJob job) {
        this.store = store;
        this.job = job;
        reading.addListener((observable, was, now) -> draw());
    }

    /**
     * Runs the curve with {@code options} (null: the form was refused and said so) as the page's
     * job; {@code said} gets the outcome's one line, {@code failed} a failure.
     */
    void run(Supplier<TrainingOptions> options, Consumer<String> said, Consumer<Throwable> failed) {
        TrainingOptions chosen = options.get();
        if (chosen == null) {
            return;
        }
        if (job.runningProperty().get()) {
            said.accept("Another job of this page is running: wait for it or cancel it");
            return;
        }
        job.start("Learning curve: training on shares of the labels",
                context -> curve.run(store, null, chosen, LearningCurve.DEFAULT_FRACTIONS, context),
                new ShownJob.Outcome<LearningCurve.Result>() {
                    @Override
                    public void succeeded(LearningCurve.Result finished) {
                        show(finished);
                        said.accept("Learning curve: " + finished.overall().verdict());
                    }

                    @Override
                    public void cancelled() {
                        said.accept("Learning curve cancelled"
                                + (result == null ? "" : ": the curve shown is the one before"));
                    }

                    @Override
                    public void failed(Throwable error) {
                        failed.accept(error);
                    }
                });
    }

    private void show(LearningCurve.Result finished) {
        result = finished;
        hasCurve.set(true);
        List<String> choices = new ArrayList<>();
        choices.add(ALL_DATA);
        finished.tags().forEach(tag -> choices.add(tag.tag()));
        readings.setAll(choices);
        table.set(pointsTable(finished));
        if (ALL_DATA.equals(reading.get())) {
            draw();
        } else {
            reading.set(ALL_DATA);
        }
    }

    private void draw() {
        if (result == null || reading.get() == null) {
            chart.clear();
            return;
        }
        int[] labels = result.points().stream().mapToInt(LearningCurve.Point::trainLabels).toArray();
        double[] accuracy = new double[labels.length];
        LearningCurve.Reading chosen;
        if (ALL_DATA.equals(reading.get())) {
            chosen = result.overall();
            for (int i = 0; i < labels.length; i++) {
                accuracy[i] = result.points().get(i).devAccuracy();
            }
        } else {
            LearningCurve.TagCurve tag = result.tags().stream().filter(t -> t.tag().equals(reading.get()))
                    .findFirst().orElseThrow();
            chosen = tag.reading();
            for (int i = 0; i < labels.length; i++) {
                Double value = result.points().get(i).tagAccuracy().get(tag.tag());
                accuracy[i] = value == null ? Double.NaN : value;
            }
        }
        chart.show(labels, accuracy, chosen);
        String where = ALL_DATA.equals(reading.get()) ? String.format(Locale.ROOT, "All data (%,d dev items)",
                result.devItems()) : String.format(Locale.ROOT, "Tag %s (%,d dev items)", reading.get(),
                result.tags().stream().filter(t -> t.tag().equals(reading.get())).findFirst().orElseThrow()
                        .devItems());
        verdict.set(where + ": " + chosen.verdict());
    }

    /** "293 labels 0.697 · 586 labels 0.709 · …": the measured points in words, for reading and copying. */
    static String pointsTable(LearningCurve.Result result) {
        List<String> parts = new ArrayList<>();
        for (LearningCurve.Point point : result.points()) {
            parts.add(String.format(Locale.ROOT, "%,d labels %.3f", point.trainLabels(), point.devAccuracy()));
        }
        return "Dev accuracy: " + String.join(" · ", parts);
    }

    public LearningCurveChart chart() {
        return chart;
    }

    /** All data, then the top tags of the tag table: whose curve the chart draws. */
    public ObservableList<String> readings() {
        return readings;
    }

    public ObjectProperty<String> readingProperty() {
        return reading;
    }

    /** What the chosen curve says: the fit, and the labels to HLP or why there is no such number. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The measured points in words. */
    public ReadOnlyStringProperty pointsProperty() {
        return table.getReadOnlyProperty();
    }

    /** True once a curve was measured (while the project is open). */
    public ReadOnlyBooleanProperty hasCurveProperty() {
        return hasCurve.getReadOnlyProperty();
    }
}
