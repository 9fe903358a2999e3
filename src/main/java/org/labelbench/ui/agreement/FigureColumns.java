package org.labelbench.ui.agreement;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.labelbench.agreement.Estimate;
import org.labelbench.agreement.Interval;
import org.labelbench.ui.DisplayFormats;

/**
 * The Agreement view's table columns: figures as the command line words them ("n/a: reason"
 * for one that cannot be computed), sorting by value with n/a last, intervals with their state.
 */
final class FigureColumns {
    private static final Comparator<Estimate> BY_VALUE = Comparator.comparing(Estimate::value,
            Comparator.nullsLast(Comparator.naturalOrder()));
    private static final double BAR_WIDTH = 70;

    private FigureColumns() {
    }

    static <R> TableColumn<R, String> text(String title, String id, Function<R, String> value, double width) {
        TableColumn<R, String> column = column(title, id, width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        return column;
    }

    static <R> TableColumn<R, Number> count(String title, String id, ToLongFunction<R> value, double width) {
        return count(title, id, value, width, row -> null);
    }

    /** A count, "3,000", with {@code tooltip} saying what it is made of (null: none). */
    static <R> TableColumn<R, Number> count(String title, String id, ToLongFunction<R> value, double width,
            Function<R, String> tooltip) {
        TableColumn<R, Number> column = column(title, id, width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.applyAsLong(data.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number count, boolean empty) {
                super.updateItem(count, empty);
                setText(empty || count == null ? null : DisplayFormats.count(count.longValue()));
                R row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String tip = row == null ? null : tooltip.apply(row);
                setTooltip(tip == null ? null : new Tooltip(tip));
            }
        });
        column.getStyleClass().add("numeric");
        return column;
    }

    /** A figure: "0.822", or "n/a: reason" (the reason also in the tooltip). Sorts by value, n/a last. */
    static <R> TableColumn<R, Estimate> estimate(String title, String id, Function<R, Estimate> value, double width) {
        TableColumn<R, Estimate> column = column(title, id, width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        column.setComparator(BY_VALUE);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Estimate estimate, boolean empty) {
                super.updateItem(estimate, empty);
                if (empty || estimate == null) {
                    setText(null);
                    setTooltip(null);
                    getStyleClass().remove("unavailable");
                    return;
                }
                setText(AgreementText.valueOrReason(estimate));
                setTooltip(estimate.isAvailable() ? null : new Tooltip(estimate.unavailableReason()));
                if (!estimate.isAvailable() && !getStyleClass().contains("unavailable")) {
                    getStyleClass().add("unavailable");
                } else if (estimate.isAvailable()) {
                    getStyleClass().remove("unavailable");
                }
            }
        });
        column.getStyleClass().add("numeric");
        return column;
    }

    /** A 95 % interval, or its state ("computing…", "none", "—"); sorts by its lower end. */
    static <R> TableColumn<R, R> interval(String title, String id, Function<R, Optional<Interval>> interval,
            Function<R, IntervalStatus> status, double width) {
        TableColumn<R, R> column = column(title, id, width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setComparator(Comparator.comparing(row -> interval.apply(row).map(Interval::low).orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(AgreementText.interval(interval.apply(row), status.apply(row)));
                setTooltip(new Tooltip(AgreementText.intervalTooltip(interval.apply(row), status.apply(row))));
            }
        });
        column.getStyleClass().add("interval");
        return column;
    }

    /**
     * HLP as a bar from 0 to 1 with its interval as a whisker, the value beside it: slices compare
     * at a glance. Sorts by value, n/a last.
     */
    static <R> TableColumn<R, R> bar(String title, String id, Function<R, Estimate> value,
            Function<R, Optional<Interval>> interval, double width) {
        TableColumn<R, R> column = column(title, id, width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setComparator(Comparator.comparing(value, BY_VALUE));
        column.setCellFactory(c -> new TableCell<>() {
            private final Region track = new Region();
            private final Region fill = new Region();
            private final Region whisker = new Region();
            private final Pane bar = new Pane(track, fill, whisker);

            {
                // Placed by hand (unmanaged), so the pane does not size them back to nothing.
                track.setManaged(false);
                fill.setManaged(false);
                whisker.setManaged(false);
                track.getStyleClass().add("hlp-bar-track");
                fill.getStyleClass().add("hlp-bar-fill");
                whisker.getStyleClass().add("hlp-bar-whisker");
                bar.setMinSize(BAR_WIDTH, 12);
                bar.setPrefSize(BAR_WIDTH, 12);
                bar.setMaxSize(BAR_WIDTH, 12);
                track.resizeRelocate(0, 3, BAR_WIDTH, 6);
                setGraphicTextGap(8);
            }

            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Estimate estimate = value.apply(row);
                setText(AgreementText.valueOrReason(estimate));
                setTooltip(estimate.isAvailable() ? null : new Tooltip(estimate.unavailableReason()));
                if (!estimate.isAvailable()) {
                    setGraphic(null);
                    return;
                }
                fill.resizeRelocate(0, 3, BAR_WIDTH * clamp(estimate.value()), 6);
                Optional<Interval> range = interval.apply(row);
                whisker.setVisible(range.isPresent());
                range.ifPresent(i -> whisker.resizeRelocate(BAR_WIDTH * clamp(i.low()), 5,
                        Math.max(1, BAR_WIDTH * (clamp(i.high()) - clamp(i.low()))), 2));
                setGraphic(bar);
            }
        });
        return column;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static <R, T> TableColumn<R, T> column(String title, String id, double width) {
        TableColumn<R, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        return column;
    }
}
