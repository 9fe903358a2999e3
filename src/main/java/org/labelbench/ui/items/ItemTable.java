package org.labelbench.ui.items;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.labelbench.project.Item;
import org.labelbench.project.ItemQuery.SortColumn;
import org.labelbench.project.ItemRow;
import org.labelbench.ui.DisplayFormats;

/**
 * The Items table's columns and its sort policy. Clicking a header never sorts the list in
 * memory (it holds placeholders, not rows): the policy turns the table's sort order into an
 * {@link ItemSort} and the store sorts in SQL.
 */
final class ItemTable {
    private static final int ROW_HEIGHT = 48;
    private static final int THUMBNAIL_SIDE = 40;

    private final TableView<ItemSlot> table;
    private final ItemsViewModel viewModel;
    private final ThumbnailCache thumbnails;
    /** How each sortable column orders the store's query; absent columns are not sortable. */
    private final Map<TableColumn<ItemSlot, ?>, SortColumn> sortColumns = new HashMap<>();
    private final Map<TableColumn<ItemSlot, ?>, String> attributeColumns = new HashMap<>();
    private final TableColumn<ItemSlot, String> keyColumn;

    ItemTable(TableView<ItemSlot> table, ItemsViewModel viewModel, ThumbnailCache thumbnails) {
        this.table = table;
        this.viewModel = viewModel;
        this.thumbnails = thumbnails;
        table.setFixedCellSize(ROW_HEIGHT); // lets the virtual flow skip measuring rows
        table.setPlaceholder(new Label("No items match. Import images, audio or a manifest, or clear the filters."));
        table.setSortPolicy(ignored -> {
            applySortOrder();
            return true;
        });

        TableColumn<ItemSlot, ItemSlot> thumbnailColumn = new TableColumn<>("");
        thumbnailColumn.setId("thumbnail-column");
        thumbnailColumn.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        thumbnailColumn.setCellFactory(column -> new ThumbnailCell());
        thumbnailColumn.setSortable(false);
        thumbnailColumn.setResizable(false);
        thumbnailColumn.setPrefWidth(THUMBNAIL_SIDE + 16);

        keyColumn = textColumn("Key", "key-column", Item::key, 280, SortColumn.KEY);
        TableColumn<ItemSlot, String> typeColumn = textColumn("Type", "type-column",
                item -> item.isAudio() ? "Audio" : "Image", 70, SortColumn.MEDIA);
        TableColumn<ItemSlot, String> sizeColumn = textColumn("Size", "size-column",
                item -> DisplayFormats.bytes(item.bytes()), 80, SortColumn.BYTES);
        TableColumn<ItemSlot, String> durationColumn = textColumn("Duration", "duration-column",
                item -> DisplayFormats.duration(item.durationMs()), 90, SortColumn.DURATION);
        TableColumn<ItemSlot, String> dimensionsColumn = textColumn("Dimensions", "dimensions-column",
                DisplayFormats::dimensions, 130, null);
        sizeColumn.getStyleClass().add("numeric");
        durationColumn.getStyleClass().add("numeric");

        TableColumn<ItemSlot, ItemRow> labelsColumn = new TableColumn<>("Labels");
        labelsColumn.setId("labels-column");
        labelsColumn.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().row()));
        labelsColumn.setCellFactory(column -> new LabelsCell());
        labelsColumn.setSortable(false); // "current labels by annotator" has no single SQL order
        labelsColumn.setPrefWidth(200);

        TableColumn<ItemSlot, String> splitColumn = new TableColumn<>("Split");
        splitColumn.setId("split-column");
        splitColumn.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().isLoaded()
                ? data.getValue().row().split() == null ? "" : data.getValue().row().split() : null));
        splitColumn.setCellFactory(c -> new TextCell());
        splitColumn.setSortable(false); // the filter selects a split; an order over names says nothing
        splitColumn.setPrefWidth(70);
        splitColumn.visibleProperty().bind(javafx.beans.binding.Bindings.size(viewModel.splitChoices()).greaterThan(1));

        // Split beside the key: with fixed row heights the table builds cells only for columns in view.
        table.getColumns().setAll(List.of(thumbnailColumn, keyColumn, splitColumn, typeColumn, sizeColumn,
                durationColumn, dimensionsColumn, labelsColumn));
    }

    /**
     * Makes the headers show {@code order} (the arrow on its column). Called whenever the table
     * gets the list, since TableView forgets its sort order when its items are replaced.
     */
    void showSort(ItemSort order) {
        TableColumn<ItemSlot, ?> column = keyColumn;
        for (Map.Entry<TableColumn<ItemSlot, ?>, SortColumn> entry : sortColumns.entrySet()) {
            boolean matches = entry.getValue() == order.column() && (order.column() != SortColumn.ATTRIBUTE
                    || attributeColumns.get(entry.getKey()).equals(order.attribute()));
            if (matches) {
                column = entry.getKey();
            }
        }
        column.setSortType(order.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(column));
    }

    /** One column per attribute (speaker, device…), after the fixed ones, sortable in SQL. */
    void showAttributeColumns(List<String> names) {
        List<TableColumn<ItemSlot, ?>> old = new ArrayList<>(attributeColumns.keySet());
        table.getColumns().removeAll(old);
        old.forEach(sortColumns::remove);
        attributeColumns.clear();
        for (String name : names) {
            TableColumn<ItemSlot, String> column = new TableColumn<>(name);
            column.setId("attribute-column-" + name);
            column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().isLoaded()
                    ? data.getValue().row().attributes().getOrDefault(name, "") : ""));
            column.setCellFactory(c -> new TextCell());
            column.setPrefWidth(Math.max(90, 9 * name.length() + 40));
            sortColumns.put(column, SortColumn.ATTRIBUTE);
            attributeColumns.put(column, name);
            table.getColumns().add(column);
        }
    }

    private void applySortOrder() {
        List<TableColumn<ItemSlot, ?>> order = table.getSortOrder();
        if (order.isEmpty() || !sortColumns.containsKey(order.get(0))) {
            viewModel.sortBy(ItemSort.BY_KEY);
            return;
        }
        TableColumn<ItemSlot, ?> first = order.get(0); // the store orders by one column (then by key)
        boolean ascending = first.getSortType() == TableColumn.SortType.ASCENDING;
        SortColumn column = sortColumns.get(first);
        viewModel.sortBy(column == SortColumn.ATTRIBUTE ? ItemSort.byAttribute(attributeColumns.get(first), ascending)
                : ItemSort.by(column, ascending));
    }

    private TableColumn<ItemSlot, String> textColumn(String title, String id, Function<Item, String> text,
            double width, SortColumn sort) {
        TableColumn<ItemSlot, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().isLoaded()
                ? text.apply(data.getValue().item()) : null));
        column.setCellFactory(c -> new TextCell());
        column.setPrefWidth(width);
        if (sort == null) {
            column.setSortable(false);
        } else {
            sortColumns.put(column, sort);
        }
        return column;
    }

    /** Text, or a faint ellipsis while the row's page is being read. */
    private static final class TextCell extends TableCell<ItemSlot, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            boolean loading = !empty && getTableRow() != null && getTableRow().getItem() != null
                    && !getTableRow().getItem().isLoaded();
            setText(empty ? null : loading ? "…" : text);
        }
    }

    private final class ThumbnailCell extends TableCell<ItemSlot, ItemSlot> {
        private final ThumbnailView thumbnail = new ThumbnailView(thumbnails, THUMBNAIL_SIDE, 20);

        @Override
        protected void updateItem(ItemSlot slot, boolean empty) {
            super.updateItem(slot, empty);
            if (empty || slot == null) {
                thumbnail.show(null);
                setGraphic(null);
            } else {
                thumbnail.show(slot.item());
                setGraphic(thumbnail);
            }
        }
    }

    /** "coat ×2 · shirt", with who said what in the tooltip. */
    private static final class LabelsCell extends TableCell<ItemSlot, ItemRow> {
        private final Tooltip byAnnotator = new Tooltip();

        @Override
        protected void updateItem(ItemRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row.labels().isEmpty()) {
                setText(!empty && row == null ? "…" : null); // a row still loading shows the ellipsis
                setTooltip(null);
                return;
            }
            setText(LabelSummary.counts(row.labels()));
            byAnnotator.setText(LabelSummary.byAnnotator(row.labels()));
            setTooltip(byAnnotator);
        }
    }
}
