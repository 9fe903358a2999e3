package org.labelbench.ui.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.AutoLabeling;
import org.labelbench.analysis.AutomationLadder;
import org.labelbench.analysis.AutomationLadder.Ladder;
import org.labelbench.analysis.AutomationLadder.Request;
import org.labelbench.analysis.CoverageCurve;
import org.labelbench.analysis.TruthSource;
import org.labelbench.project.BadInputException;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.dialogs.FieldRefusal;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.ShownJob;

/**
 * The Ladder view's state: the run and slice chosen, the target typed, the five rungs with their
 * figures and verdicts, the coverage/accuracy curve with the chosen threshold, and Apply (a job)
 * with what it will write. Reads run on the reads thread, newest request wins.
 */
public final class LadderViewModel {
    /** The slice choice that breaks nothing down. */
    public static final String NO_SLICES = "no slices";
    /** Points the chart draws at most (the chosen threshold's point is always among them). */
    static final int CHART_POINTS = 200;
    static final String NO_RUNS = "No prediction runs yet: import one (Error analysis → Import predictions…) or"
            + " predict with a model, then come back to see how far it can automate";

    /** What the view shows: a spinner, the ladder, the one line about runs, or what went wrong. */
    public enum State { LOADING, READY, NO_RUNS, FAILED }

    private final LadderCatalog catalog;
    private final UiExecutors executors;
    private final Supplier<String> author;
    private final ShownJob job;
    private final BackgroundCall.Latest loads = new BackgroundCall.Latest();

    private final ObservableList<String> runs = FXCollections.observableArrayList();
    private final ObjectProperty<String> run = new SimpleObjectProperty<>();
    private final ObservableList<String> slices = FXCollections.observableArrayList(NO_SLICES);
    private final ObjectProperty<String> slice = new SimpleObjectProperty<>(NO_SLICES);
    private final StringProperty targetText = new SimpleStringProperty("");
    private final StringProperty queueName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper targetError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<RungRow> rungs = FXCollections.observableArrayList();
    private final ObservableList<CoverageCurve.Point> curve = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CoverageCurve.Point> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Double> target = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper applySummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper outcomeIsError = new ReadOnlyBooleanWrapper();

    private Ladder shown;
    private Request shownRequest;
    private boolean choosing;
    private Runnable onLabelsChanged = () -> { };
    private Consumer<String> onApplyFailed = text -> { };

    public LadderViewModel(LadderCatalog catalog, UiExecutors executors, JobRunner jobs, Supplier<String> author) {
        this.catalog = catalog;
        this.executors = executors;
        this.author = author;
        this.job = new ShownJob(jobs);
        run.addListener((observable, was, now) -> {
            if (!choosing && now != null) {
                load();
            }
        });
        slice.addListener((observable, was, now) -> {
            if (!choosing && now != null) {
                load();
            }
        });
    }

    /** Re-reads the runs and attributes, keeps the run chosen when it is still there, and the ladder. */
    public void reload() {
        BackgroundCall.of(catalog::choices).onSuccess(choices -> {
            choosing = true;
            try {
                runs.setAll(choices.runs());
                List<String> sliceChoices = new ArrayList<>();
                sliceChoices.add(NO_SLICES);
                choices.attributes().forEach(name -> sliceChoices.add("attr:" + name));
                slices.setAll(sliceChoices);
                if (!slices.contains(slice.get())) {
                    slice.set(NO_SLICES);
                }
                if (run.get() == null || !runs.contains(run.get())) {
                    run.set(runs.isEmpty() ? null : runs.get(runs.size() - 1)); // the newest run
                }
            } finally {
                choosing = false;
            }
            if (runs.isEmpty()) {
                clear();
                state.set(State.NO_RUNS);
                message.set(NO_RUNS);
            } else {
                load();
            }
        }).onFailure(this::failed).unlessStale(loads.next()).runOn(executors);
    }

    /** Takes the target typed (blank: HLP) and measures again; a target that is not an accuracy is said beside the field. */
    public void applyTarget() {
        if (run.get() != null) {
            load();
        }
    }

    private Double parsedTarget() {
        String text = targetText.get() == null ? "" : targetText.get().strip().replace(',', '.').replace("%", "");
        if (text.isEmpty()) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadInputException("Target '" + targetText.get().strip() + "' is not a number: type an accuracy"
                    + " in (0, 1], e.g. 0.95, or leave it empty for HLP");
        }
        // "95 %" means 0.95; a bare number is the accuracy itself.
        return targetText.get().contains("%") ? value / 100 : value;
    }

    private void load() {
        Request request;
        try {
            request = new Request(run.get(), TruthSource.DEFAULT, parsedTarget(),
                    NO_SLICES.equals(slice.get()) ? null : slice.get(), null);
            targetError.set("");
        } catch (BadInputException bad) {
            targetError.set(FieldRefusal.of(bad, Map.of("target accuracy", "Target accuracy")));
            return;
        }
        state.set(State.LOADING);
        BackgroundCall.of(() -> catalog.ladder(request)).onSuccess(ladder -> show(request, ladder))
                .onFailure(this::failed).unlessStale(loads.next()).runOn(executors);
    }

    private void show(Request request, Ladder ladder) {
        shown = ladder;
        shownRequest = request;
        message.set("");
        summary.set("Run " + ladder.run() + " · truth: " + ladder.truth() + " · "
                + (ladder.target().isAvailable() ? ladder.target().describe() : "no target"));
        rungs.setAll(List.of(
                row(1, "human", ladder.humanOnly().rung(), LadderText.humanOnly(ladder)),
                row(2, "shadow", ladder.shadow().rung(), LadderText.shadow(ladder)),
                row(3, "assistance", ladder.assistance().rung(), LadderText.assistance(ladder)),
                row(4, "partial", ladder.partial().rung(), LadderText.partial(ladder)),
                row(5, "full", ladder.full().rung(), LadderText.full(ladder))));
        CoverageCurve whole = ladder.partial().curve();
        List<CoverageCurve.Point> points = new ArrayList<>(whole.sampled(CHART_POINTS));
        CoverageCurve.Point point = ladder.partial().atThreshold();
        if (point != null && points.stream().noneMatch(p -> p.threshold() == point.threshold())) {
            points.add(point);
            points.sort((a, b) -> Double.compare(b.threshold(), a.threshold()));
        }
        curve.setAll(points);
        chosen.set(point);
        target.set(ladder.target().value());
        AutomationLadder.Partial partial = ladder.partial();
        boolean applicable = point != null && partial.autoLabels() > 0;
        canApply.set(applicable);
        applySummary.set(applicable ? String.format(Locale.ROOT, "%,d auto labels at confidence ≥ %s, about %.1f"
                + " wrong; %,d unlabeled items left for people", partial.autoLabels(),
                AutomationLadder.number(partial.threshold()), partial.expectedWrong(),
                partial.openItems() - partial.autoLabels())
                : point == null ? "Nothing to apply: no threshold is chosen"
                : "Nothing to apply: no unlabeled item has a confidence at or above the threshold");
        state.set(State.READY);
    }

    private static RungRow row(int step, String id, AutomationLadder.Rung rung, String figures) {
        return new RungRow(step, id, rung.name(), rung.standing(), figures, rung.verdict());
    }

    private void clear() {
        shown = null;
        shownRequest = null;
        rungs.clear();
        curve.clear();
        chosen.set(null);
        target.set(null);
        canApply.set(false);
        applySummary.set("");
        summary.set("");
    }

    private void failed(Throwable failure) {
        clear();
        state.set(State.FAILED);
        message.set(FailureText.of(failure));
    }

    /** The queue the rest goes to: the name typed, else the default for the run. */
    public String queueToCreate() {
        String typed = queueName.get() == null ? "" : queueName.get().strip();
        return typed.isEmpty() && shown != null ? AutoLabeling.defaultQueue(shown.run()) : typed;
    }

    /** The confirmation's question: what Apply will write, and where the rest goes. */
    public String applyQuestion() {
        if (shown == null) {
            return "";
        }
        AutomationLadder.Partial partial = shown.partial();
        long rest = partial.openItems() - partial.autoLabels();
        return String.format(Locale.ROOT, "Write %,d auto labels from run '%s' (origin auto, by %s) on the unlabeled"
                + " items with confidence ≥ %s? About %.1f of them are expected to be wrong (measured accuracy %s).",
                partial.autoLabels(), shown.run(), AutoLabeling.annotatorName(shown.run()),
                AutomationLadder.number(partial.threshold()), partial.expectedWrong(),
                AutomationLadder.percent(partial.atThreshold().accuracy()))
                + (rest == 0 ? " No unlabeled item is left for people, so no queue is made."
                        : String.format(Locale.ROOT, " The other %,d unlabeled items go to the queue '%s'.", rest,
                                queueToCreate()));
    }

    /** Applies partial automation at the shown threshold, as a job; the view asked first. */
    public void apply() {
        if (!canApply.get() || job.runningProperty().get()) {
            return;
        }
        Request request = shownRequest;
        String queue = queueToCreate();
        String who = author.get();
        outcome.set("");
        outcomeIsError.set(false);
        job.start("Auto-labeling from run " + request.run(), context -> catalog.apply(request, queue, who, context),
                new ShownJob.Outcome<AutoLabeling.Applied>() {
                    @Override
                    public void succeeded(AutoLabeling.Applied applied) {
                        outcome.set(String.format(Locale.ROOT, "Wrote %,d auto labels by %s at confidence ≥ %s", applied.labels(),
                                applied.annotator(), AutomationLadder.number(applied.threshold()))
                                + (applied.queue() == null ? "; no unlabeled item is left for people"
                                        : String.format(Locale.ROOT, "; queue '%s' has the %,d unlabeled items left",
                                                applied.queue(), applied.queueItems())));
                        onLabelsChanged.run();
                        load();
                    }

                    @Override
                    public void cancelled() {
                        outcome.set("Apply cancelled: nothing was changed");
                    }

                    @Override
                    public void failed(Throwable error) {
                        String text = FailureText.of(error);
                        outcome.set("Apply failed: " + text);
                        outcomeIsError.set(true);
                        onApplyFailed.accept(text);
                    }
                });
    }

    public void cancelApply() {
        job.cancel();
    }

    public void dispose() {
        loads.dropAll();
        job.cancel();
    }

    public void setOnLabelsChanged(Runnable action) {
        this.onLabelsChanged = action;
    }

    public void setOnApplyFailed(Consumer<String> action) {
        this.onApplyFailed = action;
    }

    public ObservableList<String> runs() {
        return runs;
    }

    public ObjectProperty<String> runProperty() {
        return run;
    }

    public ObservableList<String> slices() {
        return slices;
    }

    public ObjectProperty<String> sliceProperty() {
        return slice;
    }

    public StringProperty targetTextProperty() {
        return targetText;
    }

    public StringProperty queueNameProperty() {
        return queueName;
    }

    public ReadOnlyStringProperty targetErrorProperty() {
        return targetError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<RungRow> rungs() {
        return rungs;
    }

    public ObservableList<CoverageCurve.Point> curve() {
        return curve;
    }

    public ReadOnlyObjectProperty<CoverageCurve.Point> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The accuracy to keep (the target or HLP), or null without one. */
    public ReadOnlyObjectProperty<Double> targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty applySummaryProperty() {
        return applySummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty outcomeIsErrorProperty() {
        return outcomeIsError.getReadOnlyProperty();
    }

    public ShownJob job() {
        return job;
    }
}
