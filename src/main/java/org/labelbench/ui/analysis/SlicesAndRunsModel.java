package org.labelbench.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.agreement.Estimate;
import org.labelbench.analysis.ClassMetrics;
import org.labelbench.analysis.RunComparison;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.analysis.SliceAudit;
import org.labelbench.analysis.TagMembership;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;

/**
 * "Slices and runs" for the run and ground truth the Error analysis screen showed when it was
 * opened: the slice audit over every attribute, and the run compared with another one. Both are
 * read on the reads thread and shown on the FX thread; a comparison answered after another run
 * was chosen is dropped. The figures are the core's ({@link SliceAudit}, {@link RunComparison}),
 * worded as the command line's {@code audit} and {@code compare} word them.
 */
public final class SlicesAndRunsModel {
    /** Item keys listed of each kind of disagreement. */
    static final int EXAMPLES = 50;
    static final String NOT_AVAILABLE = TagTableText.NOT_AVAILABLE;

    /** One class's F1 in both runs. */
    record ClassRow(String name, long support, Estimate first, Estimate second) {
        Estimate difference() {
            return difference(first, second);
        }

        static Estimate difference(Estimate first, Estimate second) {
            if (!first.isAvailable() || !second.isAvailable()) {
                return Estimate.unavailable(!first.isAvailable() ? first.unavailableReason()
                        : second.unavailableReason());
            }
            return Estimate.of(second.value() - first.value());
        }
    }

    private final AnalysisCatalog catalog;
    private final UiExecutors executors;
    private final RunEvaluation evaluation;
    private final TagMembership membership;
    private final String truthName;
    private final BackgroundCall.Latest comparisons = new BackgroundCall.Latest();
    /** The slice audit's answer: dropped once the window's screen closed. */
    private final BackgroundCall.Latest audits = new BackgroundCall.Latest();

    private final ObservableList<SliceAudit.Slice> slices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sliceStatus = new ReadOnlyStringWrapper("");
    private final ObservableList<String> otherRuns = FXCollections.observableArrayList();
    private final ObjectProperty<String> other = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<AnalysisCatalog.Compared> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper comparisonStatus = new ReadOnlyStringWrapper("");
    private final ObservableList<ClassRow> classRows = FXCollections.observableArrayList();
    private final ObservableList<RunComparison.TagAccuracy> tagRows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper();

    SlicesAndRunsModel(AnalysisCatalog catalog, UiExecutors executors, RunEvaluation evaluation,
            TagMembership membership, String truthName, List<String> runs) {
        this.catalog = catalog;
        this.executors = executors;
        this.evaluation = evaluation;
        this.membership = membership;
        this.truthName = truthName;
        runs.stream().filter(name -> !name.equals(run())).forEach(otherRuns::add);
        other.addListener((observable, was, now) -> compare(now));
    }

    /** Starts the slice audit, and compares with the newest other run. FX thread. */
    public void start() {
        sliceStatus.set("Auditing every attribute's slices…");
        BackgroundCall.of(() -> catalog.sliceAudit(evaluation))
                .onSuccess(read -> {
                    slices.setAll(read);
                    sliceStatus.set(read.isEmpty() ? "The project's items have no attributes to slice by."
                            : auditSummary(read));
                })
                .onFailure(failure -> sliceStatus.set("The slice audit failed: " + FailureText.of(failure)))
                .unlessStale(audits.next())
                .runOn(executors);
        if (otherRuns.isEmpty()) {
            comparisonStatus.set("No other run to compare with '" + run() + "': import a second run first.");
        } else {
            other.set(otherRuns.get(otherRuns.size() - 1));
        }
    }

    private void compare(String against) {
        BackgroundCall.Latest.Token token = comparisons.next();
        comparison.set(null);
        classRows.clear();
        tagRows.clear();
        if (against == null) {
            comparisonStatus.set("");
            return;
        }
        comparisonStatus.set("Comparing '" + run() + "' with '" + against + "'…");
        // Skipped on the reads thread once another run was chosen: a comparison reads a whole run.
        BackgroundCall.of(() -> token.isLatest() ? catalog.compare(evaluation, membership, against, EXAMPLES) : null)
                .onSuccess(this::shown)
                .onFailure(failure -> comparisonStatus.set("Not compared: " + FailureText.of(failure)))
                .unlessStale(token)
                .runOn(executors);
    }

    private void shown(AnalysisCatalog.Compared read) {
        RunComparison r = read.comparison();
        List<ClassRow> rows = new ArrayList<>();
        List<ClassMetrics> a = r.firstMetrics().perClass();
        List<ClassMetrics> b = r.secondMetrics().perClass();
        for (int i = 0; i < a.size(); i++) {
            rows.add(new ClassRow(a.get(i).name(), a.get(i).support(), a.get(i).f1(), b.get(i).f1()));
        }
        classRows.setAll(rows);
        tagRows.setAll(r.tags());
        comparison.set(read);
        comparisonStatus.set(headline(r));
    }

    /** "m1 vs m2 on 7 items: accuracy 57.1% vs 85.7%; both right 3, only m1 right 1, … McNemar exact p 0.625". */
    static String headline(RunComparison r) {
        return String.format(Locale.ROOT, "%s vs %s on %s: accuracy %s vs %s; both right %s, only %s right %s,"
                + " only %s right %s, both wrong %s; McNemar exact p %s", r.first(), r.second(),
                DisplayFormats.count(r.items(), "item", "items"), TagTableText.percent(r.firstMetrics().accuracy()),
                TagTableText.percent(r.secondMetrics().accuracy()), DisplayFormats.count(r.bothRight()), r.first(),
                DisplayFormats.count(r.onlyFirstRight()), r.second(), DisplayFormats.count(r.onlySecondRight()),
                DisplayFormats.count(r.bothWrong()), p(r.mcnemarP()));
    }

    /** Why figures of the headline read "n/a", or null when all are there. */
    static String headlineDetail(RunComparison r) {
        List<String> reasons = new ArrayList<>();
        if (!r.firstMetrics().accuracy().isAvailable()) {
            reasons.add("accuracy of " + r.first() + ": " + r.firstMetrics().accuracy().unavailableReason());
        }
        if (!r.secondMetrics().accuracy().isAvailable()) {
            reasons.add("accuracy of " + r.second() + ": " + r.secondMetrics().accuracy().unavailableReason());
        }
        if (!r.mcnemarP().isAvailable()) {
            reasons.add("McNemar p: " + r.mcnemarP().unavailableReason());
        }
        return reasons.isEmpty() ? null : String.join("\n", reasons);
    }

    /** "12 slices tested · 2 significantly worse (Holm-adjusted p < 0.05) · 3 too small to test". */
    static String auditSummary(List<SliceAudit.Slice> read) {
        long tested = read.stream().filter(s -> s.adjustedP().isAvailable()).count();
        long flagged = read.stream().filter(SliceAudit.Slice::flagged).count();
        return DisplayFormats.count(read.size(), "slice", "slices") + " · " + DisplayFormats.count(tested)
                + " tested · " + DisplayFormats.count(flagged) + " significantly worse than the rest"
                + " (one-sided z-test, Holm-adjusted p < 0.05)";
    }

    static String z(Estimate z) {
        return z.isAvailable() ? String.format(Locale.ROOT, "%.2f", z.value()) : NOT_AVAILABLE;
    }

    static String p(Estimate p) {
        return p.isAvailable() ? String.format(Locale.ROOT, "%.3g", p.value()) : NOT_AVAILABLE;
    }

    /** An F1 as the command line shows it: "0.667". */
    static String f1(Estimate f1) {
        return f1.isAvailable() ? String.format(Locale.ROOT, "%.3f", f1.value()) : NOT_AVAILABLE;
    }

    /** A difference of F1: "+0.250", "−0.100". */
    static String signedF1(Estimate difference) {
        if (!difference.isAvailable()) {
            return NOT_AVAILABLE;
        }
        String text = String.format(Locale.ROOT, "%.3f", Math.abs(difference.value()));
        return (text.equals("0.000") ? "" : difference.value() < 0 ? "\u2212" : "+") + text;
    }

    /** "significantly worse", "", or "not tested" for a slice too small or too big to test. */
    static String flag(SliceAudit.Slice slice) {
        return slice.flagged() ? "significantly worse" : slice.adjustedP().isAvailable() ? "" : "not tested";
    }

    /** The screen this came from was closed (the project closed): the window goes too. */
    void close() {
        comparisons.dropAll();
        audits.dropAll();
        closed.set(true);
    }

    public String run() {
        return evaluation.run().name();
    }

    public String truthName() {
        return truthName;
    }

    public ObservableList<SliceAudit.Slice> slices() {
        return slices;
    }

    /** What the audit is doing, or what it found in one line. */
    public ReadOnlyStringProperty sliceStatusProperty() {
        return sliceStatus.getReadOnlyProperty();
    }

    /** The project's other runs, oldest first. */
    public ObservableList<String> otherRuns() {
        return otherRuns;
    }

    /** The run compared with. */
    public ObjectProperty<String> otherProperty() {
        return other;
    }

    public ReadOnlyObjectProperty<AnalysisCatalog.Compared> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The comparison's headline, or what it is doing or why there is none. */
    public ReadOnlyStringProperty comparisonStatusProperty() {
        return comparisonStatus.getReadOnlyProperty();
    }

    ObservableList<ClassRow> classRows() {
        return classRows;
    }

    ObservableList<RunComparison.TagAccuracy> tagRows() {
        return tagRows;
    }

    /** The precision/recall tab's model, over the same run and truth. */
    PrecisionRecallModel precisionRecall() {
        return new PrecisionRecallModel(catalog, executors, evaluation);
    }

    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }
}
