package org.labelbench.ui.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.analysis.LabelErrors;
import org.labelbench.analysis.TagService;
import org.labelbench.analysis.TagTable;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.BadInputException;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.preview.MediaFiles;

/**
 * The Error analysis view's coordinator: which run and ground truth are shown, the screen's state
 * and its message line, and the parts that do the work, each with one job:
 * {@link RunLoader} (the run read against the truth), {@link TagTableModel} (which tag to work
 * on next), {@link ErrorSheetModel} (the spreadsheet of the model's errors, paged from SQLite),
 * {@link TaggingModel} (keyboard tagging with undo and redo) and {@link TagActions} (queues, rule
 * and attribute tags, importing a run).
 *
 * <p>The run is read against the truth once (seconds on a million items) on the reads thread, its
 * table and sheet are computed on the figures thread, and the sheet's first page is read on the
 * reads thread again, all through {@link BackgroundCall}s that carry one token: an answer for a
 * load that a newer one superseded is dropped, and every failure reaches the message line (or the
 * failed state). A tagging re-reads only the tags and recomputes the table from what is in memory.
 */
public final class AnalysisViewModel {
    static final String NO_RUNS = "No prediction runs yet: import one with `labelbench predictions import PROJECT"
            + " --run NAME --file predictions.csv`";

    /** What the view shows: a spinner, the screen, the one line about runs, or what went wrong. */
    public enum State { LOADING, READY, NO_RUNS, FAILED }

    private final AnalysisCatalog catalog;
    private final UiExecutors executors;
    private final Executor figures;
    private final List<ExecutorService> owned;
    private final RowPlayback playback;
    private final MediaFiles media;

    private final MessageLine message = new MessageLine();
    private final RunLoader loader;
    private final TagTableModel table;
    private final ErrorSheetModel sheet;
    private final TaggingModel tagging;
    private final TagActions actions;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> runs = FXCollections.observableArrayList();
    private final ObjectProperty<String> run = new SimpleObjectProperty<>();
    private final ObservableList<TruthChoice> truthChoices = FXCollections.observableArrayList(TruthChoice.DEFAULT);
    private final ObjectProperty<TruthChoice> truth = new SimpleObjectProperty<>(TruthChoice.DEFAULT);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper truthSummary = new ReadOnlyStringWrapper("");

    /** Every load of the run; a newer one makes the answers of the older stale. */
    private final BackgroundCall.Latest loads = new BackgroundCall.Latest();
    /** What the screen shows; FX thread only. */
    private AnalysisCatalog.Evaluated shown;
    /** A tag just made whose rows the sheet shows once the tags are read again (the label errors). */
    private String pendingTag;
    /** The "Slices and runs" windows' models handed out: they close with the project. FX thread. */
    private final List<SlicesAndRunsModel> slicesAndRuns = new ArrayList<>();
    /** True while the view model sets its own choices (run, truth): they trigger nothing then. */
    private boolean syncing;

    public AnalysisViewModel(AnalysisCatalog catalog, MediaFiles media, UiExecutors executors, JobRunner jobs,
            Supplier<String> author) {
        this(catalog, media, executors, jobs, author,
                Executors.newSingleThreadExecutor(daemon("labelbench-analysis")),
                Executors.newSingleThreadExecutor(daemon("labelbench-analysis-intervals")));
    }

    private AnalysisViewModel(AnalysisCatalog catalog, MediaFiles media, UiExecutors executors, JobRunner jobs,
            Supplier<String> author, ExecutorService figures, ExecutorService intervals) {
        this(catalog, media, executors, jobs, author, figures, intervals, List.of(figures, intervals));
    }

    /** Tests pass direct executors (and a job runner on the calling thread): everything then runs inline, in order. */
    AnalysisViewModel(AnalysisCatalog catalog, MediaFiles media, UiExecutors executors, JobRunner jobs,
            String author, Executor figures, Executor intervals) {
        this(catalog, media, executors, jobs, () -> author, figures, intervals, List.of());
    }

    private AnalysisViewModel(AnalysisCatalog catalog, MediaFiles media, UiExecutors executors, JobRunner jobs,
            Supplier<String> author, Executor figures, Executor intervals, List<ExecutorService> owned) {
        this.catalog = catalog;
        this.executors = executors;
        this.figures = figures;
        this.owned = owned;
        this.playback = new RowPlayback(media, executors);
        this.media = media;
        this.loader = new RunLoader(catalog);
        this.table = new TagTableModel(figures, intervals, executors.fx(), message);
        this.sheet = new ErrorSheetModel(catalog, executors, figures, message);
        this.tagging = new TaggingModel(catalog, loader, sheet.rows(), executors, author, message, this::retagged);
        this.actions = new TagActions(catalog, executors, jobs, author, message,
                () -> shown == null ? null : shown.membership(), this::tagsChangedByAJob);
        busy.bind(loading.or(sheet.buildingProperty()));
        run.addListener((observable, was, now) -> {
            if (!syncing && now != null && !now.equals(was)) {
                reload();
            }
        });
        truth.addListener((observable, was, now) -> {
            if (!syncing && now != null && !now.equals(was)) {
                reload();
            }
        });
    }

    /**
     * The view was shown: reads everything on the first showing; later, the run again only when
     * the labels or the runs changed since (a big run takes seconds to read), else only the tags.
     */
    public void showing() {
        if (shown == null || state.get() != State.READY) {
            reload();
            return;
        }
        AnalysisCatalog.Evaluated current = shown;
        BackgroundCall.of(loader::stamp)
                .onSuccess(stamp -> {
                    if (stamp.labels() != current.labelsStamp() || !stamp.runs().equals(List.copyOf(runs))) {
                        reload();
                    } else {
                        refreshTags();
                    }
                })
                .onFailure(this::failed)
                .unlessStale(loads.current())
                .runOn(executors);
    }

    /** Reads the runs, the chosen run against the chosen truth and the tags, then shows it all. */
    public void reload() {
        BackgroundCall.Latest.Token token = loads.next();
        BackgroundCall.Latest.Token sheetToken = sheet.reloading();
        table.invalidate();
        loading.set(true);
        if (state.get() != State.READY) {
            state.set(State.LOADING);
        }
        String wantedRun = run.get();
        TruthChoice wantedTruth = truth.get() == null ? TruthChoice.DEFAULT : truth.get();
        ErrorSheetModel.Settings settings = sheet.settings();
        // Skipped on the reads thread when a newer load came first: a run takes seconds to read.
        BackgroundCall.of(() -> token.isLatest() ? loader.load(wantedRun, wantedTruth.source()) : null)
                .onSuccess(loaded -> {
                    if (loaded.noRuns()) {
                        noRuns();
                    } else {
                        figure(token, new Load(loaded.runs(), loaded.read(), wantedTruth, sheetToken, settings));
                    }
                })
                .onFailure(this::failed)
                .unlessStale(token)
                .runOn(executors);
    }

    /** One load's request and what it read so far. */
    private record Load(List<String> runs, AnalysisCatalog.Evaluated read, TruthChoice truth,
            BackgroundCall.Latest.Token sheetToken, ErrorSheetModel.Settings settings) {
    }

    /** The figures of a load: the table without intervals, the headline, and the sheet for the choices. */
    private record Figures(TagTable table, String headline, ErrorSheet sheet) {
    }

    private void figure(BackgroundCall.Latest.Token token, Load load) {
        BackgroundCall.of(() -> new Figures(TagTableModel.quick(load.read()),
                AnalysisText.headline(load.read().evaluation()), ErrorSheetModel.sheet(load.read(), load.settings())))
                .onSuccess(figured -> readFirstPage(token, load, figured))
                .onFailure(this::failed)
                .unlessStale(token)
                .runOn(figures, executors.fx());
    }

    private void readFirstPage(BackgroundCall.Latest.Token token, Load load, Figures figured) {
        BackgroundCall.of(() -> sheet.readFirstPage(figured.sheet()))
                .onSuccess(first -> show(load, figured, first))
                .onFailure(this::failed)
                .unlessStale(token)
                .runOn(executors);
    }

    private void show(Load load, Figures figured, List<ErrorSheet.Row> first) {
        AnalysisCatalog.Evaluated read = load.read();
        TagTable quick = figured.table();
        AnalysisCatalog.Evaluated newest = loader.latest();
        if (newest != null && newest.evaluation() == read.evaluation() && newest != read) {
            // a tagging finished between reading the run and showing it: its tags are the newer ones
            read = newest;
            quick = TagTableModel.quick(read);
        }
        shown = read;
        syncing = true;
        try {
            runs.setAll(load.runs());
            run.set(read.evaluation().run().name());
            List<TruthChoice> choices = TruthChoice.forAnnotators(read.evaluation().truth().labels().annotators());
            if (!choices.contains(load.truth())) {
                choices.add(load.truth());
            }
            truthChoices.setAll(choices);
            truth.set(load.truth());
        } finally {
            syncing = false;
        }
        tagging.showRun(read);
        summary.set(figured.headline());
        truthSummary.set(AnalysisText.truthSummary(read.evaluation().truth()));
        sheet.show(read, load.sheetToken(), load.settings(), figured.sheet(), first);
        failure.set("");
        state.set(State.READY);
        loading.set(false);
        table.show(read, quick);
    }

    private void noRuns() {
        shown = null;
        syncing = true;
        try {
            runs.clear();
            run.set(null);
        } finally {
            syncing = false;
        }
        table.clear();
        sheet.clear();
        summary.set("");
        truthSummary.set("");
        loading.set(false);
        state.set(State.NO_RUNS);
    }

    private void failed(Throwable error) {
        loading.set(false);
        String reason = FailureText.of(error);
        if (state.get() == State.READY && error instanceof BadInputException && shown != null) {
            // e.g. a truth naming an annotator without labels: keep the screen, and its choices, as they were
            syncing = true;
            try {
                run.set(shown.evaluation().run().name());
                truth.set(truthChoices.stream().filter(choice -> choice.source().equals(shown.evaluation().truth()
                        .source())).findFirst().orElse(TruthChoice.DEFAULT));
            } finally {
                syncing = false;
            }
            message.error(reason);
            return;
        }
        failure.set(reason);
        state.set(State.FAILED);
    }

    /** Re-reads the tags (another page may have changed them) and shows them again. */
    /** A job changed tags in the store: the table's tags are read again, and so are the sheet's rows on screen. */
    private void tagsChangedByAJob() {
        refreshTags();
        sheet.rows().rereadRows();
    }

    private void refreshTags() {
        BackgroundCall.of(loader::retag)
                .onSuccess(this::retagged)
                .onFailure(error -> message.error("Could not read the tags: " + FailureText.of(error)))
                .runOn(executors);
    }

    /** Shows freshly read tags: the table (without intervals at once, then with), the filters, the names. */
    private void retagged(AnalysisCatalog.Evaluated read) {
        if (read == null || shown == null || read.evaluation() != shown.evaluation()) {
            return; // read over a run that is no longer (or not yet) on screen: its own reload shows the tags
        }
        shown = read;
        sheet.retagged(read);
        tagging.retagged(read);
        table.recompute(read);
        if (pendingTag != null && read.membership().tags().containsKey(pendingTag)) {
            String tag = pendingTag;
            pendingTag = null;
            showTag(tag);
        }
    }

    /**
     * The large item view of the row at {@code index}: empty while its page is still being read
     * or when no run is shown. The caller disposes it when the view closes.
     */
    public Optional<ItemDetailModel> itemDetail(int index) {
        PagedErrorList rows = sheet.rows();
        if (index < 0 || index >= rows.size() || run.get() == null) {
            return Optional.empty();
        }
        ErrorSlot slot = rows.get(index);
        if (!slot.isLoaded()) {
            return Optional.empty();
        }
        playback.stop();
        return Optional.of(new ItemDetailModel(catalog, media, executors, run.get(), slot.row()));
    }

    // ---- tagging ----

    /** Adds {@code tag} to the items of the spreadsheet rows at {@code indices}. */
    public void addTag(String tag, List<Integer> indices) {
        if (shown != null) {
            tagging.change(tag, indices, true);
        }
    }

    /** Removes {@code tag} from the items of the spreadsheet rows at {@code indices}. */
    public void removeTag(String tag, List<Integer> indices) {
        if (shown != null) {
            tagging.change(tag, indices, false);
        }
    }

    /** Adds the quick tag shown under number {@code number} (1–9); nothing if there is none. */
    public void addQuickTag(int number, List<Integer> indices) {
        List<String> quick = tagging.quickTags();
        if (number >= 1 && number <= quick.size()) {
            addTag(quick.get(number - 1), indices);
        }
    }

    /** Undoes the last tagging not undone yet (Ctrl+Z). */
    public void undo() {
        tagging.undo();
    }

    /** Makes the last undone tagging again (Ctrl+Shift+Z, Ctrl+Y). */
    public void redo() {
        tagging.redo();
    }

    // ---- acting on a tag of the table ----

    /** Shows the spreadsheet rows of {@code tag} ("(all data)": every row). */
    public void showTag(String tag) {
        sheet.filterProperty().set(tag == null || TagTable.ALL.equals(tag) ? SheetFilter.ALL : SheetFilter.tag(tag));
    }

    /** How many items carry {@code tag} (all of them, predicted or not): what a queue over it covers. */
    public long taggedCount(String tag) {
        return actions.taggedCount(tag);
    }

    /**
     * Creates a labeling queue over every item that carries {@code tag}. Completes with null when
     * the queue was created, or with the core's one-line reason when it was refused.
     */
    public CompletionStage<String> createQueue(String tag, String name, QueueStrategy strategy, int overlap) {
        return actions.createQueueFromTag(tag, name, strategy, overlap);
    }

    /**
     * Defines a rule tag (an expression over media, attributes, labels and the shown run's
     * predictions) and shows it in the table. Completes with null when it was defined, or with
     * the one-line reason it was refused (the column of a syntax error, an unknown field).
     */
    public CompletionStage<String> defineRuleTag(String name, String expression) {
        return actions.defineRuleTag(name, expression, run.get());
    }

    /** Turns every value of {@code attribute} into a tag ("attribute=value"): slices in one click. */
    /** Tags the shown run's likely label errors against the chosen truth, as a job. */
    public CompletionStage<String> tagLabelErrors() {
        TruthChoice chosen = truth.get() == null ? TruthChoice.DEFAULT : truth.get();
        String tag = LabelErrors.defaultTag(run.get());
        return actions.tagLabelErrors(run.get(), chosen.source()).thenApply(refusal -> {
            if (refusal == null) {
                showWhenTagged(tag); // the list beside its media at once; "Create queue…" reviews it
            }
            return refusal;
        });
    }

    /** Filters the sheet to {@code tag} now if the tags shown carry it, else as soon as a read of them does. */
    private void showWhenTagged(String tag) {
        if (shown != null && shown.membership().tags().containsKey(tag)) {
            showTag(tag);
        } else {
            pendingTag = tag;
        }
    }

    public CompletionStage<String> tagsFromAttribute(String attribute) {
        return actions.tagsFromAttribute(attribute);
    }

    /** The project's attribute names, read off the FX thread. */
    public CompletionStage<List<String>> attributeNames() {
        return actions.attributeNames();
    }

    /**
     * Imports a prediction file as run {@code name} and shows it. Completes with null when it was
     * imported (or cancelled), or with the one-line reason (naming the file) when it was refused.
     */
    public CompletionStage<String> importRun(Path file, String name) {
        return actions.importRun(file, name, imported -> {
            syncing = true;
            try {
                run.set(imported.name());
            } finally {
                syncing = false;
            }
            reload();
        });
    }

    /** Asks the running import or tag definition to stop; it changes nothing then. */
    public void cancelJob() {
        actions.cancelJob();
    }

    public void dismissMessage() {
        message.dismiss();
    }

    /**
     * "Slices and runs" for the run and ground truth on screen, from what was read for it (the
     * evaluation and the tags in memory); empty when no run is shown. Call {@code start()} on it.
     */
    public Optional<SlicesAndRunsModel> slicesAndRuns() {
        AnalysisCatalog.Evaluated read = shown;
        if (read == null || state.get() != State.READY) {
            return Optional.empty();
        }
        TruthChoice chosen = truth.get() == null ? TruthChoice.DEFAULT : truth.get();
        SlicesAndRunsModel model = new SlicesAndRunsModel(catalog, executors, read.evaluation(),
                TagService.carried(read.membership()), chosen.text(), List.copyOf(runs));
        slicesAndRuns.removeIf(old -> old.closedProperty().get());
        slicesAndRuns.add(model);
        return Optional.of(model);
    }

    /** Stops playback and background work for good: the project is closing. */
    public void dispose() {
        slicesAndRuns.forEach(SlicesAndRunsModel::close);
        slicesAndRuns.clear();
        playback.stop();
        actions.cancelJob(); // an import half-way rolls back rather than write into a closing project
        loads.dropAll();
        sheet.reloading();
        table.invalidate();
        owned.forEach(ExecutorService::shutdownNow);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the view could not be shown (state FAILED). */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** True while the run or a sheet is being read: the spinner. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<String> runs() {
        return runs;
    }

    public ObjectProperty<String> runProperty() {
        return run;
    }

    public ObservableList<TruthChoice> truthChoices() {
        return truthChoices;
    }

    public ObjectProperty<TruthChoice> truthProperty() {
        return truth;
    }

    /** Accuracy, macro F1 and how many predicted items have a ground truth. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How the ground truth of the items was decided. */
    public ReadOnlyStringProperty truthSummaryProperty() {
        return truthSummary.getReadOnlyProperty();
    }

    /** The tag table: "(all data)" first, then the tags with an evaluated item, by potential gain. */
    public ObservableList<TagTable.Row> tagRows() {
        return table.rows();
    }

    /** "No evaluated items: tagA, tagB" under the table (the tags it leaves out), or empty. */
    public ReadOnlyStringProperty unevaluatedProperty() {
        return table.unevaluatedProperty();
    }

    /** True while HLP's intervals for the rows on screen are being computed. */
    public ReadOnlyBooleanProperty intervalsPendingProperty() {
        return table.intervalsPendingProperty();
    }

    public BooleanProperty errorsOnlyProperty() {
        return sheet.errorsOnlyProperty();
    }

    public ObservableList<SheetFilter> filters() {
        return sheet.filters();
    }

    public ObjectProperty<SheetFilter> filterProperty() {
        return sheet.filterProperty();
    }

    public ObjectProperty<ErrorSheet.Order> orderProperty() {
        return sheet.orderProperty();
    }

    /** The spreadsheet's rows, paged. */
    public PagedErrorList rows() {
        return sheet.rows();
    }

    /** "412 errors of 3,000 predicted items" (with the filter's rows first when one is set). */
    public ReadOnlyStringProperty countTextProperty() {
        return sheet.countTextProperty();
    }

    /** The manual tags, by name: what the tag field completes. */
    public ObservableList<String> tagNames() {
        return tagging.tagNames();
    }

    /** What the number keys 1–9 apply, in key order. */
    public ObservableList<String> quickTags() {
        return tagging.quickTags();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return tagging.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return tagging.canRedoProperty();
    }

    /** The one-line outcome of the last action ("Tagged 2 items 'blurry' · Ctrl+Z undoes"), or a refusal. */
    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return message.errorProperty();
    }

    /** True while an import or a tag definition runs as a job: its bar with Cancel. */
    public ReadOnlyBooleanProperty jobRunningProperty() {
        return actions.jobRunningProperty();
    }

    /** The running job's progress, from 0 to 1, or negative while its total is unknown. */
    public ReadOnlyDoubleProperty jobProgressProperty() {
        return actions.jobProgressProperty();
    }

    /** The running job's current step. */
    public ReadOnlyStringProperty jobMessageProperty() {
        return actions.jobMessageProperty();
    }

    /** True while a tagging is on its way to the store (tests wait for it). */
    boolean taggingInFlight() {
        return tagging.inFlight();
    }

    public RowPlayback playback() {
        return playback;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true); // never keeps the JVM alive after the window closed
            return thread;
        };
    }
}
