package org.labelbench.ui.analysis;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.labelbench.analysis.TagTable;
import org.labelbench.ui.DisplayFormats;

/**
 * The tag table's columns: tag, items, share of data, errors, share of errors, accuracy, HLP
 * with its n, gap and potential gain. Rows stay in the table's own order ("(all data)" first,
 * then by gain), so the headers do not sort. An unavailable figure reads "n/a" with its reason
 * in the cell's tooltip.
 */
final class TagTableColumns {
    private static final PseudoClass ALL_DATA = PseudoClass.getPseudoClass("all-data");

    private TagTableColumns() {
    }

    /** Sets up {@code table}; {@code intervalsPending} tells the HLP tooltip whether intervals are still coming. */
    static void install(TableView<TagTable.Row> table, BooleanSupplier intervalsPending) {
        table.setPlaceholder(new Label("No predictions with a ground truth yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(TagTable.Row row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(ALL_DATA, !empty && row != null && TagTable.ALL.equals(row.tag()));
            }
        });
        table.getColumns().setAll(List.of(
                column("Tag", "tag-column", 150, false, TagTable.Row::tag, row -> null),
                column("Items", "items-column", 70, true, row -> DisplayFormats.count(row.items()), row -> null),
                column("% of data", "data-share-column", 80, true, row -> TagTableText.percent(row.shareOfData()),
                        row -> TagTableText.reason(row.shareOfData())),
                column("Errors", "errors-column", 70, true, row -> DisplayFormats.count(row.errors()), row -> null),
                column("% of errors", "error-share-column", 90, true,
                        row -> TagTableText.percent(row.shareOfErrors()),
                        row -> TagTableText.reason(row.shareOfErrors())),
                column("Accuracy", "accuracy-column", 80, true, row -> TagTableText.percent(row.accuracy()),
                        row -> TagTableText.reason(row.accuracy())),
                column("HLP (n)", "hlp-column", 120, true, TagTableText::hlp,
                        row -> TagTableText.hlpDetail(row, intervalsPending.getAsBoolean())),
                column("Gap to HLP", "gap-column", 90, true, row -> TagTableText.signedPercent(row.gap()),
                        row -> TagTableText.reason(row.gap())),
                gainColumn()));
    }

    /** The potential gain with its bar, so the table is its own chart (sorted by gain already). */
    private static TableColumn<TagTable.Row, TagTable.Row> gainColumn() {
        TableColumn<TagTable.Row, TagTable.Row> column = column("Potential gain", "gain-column", 150, true,
                row -> TagTableText.gain(row.potentialGain()), TagTableColumns::gainExplained);
        column.setCellFactory(c -> new GainCell());
        return column;
    }

    private static String gainExplained(TagTable.Row row) {
        if (!row.potentialGain().isAvailable()) {
            return TagTableText.reason(row.potentialGain());
        }
        if (TagTable.ALL.equals(row.tag())) {
            return null;
        }
        return row.tag() + ": " + TagTableText.percent(row.shareOfData()) + " of the data × gap to HLP "
                + TagTableText.signedPercent(row.gap()) + " = " + TagTableText.gain(row.potentialGain())
                + " accuracy on all data" + (row.potentialGain().value() < 0 ? " (the model already beats HLP here)"
                        : "");
    }

    private static TableColumn<TagTable.Row, TagTable.Row> column(String title, String id, double width,
            boolean numeric, Function<TagTable.Row, String> text, Function<TagTable.Row, String> tooltip) {
        TableColumn<TagTable.Row, TagTable.Row> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        if (numeric) {
            column.getStyleClass().add("numeric");
        }
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new FigureCell(text, tooltip));
        return column;
    }

    /** The gain figure after its bar, scaled to the largest gain and loss among the table's tags. */
    private static final class GainCell extends FigureCell {
        private final GainTrack track = new GainTrack();

        GainCell() {
            super(row -> TagTableText.gain(row.potentialGain()), TagTableColumns::gainExplained);
            setContentDisplay(ContentDisplay.LEFT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(TagTable.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || TagTable.ALL.equals(row.tag())) {
                setGraphic(null); // "(all data)" has no gain of its own to compare
                return;
            }
            double positive = 0;
            double negative = 0;
            for (TagTable.Row other : getTableView().getItems()) {
                if (!TagTable.ALL.equals(other.tag()) && other.potentialGain().isAvailable()) {
                    positive = Math.max(positive, other.potentialGain().value());
                    negative = Math.max(negative, -other.potentialGain().value());
                }
            }
            track.show(row.potentialGain().isAvailable() ? row.potentialGain().value() : null, positive, negative);
            setGraphic(track);
        }
    }

    /** A figure, or "n/a" in a muted style with the reason as its tooltip. */
    private static class FigureCell extends TableCell<TagTable.Row, TagTable.Row> {
        private final Function<TagTable.Row, String> text;
        private final Function<TagTable.Row, String> tooltip;
        private final Tooltip tip = new Tooltip();

        FigureCell(Function<TagTable.Row, String> text, Function<TagTable.Row, String> tooltip) {
            this.text = text;
            this.tooltip = tooltip;
            tip.setWrapText(true);
            tip.setMaxWidth(420);
        }

        @Override
        protected void updateItem(TagTable.Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("unavailable");
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String shown = text.apply(row);
            setText(shown);
            if (TagTableText.NOT_AVAILABLE.equals(shown)) {
                getStyleClass().add("unavailable");
            }
            String detail = tooltip.apply(row);
            if (detail == null) {
                setTooltip(null);
            } else {
                tip.setText(detail);
                setTooltip(tip);
            }
        }
    }
}
