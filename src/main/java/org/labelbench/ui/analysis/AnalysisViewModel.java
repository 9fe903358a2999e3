package org.labelbench.ui.analysis;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.analysis.PredictionService.ImportedRun;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.analysis.TagMembership;
import org.labelbench.analysis.TagTable;
import org.labelbench.labeling.Queue;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Item;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.TagRepository.TagInfo;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.preview.MediaFiles;

/**
 * The Error analysis view's state: the prediction run and the ground truth it is measured
 * against, the tag table (which tag to work on next), and the spreadsheet of the model's
 * errors, paged from SQLite, with keyboard tagging that can be undone.
 *
 * <p>The run is read against the truth once (seconds on a million items) on the reads thread;
 * a tagging re-reads only the tags and recomputes the table from what is in memory. The table
 * is shown at once without intervals and again with HLP's bootstrap intervals when they are in,
 * computed on a thread of their own. Every request carries a token: an answer for a request
 * that a newer one superseded is dropped.
 */
public final class AnalysisViewModel {
    static final String NO_RUNS = "No prediction runs yet: import one with `labelbench predictions import PROJECT"
            + " --run NAME --file predictions.csv`";
    static final int PAGE_SIZE = 200;
    private static final int CACHED_PAGES = 6;
    /** Bootstrap resamples for HLP's interval per tag: enough for a steady 95 % interval. */
    static final int RESAMPLES = 500;
    private static final long SEED = 1;
    private static final int QUICK_TAGS = 9;

    /** What the view shows: a spinner, the screen, the one line about runs, or what went wrong. */
    public enum State { LOADING, READY, NO_RUNS, FAILED }

    private final AnalysisCatalog catalog;
    private final UiExecutors executors;
    private final Executor figures;
    private final Executor intervals;
    private final List<ExecutorService> owned;
    private final Supplier<String> author;
    private final RowPlayback playback;
    private final MediaFiles media;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> runs = FXCollections.observableArrayList();
    private final ObjectProperty<String> run = new SimpleObjectProperty<>();
    private final ObservableList<TruthChoice> truthChoices = FXCollections.observableArrayList(TruthChoice.DEFAULT);
    private final ObjectProperty<TruthChoice> truth = new SimpleObjectProperty<>(TruthChoice.DEFAULT);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper truthSummary = new ReadOnlyStringWrapper("");

    private final ObservableList<TagTable.Row> tagRows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper intervalsPending = new ReadOnlyBooleanWrapper();

    private final BooleanProperty errorsOnly = new SimpleBooleanProperty(true);
    private final ObservableList<SheetFilter> filters = FXCollections.observableArrayList(SheetFilter.ALL,
            SheetFilter.UNTAGGED);
    private final ObjectProperty<SheetFilter> filter = new SimpleObjectProperty<>(SheetFilter.ALL);
    private final ObjectProperty<ErrorSheet.Order> order =
            new SimpleObjectProperty<>(ErrorSheet.Order.CONFIDENCE_DESCENDING);
    private final PagedErrorList rows;
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");

    private final ObservableList<String> tagNames = FXCollections.observableArrayList();
    private final ObservableList<String> quickTags = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();

    /**
     * The large item view of the row at {@code index}: empty while its page is still being read
     * or when no run is shown. The caller disposes it when the view closes.
     */
    public java.util.Optional<ItemDetailModel> itemDetail(int index) {
        if (index < 0 || index >= rows.size() || run.get() == null) {
            return java.util.Optional.empty();
        }
        ErrorSlot slot = rows.get(index);
        if (!slot.isLoaded()) {
            return java.util.Optional.empty();
        }
        playback.stop();
        return java.util.Optional.of(new ItemDetailModel(catalog, media, executors, run.get(), slot.row()));
    }

    /** Bumped by every reload of the run; background threads read it to drop stale work early. */
    private final AtomicLong loads = new AtomicLong();
    /** Bumped by every new sheet (filter, order, reload). */
    private final AtomicLong sheets = new AtomicLong();
    /** Bumped by every new tag table (reload, tagging). */
    private final AtomicLong tables = new AtomicLong();
    /** Taggings sent to the reads thread and not answered yet. */
    private final AtomicInteger taggingsInFlight = new AtomicInteger();
    /**
     * The newest run and tags the reads thread knows: taggings are queued on that one thread, so
     * each sees what the one before it wrote, whatever the FX thread has shown yet.
     */
    private final AtomicReference<AnalysisCatalog.Evaluated> latestRead = new AtomicReference<>();
    /** What the screen shows; FX thread only. */
    private AnalysisCatalog.Evaluated shown;
    private final Deque<TagEdit> undoable = new ArrayDeque<>();
    /** The "Slices and runs" windows' models handed out: they close with the project. FX thread. */
    private final List<SlicesAndRunsModel> slicesAndRuns = new ArrayList<>();
    /** True while the view model sets its own choices (run, truth, filter): they trigger nothing then. */
    private boolean syncing;

    public AnalysisViewModel(AnalysisCatalog catalog, MediaFiles media, UiExecutors executors,
            Supplier<String> author) {
        this(catalog, media, executors, author, Executors.newSingleThreadExecutor(daemon("labelbench-analysis")),
                Executors.newSingleThreadExecutor(daemon("labelbench-analysis-intervals")));
    }

    private AnalysisViewModel(AnalysisCatalog catalog, MediaFiles media, UiExecutors executors,
            Supplier<String> author, ExecutorService figures, ExecutorService intervals) {
        this(catalog, media, executors, author, figures, intervals, List.of(figures, intervals));
    }

    /** Tests pass direct executors: everything then runs inline, in order. */
    AnalysisViewModel(AnalysisCatalog catalog, MediaFiles media, UiExecutors executors, String author,
            Executor figures, Executor intervals) {
        this(catalog, media, executors, () -> author, figures, intervals, List.of());
    }

    private AnalysisViewModel(AnalysisCatalog catalog, MediaFiles media, UiExecutors executors,
            Supplier<String> author, Executor figures, Executor intervals, List<ExecutorService> owned) {
        this.catalog = catalog;
        this.executors = executors;
        this.figures = figures;
        this.intervals = intervals;
        this.owned = owned;
        this.author = author;
        this.playback = new RowPlayback(media, executors);
        this.media = media;
        this.rows = new PagedErrorList(catalog::page, executors.reads(), executors.fx(), PAGE_SIZE, CACHED_PAGES);
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
        errorsOnly.addListener((observable, was, now) -> rebuildSheet());
        order.addListener((observable, was, now) -> {
            if (now != null) {
                rebuildSheet();
            }
        });
        filter.addListener((observable, was, now) -> {
            if (!syncing && now != null && !now.equals(was)) {
                rebuildSheet();
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
        long token = loads.get();
        AnalysisCatalog.Evaluated current = shown;
        executors.reads().execute(() -> {
            try {
                List<String> names = catalog.runs().stream().map(PredictionRun::name).toList();
                long stamp = catalog.labelsStamp();
                executors.fx().execute(() -> {
                    if (token != loads.get()) {
                        return;
                    }
                    if (stamp != current.labelsStamp() || !names.equals(List.copyOf(runs))) {
                        reload();
                    } else {
                        refreshTags();
                    }
                });
            } catch (RuntimeException e) {
                executors.fx().execute(() -> failed(token, e));
            }
        });
    }

    /** Reads the runs, the chosen run against the chosen truth and the tags, then shows it all. */
    public void reload() {
        long token = loads.incrementAndGet();
        long sheetToken = sheets.incrementAndGet();
        tables.incrementAndGet();
        busy.set(true);
        if (state.get() != State.READY) {
            state.set(State.LOADING);
        }
        String wantedRun = run.get();
        TruthChoice wantedTruth = truth.get() == null ? TruthChoice.DEFAULT : truth.get();
        SheetSettings settings = settings();
        executors.reads().execute(() -> {
            if (token != loads.get()) {
                return;
            }
            List<String> names;
            AnalysisCatalog.Evaluated read;
            try {
                names = catalog.runs().stream().map(PredictionRun::name).toList();
                if (names.isEmpty()) {
                    executors.fx().execute(() -> noRuns(token));
                    return;
                }
                String chosen = names.contains(wantedRun) ? wantedRun : names.get(names.size() - 1);
                read = catalog.evaluate(chosen, wantedTruth.source());
                latestRead.set(read);
            } catch (RuntimeException e) {
                executors.fx().execute(() -> failed(token, e));
                return;
            }
            figures.execute(() -> {
                if (token != loads.get()) {
                    return;
                }
                try {
                    List<TagTable.Row> table = TagTable.of(read.evaluation(), tableMembership(read.membership()), 0,
                            SEED);
                    String headline = AnalysisText.headline(read.evaluation());
                    ErrorSheet sheet = sheet(read, settings);
                    executors.reads().execute(() -> {
                        if (token != loads.get()) {
                            return;
                        }
                        try {
                            List<ErrorSheet.Row> first = rows.readFirstPage(sheet);
                            executors.fx().execute(() -> {
                                if (token == loads.get()) {
                                    show(names, read, wantedTruth, table, headline, sheetToken, settings, sheet,
                                            first);
                                }
                            });
                        } catch (RuntimeException e) {
                            executors.fx().execute(() -> failed(token, e));
                        }
                    });
                } catch (RuntimeException e) {
                    executors.fx().execute(() -> failed(token, e));
                }
            });
        });
    }

    private void show(List<String> names, AnalysisCatalog.Evaluated read, TruthChoice chosenTruth,
            List<TagTable.Row> table, String headline, long sheetToken, SheetSettings settings, ErrorSheet sheet,
            List<ErrorSheet.Row> first) {
        AnalysisCatalog.Evaluated newest = latestRead.get();
        if (newest != null && newest.evaluation() == read.evaluation() && newest != read) {
            // a tagging finished between reading the run and showing it: its tags are the newer ones
            read = newest;
            table = TagTable.of(read.evaluation(), tableMembership(read.membership()), 0, SEED);
        }
        shown = read;
        syncing = true;
        try {
            runs.setAll(names);
            run.set(read.evaluation().run().name());
            List<TruthChoice> choices = TruthChoice.forAnnotators(read.evaluation().truth().labels().annotators());
            if (!choices.contains(chosenTruth)) {
                choices.add(chosenTruth);
            }
            truthChoices.setAll(choices);
            truth.set(chosenTruth);
            showTags(read);
            quickTags.setAll(mostUsedManualTags(read.tagInfos()));
        } finally {
            syncing = false;
        }
        tagRows.setAll(table);
        summary.set(headline);
        truthSummary.set(AnalysisText.truthSummary(read.evaluation().truth()));
        if (sheetToken == sheets.get() && settings.equals(settings())) {
            rows.setSheet(sheet, first);
            showCount();
        } else {
            rebuildSheet(); // the filter or order changed while the run was being read
        }
        failure.set("");
        state.set(State.READY);
        busy.set(false);
        startIntervals();
    }

    private void noRuns(long token) {
        if (token != loads.get()) {
            return;
        }
        shown = null;
        latestRead.set(null);
        syncing = true;
        try {
            runs.clear();
            run.set(null);
        } finally {
            syncing = false;
        }
        tagRows.clear();
        rows.setSheet(null, List.of());
        summary.set("");
        truthSummary.set("");
        countText.set("");
        busy.set(false);
        state.set(State.NO_RUNS);
    }

    private void failed(long token, RuntimeException e) {
        if (token != loads.get()) {
            return;
        }
        busy.set(false);
        String reason = reason(e);
        if (state.get() == State.READY && e instanceof BadInputException && shown != null) {
            // e.g. a truth naming an annotator without labels: keep the screen, and its choices, as they were
            syncing = true;
            try {
                run.set(shown.evaluation().run().name());
                truth.set(truthChoices.stream().filter(choice -> choice.source().equals(shown.evaluation().truth()
                        .source())).findFirst().orElse(TruthChoice.DEFAULT));
            } finally {
                syncing = false;
            }
            showMessage(reason, true);
            return;
        }
        failure.set(reason);
        state.set(State.FAILED);
    }

    /** Builds the spreadsheet again for the current filter and order, from the run in memory. */
    private void rebuildSheet() {
        AnalysisCatalog.Evaluated current = shown;
        if (current == null) {
            return;
        }
        long token = sheets.incrementAndGet();
        SheetSettings settings = settings();
        busy.set(true);
        figures.execute(() -> {
            if (token != sheets.get()) {
                return;
            }
            ErrorSheet sheet;
            try {
                sheet = sheet(current, settings);
            } catch (RuntimeException e) {
                executors.fx().execute(() -> sheetFailed(token, e));
                return;
            }
            executors.reads().execute(() -> {
                if (token != sheets.get()) {
                    return;
                }
                try {
                    List<ErrorSheet.Row> first = rows.readFirstPage(sheet);
                    executors.fx().execute(() -> {
                        if (token == sheets.get() && current == shown) {
                            rows.setSheet(sheet, first);
                            showCount();
                            busy.set(false);
                        }
                    });
                } catch (RuntimeException e) {
                    executors.fx().execute(() -> sheetFailed(token, e));
                }
            });
        });
    }

    private void sheetFailed(long token, RuntimeException e) {
        if (token == sheets.get()) {
            busy.set(false);
            showMessage(reason(e), true);
        }
    }

    /** The spreadsheet's choices, captured on the FX thread and handed to the threads that build it. */
    private record SheetSettings(boolean errorsOnly, SheetFilter filter, ErrorSheet.Order order) {
    }

    private SheetSettings settings() {
        return new SheetSettings(errorsOnly.get(), filter.get() == null ? SheetFilter.ALL : filter.get(),
                order.get() == null ? ErrorSheet.Order.CONFIDENCE_DESCENDING : order.get());
    }

    private static ErrorSheet sheet(AnalysisCatalog.Evaluated read, SheetSettings settings) {
        long[] items = switch (settings.filter().kind()) {
            case ALL -> null;
            case TAG -> read.membership().tags().getOrDefault(settings.filter().tag(), new long[0]);
            case UNTAGGED -> untagged(read.evaluation(), read.membership());
        };
        return ErrorSheet.of(read.evaluation(), settings.errorsOnly(), items, settings.order(), read.membership());
    }

    /** The run's items that carry no tag, ascending. */
    static long[] untagged(RunEvaluation evaluation, TagMembership membership) {
        long[] items = evaluation.itemIds();
        boolean[] tagged = new boolean[items.length];
        for (long[] withTag : membership.tags().values()) {
            for (long item : withTag) {
                int at = Arrays.binarySearch(items, item);
                if (at >= 0) {
                    tagged[at] = true;
                }
            }
        }
        long[] untagged = new long[items.length];
        int n = 0;
        for (int i = 0; i < items.length; i++) {
            if (!tagged[i]) {
                untagged[n++] = items[i];
            }
        }
        return Arrays.copyOf(untagged, n);
    }

    /**
     * The tags the table lists: those some item carries. A tag left empty (a tagging undone, a
     * rule matching nothing) would only add a row of "n/a".
     */
    static TagMembership tableMembership(TagMembership membership) {
        Map<String, long[]> carried = new LinkedHashMap<>();
        membership.tags().forEach((tag, items) -> {
            if (items.length > 0) {
                carried.put(tag, items);
            }
        });
        return new TagMembership(carried);
    }

    /** Shows the tags read with {@code read}: filter choices and names to complete. FX thread. */
    private void showTags(AnalysisCatalog.Evaluated read) {
        List<SheetFilter> choices = new ArrayList<>(List.of(SheetFilter.ALL, SheetFilter.UNTAGGED));
        tableMembership(read.membership()).tags().keySet().forEach(tag -> choices.add(SheetFilter.tag(tag)));
        SheetFilter current = filter.get();
        boolean wasSyncing = syncing;
        syncing = true;
        try {
            filters.setAll(choices);
            filter.set(current);
        } finally {
            syncing = wasSyncing;
        }
        tagNames.setAll(read.tagInfos().stream().filter(info -> "manual".equals(info.kind())).map(TagInfo::name)
                .sorted().toList());
    }

    /** The manual tags most items carry, most first: what the number keys 1–9 apply. */
    static List<String> mostUsedManualTags(List<TagInfo> infos) {
        return infos.stream().filter(info -> "manual".equals(info.kind()) && info.items() > 0)
                .sorted(Comparator.comparingLong(TagInfo::items).reversed().thenComparing(TagInfo::name))
                .limit(QUICK_TAGS).map(TagInfo::name).toList();
    }

    /** Re-reads the tags (another page may have changed them) and recomputes the table. */
    private void refreshTags() {
        executors.reads().execute(() -> {
            try {
                AnalysisCatalog.Evaluated read = retagOnReads();
                if (read != null) {
                    executors.fx().execute(() -> retagged(read));
                }
            } catch (RuntimeException e) {
                executors.fx().execute(() -> showMessage(reason(e), true));
            }
        });
    }

    /** On the reads thread: the tags read again over the newest run read, remembered for the next tagging. */
    private AnalysisCatalog.Evaluated retagOnReads() {
        AnalysisCatalog.Evaluated base = latestRead.get();
        if (base == null) {
            return null;
        }
        AnalysisCatalog.Evaluated read = catalog.retag(base);
        latestRead.compareAndSet(base, read);
        return read;
    }

    /** Shows freshly read tags: the table (without intervals at once, then with), the filters. FX thread. */
    private void retagged(AnalysisCatalog.Evaluated read) {
        if (read == null || shown == null || read.evaluation() != shown.evaluation()) {
            return; // read over a run that is no longer (or not yet) on screen: its own reload shows the tags
        }
        shown = read;
        showTags(read);
        read.tagInfos().stream().filter(info -> "manual".equals(info.kind()) && info.items() > 0)
                .map(TagInfo::name).filter(name -> !quickTags.contains(name))
                .forEach(name -> {
                    // New tags take a free number key; the numbers already learnt never move mid-session.
                    if (quickTags.size() < QUICK_TAGS) {
                        quickTags.add(name);
                    }
                });
        long token = tables.incrementAndGet();
        figures.execute(() -> {
            if (token != tables.get()) {
                return;
            }
            try {
                List<TagTable.Row> table = TagTable.of(read.evaluation(), tableMembership(read.membership()), 0, SEED);
                executors.fx().execute(() -> {
                    if (token == tables.get()) {
                        tagRows.setAll(table);
                        startIntervals();
                    }
                });
            } catch (RuntimeException e) {
                executors.fx().execute(() -> showMessage(reason(e), true));
            }
        });
        showCount();
    }

    /** Computes the table again with HLP's bootstrap intervals, and shows it if nothing changed meanwhile. */
    private void startIntervals() {
        AnalysisCatalog.Evaluated read = shown;
        if (read == null) {
            return;
        }
        long token = tables.get();
        intervalsPending.set(true);
        // Stale when a newer table came meanwhile; that one starts its own intervals.
        BackgroundCall.of(() -> token != tables.get() ? null
                : TagTable.of(read.evaluation(), tableMembership(read.membership()), RESAMPLES, SEED))
                .onSuccess(table -> {
                    tagRows.setAll(table);
                    intervalsPending.set(false);
                })
                .onFailure(failure -> {
                    intervalsPending.set(false);
                    showMessage("HLP's intervals could not be computed: " + FailureText.of(failure), true);
                })
                .unlessStale(() -> token == tables.get())
                .runOn(intervals, executors.fx());
    }

    // ---- tagging ----

    /** Adds {@code tag} to the items of the spreadsheet rows at {@code indices}. */
    public void addTag(String tag, List<Integer> indices) {
        changeTag(tag, indices, true);
    }

    /** Removes {@code tag} from the items of the spreadsheet rows at {@code indices}. */
    public void removeTag(String tag, List<Integer> indices) {
        changeTag(tag, indices, false);
    }

    /** Adds the quick tag shown under number {@code number} (1–9); nothing if there is none. */
    public void addQuickTag(int number, List<Integer> indices) {
        if (number >= 1 && number <= quickTags.size()) {
            addTag(quickTags.get(number - 1), indices);
        }
    }

    private void changeTag(String rawTag, List<Integer> indices, boolean add) {
        String tag = rawTag == null ? "" : rawTag.strip();
        if (shown == null) {
            return;
        }
        if (tag.isEmpty()) {
            showMessage("Type a tag name first", true);
            return;
        }
        if (indices.isEmpty()) {
            showMessage("Select the rows to " + (add ? "tag" : "untag") + " first (Shift or Ctrl for several)", true);
            return;
        }
        ErrorSheet sheet = rows.sheet();
        List<Item> known = new ArrayList<>();
        List<Integer> unread = new ArrayList<>();
        for (int index : indices) {
            Item item = rows.loadedItem(index);
            if (item != null) {
                known.add(item);
            } else {
                unread.add(index);
            }
        }
        taggingsInFlight.incrementAndGet();
        executors.reads().execute(() -> {
            TagEdit edit;
            int selected;
            AnalysisCatalog.Evaluated fresh = null;
            try {
                List<Item> items = new ArrayList<>(known);
                items.addAll(read(sheet, unread));
                selected = items.size();
                edit = edit(tag, add, items, latestRead.get());
                if (edit != null) {
                    edit.apply(catalog, author.get());
                    fresh = retagOnReads();
                }
            } catch (RuntimeException e) {
                executors.fx().execute(() -> {
                    taggingsInFlight.decrementAndGet();
                    showMessage(reason(e), true);
                });
                return;
            }
            int count = selected;
            AnalysisCatalog.Evaluated tagsAfter = fresh;
            executors.fx().execute(() -> {
                taggingsInFlight.decrementAndGet();
                if (edit == null) {
                    showMessage(add ? (count == 1 ? "The selected item already carries '" + tag + "'"
                            : "All " + count + " selected items already carry '" + tag + "'")
                            : (count == 1 ? "The selected item does not carry '" + tag + "'"
                                    : "None of the " + count + " selected items carries '" + tag + "'"), false);
                    return;
                }
                undoable.push(edit);
                canUndo.set(true);
                rows.retag(edit.itemIds(), tag, add);
                showMessage(capitalized(edit.describe()) + " · Ctrl+Z undoes", false);
                retagged(tagsAfter);
            });
        });
    }

    /** Undoes the last tagging not undone yet (Ctrl+Z). */
    public void undo() {
        if (undoable.isEmpty()) {
            showMessage("Nothing to undo", false);
            return;
        }
        TagEdit inverse = undoable.pop().inverse();
        canUndo.set(!undoable.isEmpty());
        taggingsInFlight.incrementAndGet();
        executors.reads().execute(() -> {
            AnalysisCatalog.Evaluated fresh;
            try {
                inverse.apply(catalog, author.get());
                fresh = retagOnReads();
            } catch (RuntimeException e) {
                executors.fx().execute(() -> {
                    taggingsInFlight.decrementAndGet();
                    undoable.push(inverse.inverse());
                    canUndo.set(true);
                    showMessage("Not undone: " + reason(e), true);
                });
                return;
            }
            executors.fx().execute(() -> {
                taggingsInFlight.decrementAndGet();
                rows.retag(inverse.itemIds(), inverse.tag(), inverse.added());
                showMessage("Undone: " + inverse.describe(), false);
                retagged(fresh);
            });
        });
    }

    /** The edit that adds (removes) the tag on the items that lack (carry) it, or null when there are none. */
    private static TagEdit edit(String tag, boolean add, List<Item> items, AnalysisCatalog.Evaluated before) {
        long[] carrying = before == null ? new long[0] : before.membership().tags().getOrDefault(tag, new long[0]);
        List<String> keys = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Item item : items) {
            if (!seen.add(item.id())) {
                continue;
            }
            boolean carries = Arrays.binarySearch(carrying, item.id()) >= 0;
            if (carries != add) {
                keys.add(item.key());
                ids.add(item.id());
            }
        }
        return keys.isEmpty() ? null : new TagEdit(tag, add, keys, ids);
    }

    /** The items of rows whose page is not in memory, read in one go per run of consecutive rows. */
    private List<Item> read(ErrorSheet sheet, List<Integer> indices) {
        List<Item> items = new ArrayList<>();
        List<Integer> sorted = indices.stream().sorted().toList();
        int i = 0;
        while (i < sorted.size()) {
            int start = sorted.get(i);
            int end = start;
            while (i + 1 < sorted.size() && sorted.get(i + 1) == end + 1) {
                end = sorted.get(++i);
            }
            i++;
            for (ErrorSheet.Row row : catalog.page(sheet, start, end - start + 1)) {
                if (row.item() != null) {
                    items.add(row.item());
                }
            }
        }
        return items;
    }

    // ---- acting on a tag of the table ----

    /** Shows the spreadsheet rows of {@code tag} ("(all data)": every row). */
    public void showTag(String tag) {
        filter.set(tag == null || TagTable.ALL.equals(tag) ? SheetFilter.ALL : SheetFilter.tag(tag));
    }

    /** How many items carry {@code tag} (all of them, predicted or not): what a queue over it covers. */
    public long taggedCount(String tag) {
        return shown == null ? 0 : shown.membership().tags().getOrDefault(tag, new long[0]).length;
    }

    /**
     * Creates a labeling queue over every item that carries {@code tag}. Completes with null when
     * the queue was created, or with the core's one-line reason when it was refused.
     */
    public CompletionStage<String> createQueue(String tag, String name, QueueStrategy strategy, int overlap) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        AnalysisCatalog.Evaluated read = shown;
        long[] items = read == null ? new long[0] : read.membership().tags().getOrDefault(tag, new long[0]);
        executors.reads().execute(() -> {
            try {
                List<String> keys = catalog.keysOf(items);
                Queue queue = catalog.createQueue(new QueueDefinition(name, QueueScope.keys(keys), strategy, overlap,
                        SEED, List.of()), author.get());
                executors.fx().execute(() -> {
                    String covered = queue.items() == keys.size()
                            ? "the " + DisplayFormats.count(keys.size(), "item", "items") + " tagged '" + tag + "'"
                            : DisplayFormats.count(queue.items()) + " of the " + DisplayFormats.count(keys.size(),
                                    "item", "items") + " tagged '" + tag + "' (the others have enough labels)";
                    showMessage("Queue '" + queue.name() + "' created over " + covered + ": open it on the Label page",
                            false);
                    outcome.complete(null);
                });
            } catch (RuntimeException e) {
                executors.fx().execute(() -> outcome.complete(reason(e)));
            }
        });
        return outcome;
    }

    /**
     * Defines a rule tag (an expression over media, attributes, labels and the shown run's
     * predictions) and shows it in the table. Completes with null when it was defined, or with
     * the one-line reason it was refused (the column of a syntax error, an unknown field).
     */
    public CompletionStage<String> defineRuleTag(String name, String expression) {
        String shownRun = run.get();
        return changeTags(() -> {
            int items = catalog.defineRuleTag(name, expression, shownRun, author.get());
            return "Rule tag '" + name.strip() + "': " + DisplayFormats.count(items, "item", "items");
        });
    }

    /** Turns every value of {@code attribute} into a tag ("attribute=value"): slices in one click. */
    public CompletionStage<String> tagsFromAttribute(String attribute) {
        return changeTags(() -> {
            int tags = catalog.tagsFromAttribute(attribute, author.get());
            return DisplayFormats.count(tags, "tag", "tags") + " from attribute '" + attribute + "'";
        });
    }

    /** The project's attribute names, read off the FX thread. */
    public CompletionStage<List<String>> attributeNames() {
        CompletableFuture<List<String>> names = new CompletableFuture<>();
        executors.reads().execute(() -> {
            try {
                List<String> read = catalog.attributeNames();
                executors.fx().execute(() -> names.complete(read));
            } catch (RuntimeException e) {
                executors.fx().execute(() -> names.complete(List.of()));
            }
        });
        return names;
    }

    /** Runs a tag definition off the FX thread, then shows the tags again; completes with the refusal or null. */
    private CompletionStage<String> changeTags(java.util.function.Supplier<String> change) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        executors.reads().execute(() -> {
            try {
                String done = change.get();
                executors.fx().execute(() -> {
                    showMessage(done, false);
                    refreshTags();
                    outcome.complete(null);
                });
            } catch (RuntimeException e) {
                executors.fx().execute(() -> outcome.complete(reason(e)));
            }
        });
        return outcome;
    }

    /**
     * Imports a prediction file as run {@code name} and shows it. Completes with null when it was
     * imported, or with the one-line reason (naming the file) when it was refused.
     */
    public CompletionStage<String> importRun(Path file, String name) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        busy.set(true);
        executors.reads().execute(() -> {
            try {
                ImportedRun imported = catalog.importRun(name, file);
                executors.fx().execute(() -> {
                    busy.set(false);
                    showMessage("Imported run '" + imported.name() + "': " + DisplayFormats.count(
                            imported.predictions(), "prediction", "predictions") + " from " + file.getFileName(),
                            false);
                    syncing = true;
                    try {
                        run.set(imported.name());
                    } finally {
                        syncing = false;
                    }
                    reload();
                    outcome.complete(null);
                });
            } catch (RuntimeException e) {
                executors.fx().execute(() -> {
                    busy.set(false);
                    outcome.complete(reason(e));
                });
            }
        });
        return outcome;
    }

    private void showCount() {
        AnalysisCatalog.Evaluated read = shown;
        ErrorSheet sheet = rows.sheet();
        countText.set(read == null || sheet == null ? "" : AnalysisText.count(read.evaluation(), sheet.size(),
                errorsOnly.get(), filter.get() == null ? SheetFilter.ALL : filter.get()));
    }

    private void showMessage(String text, boolean error) {
        messageIsError.set(error);
        message.set(text);
    }

    public void dismissMessage() {
        message.set("");
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * "Slices and runs" for the run and ground truth on screen, from what was read for it (the
     * evaluation and the tags in memory); empty when no run is shown. Call {@code start()} on it.
     */
    public java.util.Optional<SlicesAndRunsModel> slicesAndRuns() {
        AnalysisCatalog.Evaluated read = shown;
        if (read == null || state.get() != State.READY) {
            return java.util.Optional.empty();
        }
        TruthChoice chosen = truth.get() == null ? TruthChoice.DEFAULT : truth.get();
        SlicesAndRunsModel model = new SlicesAndRunsModel(catalog, executors, read.evaluation(),
                tableMembership(read.membership()), chosen.text(), List.copyOf(runs));
        slicesAndRuns.removeIf(old -> old.closedProperty().get());
        slicesAndRuns.add(model);
        return java.util.Optional.of(model);
    }

    /** Stops playback and background work for good: the project is closing. */
    public void dispose() {
        slicesAndRuns.forEach(SlicesAndRunsModel::close);
        slicesAndRuns.clear();
        playback.stop();
        loads.incrementAndGet();
        sheets.incrementAndGet();
        tables.incrementAndGet();
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

    /** True while the run, a sheet or an import is being read: the spinner. */
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

    /** The tag table: "(all data)" first, then the tags by potential gain. */
    public ObservableList<TagTable.Row> tagRows() {
        return tagRows;
    }

    /** True while HLP's intervals for the rows on screen are being computed. */
    public ReadOnlyBooleanProperty intervalsPendingProperty() {
        return intervalsPending.getReadOnlyProperty();
    }

    public BooleanProperty errorsOnlyProperty() {
        return errorsOnly;
    }

    public ObservableList<SheetFilter> filters() {
        return filters;
    }

    public ObjectProperty<SheetFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<ErrorSheet.Order> orderProperty() {
        return order;
    }

    /** The spreadsheet's rows, paged. */
    public PagedErrorList rows() {
        return rows;
    }

    /** "412 errors of 3,000 predicted items" (with the filter's rows first when one is set). */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** The manual tags, by name: what the tag field completes. */
    public ObservableList<String> tagNames() {
        return tagNames;
    }

    /** What the number keys 1–9 apply, in key order. */
    public ObservableList<String> quickTags() {
        return quickTags;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** The one-line outcome of the last action ("Tagged 2 items 'blurry' · Ctrl+Z undoes"), or a refusal. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** True while a tagging is on its way to the store (tests wait for it). */
    boolean taggingInFlight() {
        return taggingsInFlight.get() > 0;
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
