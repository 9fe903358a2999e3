package org.labelbench.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.analysis.TagService;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;

/**
 * The spreadsheet of the model's errors: its choices (errors only, the tag filter, the order),
 * its rows paged from SQLite, and the count above it. A new choice builds the sheet again from
 * the run in memory on the figures thread and reads its first page on the reads thread; a sheet
 * overtaken by a newer choice is dropped. A page that cannot be read says so in the message line.
 */
final class ErrorSheetModel {
    static final int PAGE_SIZE = 200;
    private static final int CACHED_PAGES = 6;

    /** The spreadsheet's choices, captured on the FX thread and handed to the threads that build it. */
    record Settings(boolean errorsOnly, SheetFilter filter, ErrorSheet.Order order) {
    }

    private final UiExecutors executors;
    private final Executor figures;
    private final MessageLine message;
    private final BackgroundCall.Latest sheets = new BackgroundCall.Latest();

    private final BooleanProperty errorsOnly = new SimpleBooleanProperty(true);
    private final ObservableList<SheetFilter> filters = FXCollections.observableArrayList(SheetFilter.ALL,
            SheetFilter.UNTAGGED);
    private final ObjectProperty<SheetFilter> filter = new SimpleObjectProperty<>(SheetFilter.ALL);
    private final ObjectProperty<ErrorSheet.Order> order =
            new SimpleObjectProperty<>(ErrorSheet.Order.CONFIDENCE_DESCENDING);
    private final PagedErrorList rows;
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper();

    /** The run and tags the sheet is built from; FX thread only. */
    private AnalysisCatalog.Evaluated shown;
    /** True while the model sets its own filter choices: they trigger nothing then. */
    private boolean syncing;

    ErrorSheetModel(AnalysisCatalog catalog, UiExecutors executors, Executor figures, MessageLine message) {
        this.executors = executors;
        this.figures = figures;
        this.message = message;
        this.rows = new PagedErrorList(catalog::page, executors.reads(), executors.fx(), PAGE_SIZE, CACHED_PAGES);
        rows.errorProperty().addListener((observable, was, now) -> {
            if (now != null && !now.isEmpty()) {
                message.error("Rows could not be read: " + now);
            }
        });
        errorsOnly.addListener((observable, was, now) -> rebuild());
        order.addListener((observable, was, now) -> {
            if (now != null) {
                rebuild();
            }
        });
        filter.addListener((observable, was, now) -> {
            if (!syncing && now != null && !now.equals(was)) {
                rebuild();
            }
        });
    }

    Settings settings() {
        return new Settings(errorsOnly.get(), filter.get() == null ? SheetFilter.ALL : filter.get(),
                order.get() == null ? ErrorSheet.Order.CONFIDENCE_DESCENDING : order.get());
    }

    /** The sheet of {@code read} for these choices; any thread (seconds of sorting on a million items). */
    static ErrorSheet sheet(AnalysisCatalog.Evaluated read, Settings settings) {
        long[] items = switch (settings.filter().kind()) {
            case ALL -> null;
            case TAG -> TagService.itemsWith(read.membership(), settings.filter().tag());
            case UNTAGGED -> TagService.untagged(read.evaluation().itemIds(), read.membership());
        };
        return ErrorSheet.of(read.evaluation(), settings.errorsOnly(), items, settings.order(), read.membership());
    }

    /** Reads the first page of a sheet built for a reload; reads thread. */
    List<ErrorSheet.Row> readFirstPage(ErrorSheet sheet) {
        return rows.readFirstPage(sheet);
    }

    /** A reload starts: sheets being built now are for the run on screen; the token says if choices change meanwhile. */
    BackgroundCall.Latest.Token reloading() {
        return sheets.next();
    }

    /**
     * Shows the sheet a reload built with the run, unless the choices changed since
     * {@link #reloading}: then it is built again for them. FX thread.
     */
    void show(AnalysisCatalog.Evaluated read, BackgroundCall.Latest.Token reload, Settings builtFor,
            ErrorSheet sheet, List<ErrorSheet.Row> first) {
        shown = read;
        showTags(read);
        if (reload.isLatest() && builtFor.equals(settings())) {
            rows.setSheet(sheet, first);
            building.set(false);
            showCount();
        } else {
            rebuild(); // the filter or order changed while the run was being read
        }
    }

    /** Tags read anew over the run on screen: the filter choices and the count. FX thread. */
    void retagged(AnalysisCatalog.Evaluated read) {
        shown = read;
        showTags(read);
        showCount();
    }

    /** No run: no sheet. */
    void clear() {
        sheets.dropAll();
        shown = null;
        rows.setSheet(null, List.of());
        countText.set("");
        building.set(false);
    }

    /** Builds the spreadsheet again for the current choices, from the run in memory. */
    private void rebuild() {
        AnalysisCatalog.Evaluated current = shown;
        if (current == null) {
            return;
        }
        BackgroundCall.Latest.Token token = sheets.next();
        Settings settings = settings();
        building.set(true);
        BackgroundCall.of(() -> sheet(current, settings))
                .onSuccess(sheet -> readFirstPage(token, current, sheet))
                .onFailure(this::failed)
                .unlessStale(token)
                .runOn(figures, executors.fx());
    }

    private void readFirstPage(BackgroundCall.Latest.Token token, AnalysisCatalog.Evaluated builtFrom,
            ErrorSheet sheet) {
        BackgroundCall.of(() -> rows.readFirstPage(sheet))
                .onSuccess(first -> {
                    if (builtFrom == shown) { // else a reload shows a newer run, and its own sheet
                        rows.setSheet(sheet, first);
                        showCount();
                        building.set(false);
                    }
                })
                .onFailure(this::failed)
                .unlessStale(token)
                .runOn(executors);
    }

    private void failed(Throwable failure) {
        building.set(false);
        message.error("The spreadsheet could not be built: " + FailureText.of(failure));
    }

    /** The filter choices: all, untagged, and each tag some item carries. */
    private void showTags(AnalysisCatalog.Evaluated read) {
        List<SheetFilter> choices = new ArrayList<>(List.of(SheetFilter.ALL, SheetFilter.UNTAGGED));
        TagService.carried(read.membership()).tags().keySet().forEach(tag -> choices.add(SheetFilter.tag(tag)));
        SheetFilter current = filter.get();
        syncing = true;
        try {
            filters.setAll(choices);
            filter.set(current);
        } finally {
            syncing = false;
        }
    }

    private void showCount() {
        AnalysisCatalog.Evaluated read = shown;
        ErrorSheet sheet = rows.sheet();
        countText.set(read == null || sheet == null ? "" : AnalysisText.count(read.evaluation(), sheet.size(),
                errorsOnly.get(), filter.get() == null ? SheetFilter.ALL : filter.get()));
    }

    BooleanProperty errorsOnlyProperty() {
        return errorsOnly;
    }

    ObservableList<SheetFilter> filters() {
        return filters;
    }

    ObjectProperty<SheetFilter> filterProperty() {
        return filter;
    }

    ObjectProperty<ErrorSheet.Order> orderProperty() {
        return order;
    }

    PagedErrorList rows() {
        return rows;
    }

    ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** True while a sheet is being built for new choices. */
    ReadOnlyBooleanProperty buildingProperty() {
        return building.getReadOnlyProperty();
    }
}
