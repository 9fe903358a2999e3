package org.labelbench.ui.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
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
import org.labelbench.dataset.Leakage;
import org.labelbench.dataset.SplitReport;
import org.labelbench.dataset.SplitRule;
import org.labelbench.dataset.SplitService;
import org.labelbench.project.BadInputException;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.dialogs.FieldRefusal;
import org.labelbench.ui.jobs.ShownJob;

/**
 * The Splits half of the Datasets view: the stored split's rule and report (per-split counts,
 * class shares against the whole, the largest deviation), the leakage check's result, the form
 * that makes a split (a job), and Freeze/Unfreeze. The report is read at once; the leakage check
 * decodes every picture and clip, so it runs as the page's job, once per split shown.
 */
public final class SplitsViewModel {
    /** The form's choice for no attribute (stratify by label only; no grouping). */
    public static final String NO_GROUPS = "none";
    /** The core's subjects of the values this form's fields give → the fields' labels. */
    private static final Map<String, String> FIELDS = Map.of("split ratios", "Ratios", "split names", "Names",
            "stratification", "Stratify", "grouping", "Group by");
    static final String NO_SPLIT = "No split yet: choose the ratios and press Make split (or run 'split PROJECT"
            + " --ratios 0.8,0.1,0.1 --seed S')";

    /** What the page shows: a spinner, the split, the one line about making one, or what went wrong. */
    public enum State { LOADING, READY, NO_SPLIT, FAILED }

    /** Where the leakage check stands for the split shown. */
    public enum LeakageState { NOT_CHECKED, CHECKING, CLEAN, WARNINGS, ERRORS }

    private final DatasetsCatalog catalog;
    private final UiExecutors executors;
    private final ShownJob job;
    private final ShownJob leakageJob;
    private final Supplier<String> author;
    private final BackgroundCall.Latest loads = new BackgroundCall.Latest();

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ruleLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countsLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deviationLine = new ReadOnlyStringWrapper("");
    private final ObservableList<String> splitNames = FXCollections.observableArrayList();
    private final ObservableList<ShareRow> classRows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper frozen = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<LeakageState> leakageState = new ReadOnlyObjectWrapper<>(
            LeakageState.NOT_CHECKED);
    private final ReadOnlyStringWrapper leakageLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nearLine = new ReadOnlyStringWrapper("");
    private final ObservableList<String> nearPairs = FXCollections.observableArrayList();

    private final StringProperty ratios = new SimpleStringProperty("0.8,0.1,0.1");
    private final StringProperty names = new SimpleStringProperty("train,dev,test");
    private final StringProperty seed = new SimpleStringProperty("7");
    private final ObservableList<String> stratifyChoices = FXCollections.observableArrayList(SplitRule.LABEL,
            NO_GROUPS);
    private final ObjectProperty<String> stratify = new SimpleObjectProperty<>(SplitRule.LABEL);
    private final ObservableList<String> groupChoices = FXCollections.observableArrayList(NO_GROUPS);
    private final ObjectProperty<String> groupBy = new SimpleObjectProperty<>(NO_GROUPS);

    /** The split the leakage shown belongs to: its rule (unfrozen) and item count. */
    private Object checkedSplit;
    private Object shownSplit;
    private SplitRule shownRule;
    private BiConsumer<String, String> onRefused = (title, text) -> { };
    private Runnable onSplitChanged = () -> { };
    private Runnable onSplitChangedHere = () -> { };
    private java.util.function.Consumer<String> onOutcome = text -> { };

    /**
     * @param job        the page's job (making a split), shared with the Versions half
     * @param leakageJob the leakage check's own job: it only reads, so a version may be made meanwhile
     */
    SplitsViewModel(DatasetsCatalog catalog, UiExecutors executors, ShownJob job, ShownJob leakageJob,
            Supplier<String> author) {
        this.catalog = catalog;
        this.executors = executors;
        this.job = job;
        this.leakageJob = leakageJob;
        this.author = author;
    }

    /** Re-reads the stored split and the attributes; checks the split for leakage when it is new to the page. */
    public void reload() {
        state.set(State.LOADING);
        BackgroundCall.of(catalog::splits).onSuccess(this::show).onFailure(this::failed)
                .unlessStale(loads.next()).runOn(executors);
    }

    private void show(DatasetsCatalog.Splits read) {
        List<String> stratifyOptions = new ArrayList<>(List.of(SplitRule.LABEL, NO_GROUPS));
        List<String> groupOptions = new ArrayList<>(List.of(NO_GROUPS));
        for (String attribute : read.attributes()) {
            stratifyOptions.add(SplitRule.ATTR + attribute);
            stratifyOptions.add(SplitRule.LABEL + "," + SplitRule.ATTR + attribute);
            groupOptions.add(SplitRule.ATTR + attribute);
        }
        stratifyChoices.setAll(stratifyOptions);
        if (!stratifyChoices.contains(stratify.get())) {
            stratify.set(SplitRule.LABEL);
        }
        groupChoices.setAll(groupOptions);
        if (!groupChoices.contains(groupBy.get())) {
            groupBy.set(NO_GROUPS);
        }
        if (read.stored().isEmpty()) {
            clear();
            state.set(State.NO_SPLIT);
            message.set(NO_SPLIT);
            return;
        }
        SplitService.Stored stored = read.stored().get();
        SplitRule rule = stored.rule();
        shownRule = rule;
        ruleLine.set(ruleText(rule) + " · made " + stored.created() + " by " + stored.createdBy());
        showReport(stored.report(), stored.unsplit());
        frozen.set(rule.frozen());
        message.set("");
        state.set(State.READY);
        shownSplit = identity(rule, stored.report());
        if (!shownSplit.equals(checkedSplit)) {
            leakageState.set(LeakageState.NOT_CHECKED);
            leakageLine.set("");
            nearLine.set("");
            nearPairs.clear();
            checkLeakage();
        }
    }

    /** The same rule over the same number of items places every item alike: the leakage shown still holds. */
    private static Object identity(SplitRule rule, SplitReport report) {
        return List.of(rule.names(), java.util.Arrays.toString(rule.ratios()), rule.seed(), rule.stratifyText(),
                String.valueOf(rule.groupAttribute()), report.total());
    }

    static String ruleText(SplitRule rule) {
        List<String> parts = new ArrayList<>();
        double[] shares = rule.ratios();
        for (int s = 0; s < shares.length; s++) {
            parts.add(rule.names().get(s) + " " + SplitRule.shareText(shares[s]));
        }
        String text = String.join(" · ", parts) + " · seed " + rule.seed() + " · stratified by " + rule.stratifyText()
                + (rule.groupAttribute() == null ? "" : " · grouped by attr:" + rule.groupAttribute());
        return text + (rule.frozen() ? " · frozen" : "");
    }

    private void showReport(SplitReport report, long unsplit) {
        List<String> counts = new ArrayList<>();
        for (int s = 0; s < report.names().size(); s++) {
            counts.add(String.format(Locale.ROOT, "%s %,d (%s)", report.names().get(s), report.counts()[s],
                    ShareRow.percent(report.share(s))));
        }
        countsLine.set(String.format(Locale.ROOT, "%,d items: ", report.total()) + String.join(" · ", counts)
                + (unsplit == 0 ? "" : String.format(Locale.ROOT, " · %,d without a split", unsplit)));
        SplitReport.Breakdown classes = report.classes();
        deviationLine.set(report.total() == 0 ? "" : "Largest deviation from the whole: "
                + ShareRow.points(classes.largestDeviation()) + " (" + classes.largestDeviationAt(report.names())
                + ")");
        List<ShareRow> rows = new ArrayList<>();
        for (int v = 0; v < classes.values().size(); v++) {
            int splits = report.names().size();
            double[] shares = new double[splits];
            long[] itemCounts = new long[splits];
            double deviation = 0;
            for (int s = 0; s < splits; s++) {
                shares[s] = classes.share(v, s);
                itemCounts[s] = classes.counts()[v][s];
                if (!Double.isNaN(shares[s])) {
                    deviation = Math.max(deviation, Math.abs(shares[s] - classes.wholeShare(v)));
                }
            }
            rows.add(new ShareRow(classes.values().get(v), classes.totals()[v], classes.wholeShare(v), shares,
                    itemCounts, deviation));
        }
        splitNames.setAll(report.names());
        classRows.setAll(rows);
    }

    private void showLeakage(Leakage leakage) {
        leakageState.set(leakage.hasErrors() ? LeakageState.ERRORS
                : leakage.nearPairs() > 0 ? LeakageState.WARNINGS : LeakageState.CLEAN);
        leakageLine.set(leakage.hasErrors() ? leakage.errorLine()
                : "No leakage: no identical content" + (ruleHasGroups() ? " and no group" : "") + " in two splits");
        String undecoded = leakage.imagesUndecoded() + leakage.clipsUndecoded() == 0 ? ""
                : String.format(Locale.ROOT, "; %,d files could not be read", leakage.imagesUndecoded()
                        + leakage.clipsUndecoded());
        nearLine.set(String.format(Locale.ROOT, "%,d near-duplicate %s across splits (at most %d bits apart; %,d"
                + " pictures and %,d clips fingerprinted%s)%s", leakage.nearPairs(), leakage.nearPairs() == 1 ? "pair"
                : "pairs", leakage.threshold(), leakage.imagesHashed(), leakage.clipsHashed(), undecoded,
                leakage.nearPairs() > leakage.nearExamples().size() ? ", the closest "
                        + leakage.nearExamples().size() + " listed" : ""));
        nearPairs.setAll(leakage.nearExamples().stream().map(Leakage.NearPair::describe).toList());
    }

    private boolean ruleHasGroups() {
        return shownRule != null && shownRule.groupAttribute() != null;
    }

    /** Runs the leakage check of the stored split as its own job (not while a split is being made). */
    public void checkLeakage() {
        if (state.get() != State.READY || job.runningProperty().get() || leakageJob.runningProperty().get()) {
            return;
        }
        Object checking = shownSplit;
        leakageState.set(LeakageState.CHECKING);
        leakageJob.start("Checking the split for leakage", catalog::check, new ShownJob.Outcome<SplitService.Check>() {
            @Override
            public void succeeded(SplitService.Check check) {
                checkedSplit = checking;
                showLeakage(check.leakage());
            }

            @Override
            public void cancelled() {
                leakageState.set(LeakageState.NOT_CHECKED);
                leakageLine.set("Leakage check cancelled: press Check leakage to run it again");
            }

            @Override
            public void failed(Throwable error) {
                leakageState.set(LeakageState.NOT_CHECKED);
                leakageLine.set("Leakage check failed: " + FailureText.of(error));
            }
        });
    }

    /** Makes a split from the form as a job; a refusal (bad ratios, a frozen split, leakage) goes to a dialog. */
    public void makeSplit() {
        if (job.runningProperty().get()) {
            return;
        }
        leakageJob.cancel(); // the split checks its own assignment
        SplitRule rule;
        try {
            rule = SplitRule.parse(text(ratios), text(names).isEmpty() ? null : text(names), parseSeed(),
                    stratify.get(), NO_GROUPS.equals(groupBy.get()) ? null : groupBy.get());
        } catch (BadInputException bad) {
            onRefused.accept("Split refused", FieldRefusal.of(bad, FIELDS));
            return;
        }
        String who = author.get();
        job.start("Splitting the items", context -> catalog.split(rule, who, context),
                new ShownJob.Outcome<SplitService.Outcome>() {
                    @Override
                    public void succeeded(SplitService.Outcome outcome) {
                        checkedSplit = identity(outcome.rule(), outcome.report());
                        shownRule = outcome.rule();
                        showLeakage(outcome.leakage());
                        onOutcome.accept(String.format(Locale.ROOT, "Split %,d items: %s", outcome.report().total(),
                                ruleText(outcome.rule())) + outcome.replaced().map(was -> "; it replaced "
                                        + ruleText(was)).orElse(""));
                        onSplitChanged.run();
                        onSplitChangedHere.run();
                        reload();
                    }

                    @Override
                    public void cancelled() {
                        onOutcome.accept("Split cancelled: nothing was changed");
                    }

                    @Override
                    public void failed(Throwable error) {
                        onRefused.accept(error instanceof BadInputException ? "Split refused" : "Split failed",
                                error instanceof BadInputException bad ? FieldRefusal.of(bad, FIELDS)
                                        : FailureText.of(error));
                    }
                });
    }

    private long parseSeed() {
        try {
            return Long.parseLong(text(seed));
        } catch (NumberFormatException e) {
            throw new BadInputException("Seed '" + text(seed) + "' is not a whole number");
        }
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get().strip();
    }

    /** Freezes the split (new imports then join it by its rule) or thaws it. */
    public void toggleFrozen() {
        boolean freeze = !frozen.get();
        BackgroundCall.of(() -> catalog.freeze(freeze)).onSuccess(placed -> {
            onOutcome.accept(freeze ? "Split frozen: new imports join it by its rule"
                    + (placed == 0 ? "" : String.format(Locale.ROOT, "; %,d items without a split were placed", placed))
                    : "Split unfrozen: new imports get no split, and Make split may replace it");
            onSplitChanged.run();
            onSplitChangedHere.run();
            reload();
        }).onFailure(error -> onRefused.accept(freeze ? "Freeze refused" : "Unfreeze refused", FailureText.of(error)))
                .runOn(executors);
    }

    private void clear() {
        ruleLine.set("");
        countsLine.set("");
        deviationLine.set("");
        splitNames.clear();
        classRows.clear();
        frozen.set(false);
        shownSplit = null;
        shownRule = null;
        leakageState.set(LeakageState.NOT_CHECKED);
        leakageLine.set("");
        nearLine.set("");
        nearPairs.clear();
    }

    private void failed(Throwable failure) {
        clear();
        state.set(State.FAILED);
        message.set(FailureText.of(failure));
    }

    public void cancelLeakageCheck() {
        leakageJob.cancel();
    }

    public ShownJob leakageJob() {
        return leakageJob;
    }

    public void dispose() {
        loads.dropAll();
        leakageJob.cancel();
    }

    void setOnRefused(BiConsumer<String, String> action) {
        this.onRefused = action;
    }

    void setOnOutcome(java.util.function.Consumer<String> action) {
        this.onOutcome = action;
    }

    /** Within the page: the Versions half re-reads its scopes. */
    void setOnSplitChangedHere(Runnable action) {
        this.onSplitChangedHere = action;
    }

    /** Called after a split was made, frozen or thawed (the Items view's Split column changes). */
    public void setOnSplitChanged(Runnable action) {
        this.onSplitChanged = action;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ruleLineProperty() {
        return ruleLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsLineProperty() {
        return countsLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviationLineProperty() {
        return deviationLine.getReadOnlyProperty();
    }

    public ObservableList<String> splitNames() {
        return splitNames;
    }

    public ObservableList<ShareRow> classRows() {
        return classRows;
    }

    public ReadOnlyBooleanProperty frozenProperty() {
        return frozen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LeakageState> leakageStateProperty() {
        return leakageState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty leakageLineProperty() {
        return leakageLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nearLineProperty() {
        return nearLine.getReadOnlyProperty();
    }

    public ObservableList<String> nearPairs() {
        return nearPairs;
    }

    public StringProperty ratiosProperty() {
        return ratios;
    }

    public StringProperty namesProperty() {
        return names;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObservableList<String> stratifyChoices() {
        return stratifyChoices;
    }

    public ObjectProperty<String> stratifyProperty() {
        return stratify;
    }

    public ObservableList<String> groupChoices() {
        return groupChoices;
    }

    public ObjectProperty<String> groupByProperty() {
        return groupBy;
    }
}
