package org.labelbench.ui.agreement;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.agreement.AgreementReport;
import org.labelbench.agreement.AnnotatorAgreement;
import org.labelbench.agreement.HumanLevelPerformance;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.project.Opinions;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.UiExecutors;

/**
 * The Agreement view's state: the headline figures, the per-class and per-annotator tables, the
 * coincidences of classes, HLP by attribute value and by guideline version. Reading runs on the
 * reads thread; the figures are computed on a thread of their own and shown at once, then their
 * 95 % intervals on another, group by group, with progress and a cancel that interrupts the
 * bootstrap (which touches no SQLite: everything it needs was read before).
 */
public final class AgreementViewModel {
    static final String NO_OVERLAP = "Not enough overlap: no item has labels from two or more annotators";
    static final String MULTI_LABEL_NOTE = "Multi-label project: agreement is measured per class, on each item's"
            + " \"has this class\" decision. The overall figures, the confusion chart, the annotator table and the"
            + " breakdowns need one label per item, so they are not shown.";
    /** Why a cell can read 9.5: said only when some cell is fractional. */
    static final String CONFUSION_WEIGHT_NOTE = "Why halves: an item labeled by m people gives each of its label"
            + " pairs the weight 1/(m − 1), as Krippendorff's α counts them, so every item adds up to its m labels."
            + " An item with three labels adds ½ per pair.";
    static final String NO_ATTRIBUTES = "No attributes: import a manifest with attribute columns (speaker, device…)"
            + " to compare HLP across them.";

    /** What the view shows: a spinner, the figures, the one line about overlap, or what went wrong. */
    public enum State { LOADING, READY, NO_OVERLAP, FAILED }

    private final AgreementCatalog catalog;
    private final UiExecutors executors;
    private final Executor figures;
    private final Executor intervals;
    private final Executor workers;
    private final List<ExecutorService> owned;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper multiLabel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper updating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper units = new ReadOnlyLongWrapper();

    private final ReadOnlyObjectWrapper<FigureText> unitsFigure = new ReadOnlyObjectWrapper<>(FigureText.NONE);
    private final ReadOnlyObjectWrapper<FigureText> alphaFigure = new ReadOnlyObjectWrapper<>(FigureText.NONE);
    private final ReadOnlyObjectWrapper<FigureText> kappaFigure = new ReadOnlyObjectWrapper<>(FigureText.NONE);
    private final ReadOnlyObjectWrapper<FigureText> fleissFigure = new ReadOnlyObjectWrapper<>(FigureText.NONE);
    private final ReadOnlyObjectWrapper<FigureText> percentFigure = new ReadOnlyObjectWrapper<>(FigureText.NONE);
    private final ReadOnlyObjectWrapper<FigureText> hlpFigure = new ReadOnlyObjectWrapper<>(FigureText.NONE);

    private final ObservableList<ClassRow> classRows = FXCollections.observableArrayList();
    private final ObservableList<AnnotatorAgreement> annotatorRows = FXCollections.observableArrayList();
    private final BooleanBinding anyGold = Bindings.createBooleanBinding(
            () -> annotatorRows.stream().anyMatch(row -> row.goldItems() > 0), annotatorRows);
    private final ReadOnlyObjectWrapper<Coincidences> coincidences = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper confusionSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper confusionWeightNote = new ReadOnlyStringWrapper("");
    private final ObservableList<VersionRow> versionRows = FXCollections.observableArrayList();

    private final ObservableList<String> attributeNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedAttribute = new SimpleObjectProperty<>();
    private final ObservableList<SliceRow> sliceRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sliceMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper slicesComputing = new ReadOnlyBooleanWrapper();

    private final ReadOnlyBooleanWrapper intervalsRunning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper intervalProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper intervalStatus = new ReadOnlyStringWrapper("");

    private final ReadOnlyBooleanWrapper disagreementsHooked = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canOpenDisagreements;
    private Runnable onOpenDisagreements;
    private java.util.function.BiConsumer<String, String> onOpenPair;

    /** Every reload (the figures' thread asks its token too, to drop stale work early). */
    private final BackgroundCall.Latest loads = new BackgroundCall.Latest();
    /** Intervals starting or stopping: progress from an older run is dropped. */
    private final BackgroundCall.Latest intervalRuns = new BackgroundCall.Latest();
    private final BackgroundCall.Latest sliceLoads = new BackgroundCall.Latest();
    /** True from a reload until its figures (or its failure) are shown. */
    private boolean reloading;
    /** Interrupted by Cancel, Refresh and closing: the bootstrap touches no SQLite. */
    private Future<?> runningIntervals;
    private Future<?> runningSliceIntervals;
    private AgreementSnapshot snapshot;
    private AgreementResults shown;
    private final BooleanProperty includeSuggestions = new javafx.beans.property.SimpleBooleanProperty();

    public AgreementViewModel(AgreementCatalog catalog, UiExecutors executors) {
        this(catalog, executors, Executors.newSingleThreadExecutor(daemon("labelbench-agreement")),
                Executors.newSingleThreadExecutor(daemon("labelbench-agreement-intervals")),
                Executors.newFixedThreadPool(bootstrapThreads(), daemon("labelbench-bootstrap")));
    }

    private AgreementViewModel(AgreementCatalog catalog, UiExecutors executors, ExecutorService figures,
            ExecutorService intervals, ExecutorService workers) {
        this(catalog, executors, figures, intervals, workers, List.of(figures, intervals, workers));
    }

    /**
     * Tests pass direct executors: everything then runs inline, in order. {@code figures} computes
     * the figures, {@code intervals} runs the interval pass, which hands its groups to {@code workers}.
     */
    AgreementViewModel(AgreementCatalog catalog, UiExecutors executors, Executor figures, Executor intervals,
            Executor workers) {
        this(catalog, executors, figures, intervals, workers, List.of());
    }

    private AgreementViewModel(AgreementCatalog catalog, UiExecutors executors, Executor figures, Executor intervals,
            Executor workers, List<ExecutorService> owned) {
        this.catalog = catalog;
        this.executors = executors;
        this.figures = figures;
        this.intervals = intervals;
        this.workers = workers;
        this.owned = owned;
        canOpenDisagreements = Bindings.createBooleanBinding(() -> disagreementsHooked.get() && units.get() > 0,
                disagreementsHooked, units);
        selectedAttribute.addListener((observable, was, name) -> computeSlices());
        includeSuggestions.addListener((observable, was, now) -> reload());
    }

    /**
     * Whether the figures count labels that accepted a model's suggestion; off (the default) they
     * are human-only, as the command line's without --include-suggestions. Changing it recomputes.
     */
    public BooleanProperty includeSuggestionsProperty() {
        return includeSuggestions;
    }

    /**
     * The view was shown: recomputes when labels, items or classes changed since the figures on
     * screen were computed (a big project's intervals take a while; flipping between views should
     * not start them over).
     */
    public void showing() {
        if (reloading) {
            return;
        }
        BackgroundCall.of(catalog::stamp).onSuccess(stamp -> {
            boolean current = snapshot != null && stamp.equals(snapshot.stamp()) && state.get() != State.FAILED;
            if (!current) {
                reload();
            }
        }).onFailure(this::failed).unlessStale(loads.current()).runOn(executors);
    }

    /** Reads the labels again and recomputes every figure, then the intervals. */
    public void reload() {
        BackgroundCall.Latest.Token token = loads.next();
        reloading = true;
        sliceLoads.dropAll();
        stopIntervals();
        if (state.get() == State.READY) {
            updating.set(true);
        } else {
            state.set(State.LOADING);
        }
        Opinions.Suggestions counted = Opinions.Suggestions.included(includeSuggestions.get());
        BackgroundCall.of(() -> catalog.snapshot(counted)).onSuccess(read -> BackgroundCall
                .of(() -> token.isLatest() ? AgreementFigures.estimate(read) : null) // stale: dropped anyway
                .onSuccess(results -> show(read, results)).onFailure(this::failed).unlessStale(token)
                .runOn(figures, executors.fx())).onFailure(this::failed).unlessStale(token).runOn(executors);
    }

    /** Stops the intervals being computed; the figures stay, their intervals read "stopped". */
    public void cancelIntervals() {
        if (!intervalsRunning.get()) {
            return;
        }
        stopIntervals();
        if (shown != null) {
            apply(shown.stopped(IntervalStatus.NOT_COMPUTED));
        }
        sliceRows.setAll(sliceRows.stream().map(row -> row.intervals() == IntervalStatus.COMPUTING
                ? row.withStatus(IntervalStatus.NOT_COMPUTED) : row).toList());
        intervalStatus.set("Intervals stopped: Refresh computes them again");
    }

    /** Called by "Review disagreements"; the shell opens the disagreement browser. Without one the button is hidden. */
    public void setOnOpenDisagreements(Runnable action) {
        onOpenDisagreements = action;
        disagreementsHooked.set(action != null);
    }

    /** Called by a click on a confusion cell; the shell opens the browser on that pair of classes. */
    public void setOnOpenPairDisagreements(java.util.function.BiConsumer<String, String> action) {
        onOpenPair = action;
    }

    /** Whether a confusion cell opens anything (the cells look clickable only then). */
    public boolean opensPairs() {
        return onOpenPair != null;
    }

    /** The items where one annotator said {@code first} and another {@code second}, in the disagreements browser. */
    public void openDisagreements(String first, String second) {
        if (onOpenPair != null && !first.equals(second)) {
            onOpenPair.accept(first, second);
        }
    }

    public void openDisagreements() {
        if (canOpenDisagreements.get()) {
            onOpenDisagreements.run();
        }
    }

    /** The project is closing: nothing more is computed or shown. */
    public void dispose() {
        loads.dropAll();
        sliceLoads.dropAll();
        stopIntervals();
        owned.forEach(ExecutorService::shutdownNow);
    }

    private void show(AgreementSnapshot read, AgreementResults results) {
        snapshot = read;
        reloading = false;
        updating.set(false);
        multiLabel.set(read.multiLabel());
        units.set(results.units());
        if (results.units() == 0) {
            shown = null;
            clear();
            state.set(State.NO_OVERLAP);
            message.set(NO_OVERLAP);
            summary.set("");
            return;
        }
        apply(results);
        summary.set(DisplayFormats.count(results.units(), "item", "items") + " with two or more labels · "
                + DisplayFormats.count(results.annotators().size(), "annotator", "annotators") + " · "
                + DisplayFormats.count(results.classes().size(), "class", "classes")
                + (read.multiLabel() ? " · multi-label" : ""));
        message.set("");
        state.set(State.READY);
        showAttributes(read);
        startIntervals(loads.current(), read, results);
    }

    private void apply(AgreementResults results) {
        shown = results;
        classRows.setAll(results.classes());
        Optional<AgreementResults.SingleLabel> single = results.single();
        if (single.isEmpty()) {
            List.of(unitsFigure, alphaFigure, kappaFigure, fleissFigure, percentFigure, hlpFigure)
                    .forEach(figure -> figure.set(FigureText.NONE));
            annotatorRows.clear();
            coincidences.set(null);
            confusionSummary.set("");
            confusionWeightNote.set("");
            versionRows.clear();
            return;
        }
        AgreementResults.SingleLabel s = single.get();
        showHeadline(results, s);
        if (!annotatorRows.equals(s.annotatorRows())) {
            annotatorRows.setAll(s.annotatorRows());
        }
        if (coincidences.get() == null || coincidences.get().matrix() != s.coincidences()) {
            Coincidences shownCoincidences = new Coincidences(s.classNames(), s.coincidences());
            coincidences.set(shownCoincidences);
            confusionSummary.set(confusionSummary(shownCoincidences));
            confusionWeightNote.set(shownCoincidences.hasFractions() ? CONFUSION_WEIGHT_NOTE : "");
        }
        versionRows.setAll(s.versions());
    }

    private void showHeadline(AgreementResults results, AgreementResults.SingleLabel s) {
        AgreementReport r = s.report();
        IntervalStatus status = s.headlineIntervals();
        unitsFigure.set(new FigureText(DisplayFormats.count(r.units()), "", "labeled by two or more of "
                + DisplayFormats.count(results.annotators().size(), "annotator", "annotators") + ": "
                + String.join(", ", results.annotators()), true));
        alphaFigure.set(figure(AgreementText.value(r.alphaNominal()), r.alphaNominal().isAvailable(),
                AgreementText.cardInterval(r.alphaNominalInterval(), status),
                AgreementText.alphaVariant("ordinal", r.alphaOrdinal(), r.alphaOrdinalInterval()) + "\n"
                        + AgreementText.alphaVariant("interval", r.alphaInterval(), r.alphaIntervalInterval()),
                r.alphaNominal().unavailableReason()));
        kappaFigure.set(figure(AgreementText.value(r.meanCohenKappa()), r.meanCohenKappa().isAvailable(),
                AgreementText.cardInterval(r.meanCohenKappaInterval(), status),
                "mean over " + DisplayFormats.count(r.cohenPairs().size(), "pair", "pairs") + " of annotators",
                r.meanCohenKappa().unavailableReason()));
        fleissFigure.set(figure(AgreementText.value(r.fleiss().kappa()), r.fleiss().kappa().isAvailable(), "",
                DisplayFormats.count(r.fleiss().units(), "item", "items") + " with " + r.fleiss().ratersPerUnit()
                        + " labels each", r.fleiss().kappa().unavailableReason()));
        percentFigure.set(figure(AgreementText.percent(r.percentAgreement()), r.percentAgreement().isAvailable(), "",
                "of annotator pairs agree (mean over items)",
                r.percentAgreement().unavailableReason()));
        HumanLevelPerformance hlp = s.hlp();
        hlpFigure.set(figure(AgreementText.value(hlp.hlp()), hlp.hlp().isAvailable(),
                AgreementText.cardInterval(hlp.interval(), status),
                String.format(Locale.ROOT, "%s: %,d with gold, %,d pairwise",
                        DisplayFormats.count(hlp.items(), "item", "items"), hlp.itemsWithGold(), hlp.itemsPairwise()),
                hlp.hlp().unavailableReason()));
    }

    /** A card's text; a figure that cannot be computed shows "n/a" and its reason instead of the details. */
    private static FigureText figure(String value, boolean available, String interval, String detail, String reason) {
        return available ? new FigureText(value, interval, detail, true)
                : new FigureText(AgreementText.NOT_AVAILABLE, "", reason, false);
    }

    static String confusionSummary(Coincidences coincidences) {
        List<Coincidences.Confusion> top = coincidences.mostConfused(3);
        if (top.isEmpty()) {
            return "No two annotators gave different classes to the same item.";
        }
        return "Most confused: " + top.stream().map(c -> c.first() + " ↔ " + c.second() + " ("
                + Coincidences.pairs(c.pairs()) + ")").collect(Collectors.joining(", "));
    }

    private void startIntervals(BackgroundCall.Latest.Token load, AgreementSnapshot read, AgreementResults estimates) {
        BackgroundCall.Latest.Token run = intervalRuns.next();
        BackgroundCall.Latest.Token current = () -> load.isLatest() && run.isLatest();
        intervalsRunning.set(true);
        intervalProgress.set(0);
        intervalStatus.set("Computing 95 % intervals…");
        runningIntervals = BackgroundCall.of(() -> {
            AgreementFigures.addIntervals(read, estimates, AgreementFigures.RESAMPLES, AgreementFigures.SEED,
                    workers, (soFar, done, all) -> executors.fx().execute(() -> {
                        if (current.isLatest()) { // progress, not the answer: each group as it is done
                            apply(soFar);
                            intervalProgress.set((double) done / all);
                            intervalStatus.set(progressText(done, all));
                        }
                    }));
        }).onSuccess(done -> {
            intervalsRunning.set(false);
            intervalStatus.set(String.format(Locale.ROOT, "95 %% intervals: %,d bootstrap resamples, seed %d",
                    AgreementFigures.RESAMPLES, AgreementFigures.SEED));
        }).onFailure(failure -> {
            intervalsRunning.set(false);
            apply(shown.stopped(IntervalStatus.NOT_COMPUTED));
            intervalStatus.set("Intervals failed: " + oneLine(failure));
        }).unlessStale(current).runInterruptiblyOn(intervals, executors.fx());
    }

    private static String progressText(int done, int total) {
        return String.format(Locale.ROOT, "Computing 95 %% intervals… %d of %d", done, total);
    }

    private void showAttributes(AgreementSnapshot read) {
        if (!attributeNames.equals(read.attributes())) {
            attributeNames.setAll(read.attributes());
        }
        String keep = selectedAttribute.get();
        String choose = read.attributes().contains(keep) ? keep : read.attributes().isEmpty() ? null
                : read.attributes().get(0);
        if (choose != null && choose.equals(keep)) {
            computeSlices(); // same attribute, new labels
        } else {
            selectedAttribute.set(choose); // the listener computes
        }
    }

    /** HLP per value of the selected attribute: the figures at once, then their intervals. */
    private void computeSlices() {
        BackgroundCall.Latest.Token token = sliceLoads.next();
        if (runningSliceIntervals != null) {
            runningSliceIntervals.cancel(true);
        }
        AgreementSnapshot read = snapshot;
        String name = selectedAttribute.get();
        if (read == null || read.multiLabel() || state.get() != State.READY) {
            sliceRows.clear();
            slicesComputing.set(false);
            return;
        }
        if (name == null) {
            sliceRows.clear();
            slicesComputing.set(false);
            sliceMessage.set(NO_ATTRIBUTES);
            return;
        }
        sliceMessage.set("");
        slicesComputing.set(true);
        LabelMatrix matrix = read.matrix();
        BackgroundCall.of(() -> catalog.slicesByAttribute(matrix, name)).onSuccess(slices -> BackgroundCall
                .of(() -> AgreementFigures.slices(matrix, slices, 0, AgreementFigures.SEED)).onSuccess(rows -> {
                    sliceRows.setAll(rows);
                    slicesComputing.set(false);
                    startSliceIntervals(token, matrix, slices);
                }).onFailure(this::sliceFailed).unlessStale(token).runOn(figures, executors.fx()))
                .onFailure(this::sliceFailed).unlessStale(token).runOn(executors);
    }

    private void startSliceIntervals(BackgroundCall.Latest.Token token, LabelMatrix matrix,
            Map<String, int[]> slices) {
        runningSliceIntervals = BackgroundCall.of(() -> AgreementFigures.slices(matrix, slices,
                AgreementFigures.RESAMPLES, AgreementFigures.SEED)).onSuccess(sliceRows::setAll)
                .onFailure(this::sliceFailed).unlessStale(token).runInterruptiblyOn(workers, executors.fx());
    }

    private void sliceFailed(Throwable e) {
        sliceRows.clear();
        slicesComputing.set(false);
        sliceMessage.set(oneLine(e));
    }

    private void failed(Throwable e) {
        stopIntervals();
        reloading = false;
        updating.set(false);
        shown = null;
        clear();
        units.set(0);
        summary.set("");
        state.set(State.FAILED);
        message.set("Could not compute agreement: " + oneLine(e));
    }

    private void clear() {
        classRows.clear();
        annotatorRows.clear();
        versionRows.clear();
        sliceRows.clear();
        coincidences.set(null);
        confusionSummary.set("");
        confusionWeightNote.set("");
        intervalStatus.set("");
    }

    /** Interrupts the bootstrap threads (their work is memory only) and drops what they would still report. */
    private void stopIntervals() {
        intervalRuns.dropAll();
        intervalsRunning.set(false);
        if (runningIntervals != null) {
            runningIntervals.cancel(true);
            runningIntervals = null;
        }
        if (runningSliceIntervals != null) {
            runningSliceIntervals.cancel(true);
            runningSliceIntervals = null;
        }
    }

    static String oneLine(Throwable e) {
        String text = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        return text.lines().findFirst().orElse(text);
    }

    /**
     * Threads for the bootstrap's groups: half the cores (the FX and reads threads keep theirs),
     * at most four, since each group of a big project holds its own copy of the labels (tens of MB).
     */
    private static int bootstrapThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true); // a bootstrap in progress never keeps the JVM alive
            thread.setPriority(Thread.NORM_PRIORITY - 1); // the FX and reads threads come first
            return thread;
        };
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

    public ReadOnlyBooleanProperty multiLabelProperty() {
        return multiLabel.getReadOnlyProperty();
    }

    /** True while a reload runs behind figures already on screen. */
    public ReadOnlyBooleanProperty updatingProperty() {
        return updating.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty unitsProperty() {
        return units.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FigureText> unitsFigureProperty() {
        return unitsFigure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FigureText> alphaFigureProperty() {
        return alphaFigure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FigureText> kappaFigureProperty() {
        return kappaFigure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FigureText> fleissFigureProperty() {
        return fleissFigure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FigureText> percentFigureProperty() {
        return percentFigure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FigureText> hlpFigureProperty() {
        return hlpFigure.getReadOnlyProperty();
    }

    public ObservableList<ClassRow> classRows() {
        return classRows;
    }


    public ObservableList<AnnotatorAgreement> annotatorRows() {
        return annotatorRows;
    }

    /** Whether any annotator labeled an adjudicated item (else accuracy against the gold is n/a for all). */
    public BooleanBinding anyGoldProperty() {
        return anyGold;
    }

    public ReadOnlyObjectProperty<Coincidences> coincidencesProperty() {
        return coincidences.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty confusionSummaryProperty() {
        return confusionSummary.getReadOnlyProperty();
    }

    public ObservableList<VersionRow> versionRows() {
        return versionRows;
    }

    public ObservableList<String> attributeNames() {
        return attributeNames;
    }

    public ObjectProperty<String> selectedAttributeProperty() {
        return selectedAttribute;
    }

    public ObservableList<SliceRow> sliceRows() {
        return sliceRows;
    }

    /** True from choosing an attribute until its slices' figures are in (seconds on a big project). */
    public ReadOnlyBooleanProperty slicesComputingProperty() {
        return slicesComputing.getReadOnlyProperty();
    }

    /** {@link #CONFUSION_WEIGHT_NOTE} when the heat map has fractional counts, else empty. */
    public ReadOnlyStringProperty confusionWeightNoteProperty() {
        return confusionWeightNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sliceMessageProperty() {
        return sliceMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty intervalsRunningProperty() {
        return intervalsRunning.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty intervalProgressProperty() {
        return intervalProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty intervalStatusProperty() {
        return intervalStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty disagreementsHookedProperty() {
        return disagreementsHooked.getReadOnlyProperty();
    }

    public BooleanBinding canOpenDisagreementsProperty() {
        return canOpenDisagreements;
    }
}
