package org.labelbench.ui.analysis;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.TagTable;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.dialogs.FailureText;

/**
 * The tag table on screen: shown at once without intervals, then again with HLP's bootstrap
 * intervals once they are in (computed on a thread of their own), and the line naming the tags
 * left out for want of an evaluated item. Which tags get a row is {@link TagTable}'s decision;
 * this only shows it. A table overtaken by a newer one (a reload, a tagging) is dropped.
 */
final class TagTableModel {
    /** Bootstrap resamples for HLP's interval per tag: enough for a steady 95 % interval. */
    static final int RESAMPLES = 500;
    static final long SEED = 1;

    private final Executor figures;
    private final Executor intervals;
    private final Executor fx;
    private final MessageLine message;
    private final BackgroundCall.Latest tables = new BackgroundCall.Latest();

    private final ObservableList<TagTable.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper unevaluated = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper intervalsPending = new ReadOnlyBooleanWrapper();

    TagTableModel(Executor figures, Executor intervals, Executor fx, MessageLine message) {
        this.figures = figures;
        this.intervals = intervals;
        this.fx = fx;
        this.message = message;
    }

    /** The table without intervals: quick enough to show with the run. Any thread. */
    static TagTable quick(AnalysisCatalog.Evaluated read) {
        return TagTable.of(read.evaluation(), read.membership(), 0, SEED);
    }

    /** Shows {@code table}, computed for {@code read}, and starts its intervals. FX thread. */
    void show(AnalysisCatalog.Evaluated read, TagTable table) {
        BackgroundCall.Latest.Token token = tables.next();
        setTable(table);
        startIntervals(read, token);
    }

    /** Computes the table again for tags read anew (a tagging), shows it, then its intervals. FX thread. */
    void recompute(AnalysisCatalog.Evaluated read) {
        BackgroundCall.Latest.Token token = tables.next();
        BackgroundCall.of(() -> quick(read))
                .onSuccess(table -> {
                    setTable(table);
                    startIntervals(read, token);
                })
                .onFailure(failure -> message.error("The tag table could not be computed: "
                        + FailureText.of(failure)))
                .unlessStale(token)
                .runOn(figures, fx);
    }

    /** A newer table is on its way (a reload): the ones computing now are not wanted. */
    void invalidate() {
        tables.dropAll();
    }

    /** No run: no table. */
    void clear() {
        tables.dropAll();
        rows.clear();
        unevaluated.set("");
        intervalsPending.set(false);
    }

    private void setTable(TagTable table) {
        rows.setAll(table.rows());
        unevaluated.set(table.unevaluatedLine());
    }

    private void startIntervals(AnalysisCatalog.Evaluated read, BackgroundCall.Latest.Token token) {
        intervalsPending.set(true);
        // Skipped when a newer table came meanwhile; that one starts its own intervals.
        BackgroundCall.of(() -> token.isLatest() ? TagTable.of(read.evaluation(), read.membership(), RESAMPLES, SEED)
                : null)
                .onSuccess(table -> {
                    setTable(table);
                    intervalsPending.set(false);
                })
                .onFailure(failure -> {
                    intervalsPending.set(false);
                    message.error("HLP's intervals could not be computed: " + FailureText.of(failure));
                })
                .unlessStale(token)
                .runOn(intervals, fx);
    }

    /** "(all data)" first, then the tags with an evaluated item, by potential gain. */
    ObservableList<TagTable.Row> rows() {
        return rows;
    }

    /** "No evaluated items: tagA, tagB", or empty. */
    ReadOnlyStringProperty unevaluatedProperty() {
        return unevaluated.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty intervalsPendingProperty() {
        return intervalsPending.getReadOnlyProperty();
    }
}
