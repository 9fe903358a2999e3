package org.labelbench.ui.items;

import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.project.Item;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRow;
import org.labelbench.ui.Dialogs;

/** The Items view: filters, the paged table or thumbnail grid, and the preview pane. */
public final class ItemsController {
    private static final String LOADING = "…";
    private final ItemsViewModel viewModel;
    private final ThumbnailCache smallThumbnails = new ThumbnailCache(40, 2_000);
    private final ThumbnailCache gridThumbnails = new ThumbnailCache(112, 1_000);
    private ItemPreview preview;

    @FXML
    private SplitPane split;
    @FXML
    private StackPane listArea;
    @FXML
    private TableView<ItemRow> table;
    @FXML
    private TextField keyField;
    @FXML
    private ComboBox<String> mediaBox;
    @FXML
    private ComboBox<String> labelBox;
    @FXML
    private ComboBox<String> attributeNameBox;
    @FXML
    private ComboBox<String> attributeValueBox;
    @FXML
    private Label showingLabel;
    @FXML
    private ToggleButton tableMode;
    @FXML
    private ToggleButton gridMode;
    private GridView<ItemRow> grid;

    public ItemsController(ItemsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindFilters();
        buildTable();
        buildGrid();
        preview = new ItemPreview(viewModel);
        split.getItems().add(preview);
        split.setDividerPositions(0.7);
        ToggleGroup modes = new ToggleGroup();
        tableMode.setToggleGroup(modes);
        gridMode.setToggleGroup(modes);
        tableMode.setSelected(true);
        modes.selectedToggleProperty().addListener((obs, old, mode) -> {
            if (mode == null) {
                old.setSelected(true); // one mode is always on
                return;
            }
            table.setVisible(mode == tableMode);
            grid.setVisible(mode == gridMode);
        });
        showingLabel.textProperty().bind(viewModel.showingProperty());
        viewModel.errorProperty().addListener((obs, old, message) -> {
            if (message != null && !message.isEmpty()) {
                Dialogs.error(table.getScene().getWindow(), "Cannot read items", message);
                viewModel.errorProperty().set("");
            }
        });
        listArea.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                preview.togglePlay();
                e.consume();
            }
        });
    }

    private void bindFilters() {
        PauseTransition typing = new PauseTransition(Duration.millis(200));
        typing.setOnFinished(e -> viewModel.applyFilters());
        keyField.textProperty().bindBidirectional(viewModel.keyFilterProperty());
        keyField.textProperty().addListener((obs, old, text) -> typing.playFromStart());
        mediaBox.getItems().setAll(ItemsViewModel.ANY, ItemsViewModel.IMAGES, ItemsViewModel.AUDIO);
        mediaBox.valueProperty().bindBidirectional(viewModel.mediaFilterProperty());
        labelBox.setItems(viewModel.labelChoices());
        labelBox.valueProperty().bindBidirectional(viewModel.labelFilterProperty());
        attributeNameBox.setItems(viewModel.attributeNames());
        attributeNameBox.valueProperty().bindBidirectional(viewModel.attributeNameProperty());
        attributeValueBox.setItems(viewModel.attributeValues());
        attributeValueBox.valueProperty().bindBidirectional(viewModel.attributeValueProperty());
        for (ComboBox<String> box : List.of(mediaBox, labelBox, attributeValueBox)) {
            box.setOnAction(e -> viewModel.applyFilters());
        }
        attributeNameBox.setOnAction(e -> viewModel.applyFilters());
    }

    private void buildTable() {
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label("No items match. Import images or audio with the toolbar."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<ItemRow, ItemRow> thumb = new TableColumn<>("");
        thumb.setId("thumbColumn");
        thumb.setSortable(false);
        thumb.setPrefWidth(52);
        thumb.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        thumb.setCellFactory(column -> new ThumbnailCell());
        table.getColumns().add(thumb);
        table.getColumns().add(textColumn("Key", "keyColumn", 260, ItemQuery.SortColumn.KEY, row -> row.item().key()));
        table.getColumns().add(textColumn("Type", "typeColumn", 70, ItemQuery.SortColumn.MEDIA,
                row -> row.item().media() + " · " + row.item().format()));
        table.getColumns().add(textColumn("Size", "sizeColumn", 80, ItemQuery.SortColumn.BYTES,
                row -> ItemText.size(row.item().bytes())));
        table.getColumns().add(textColumn("Duration", "durationColumn", 80, ItemQuery.SortColumn.DURATION,
                row -> ItemText.duration(row.item().durationMs())));
        table.getColumns().add(textColumn("Shape", "shapeColumn", 110, null, row -> ItemText.shape(row.item())));
        TableColumn<ItemRow, String> labels = textColumn("Labels", "labelsColumn", 200, null,
                row -> ItemText.labels(row.labels()));
        labels.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                ItemRow row = empty ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(row == null || row.labels().isEmpty() ? null
                        : new Tooltip(ItemText.labelsByAnnotator(row.labels())));
            }
        });
        table.getColumns().add(labels);
        viewModel.attributeNames().addListener((javafx.collections.ListChangeListener<String>) change ->
                rebuildAttributeColumns());
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                viewModel.sortBy(ItemQuery.SortColumn.KEY, null, true);
                return true;
            }
            TableColumn<ItemRow, ?> column = t.getSortOrder().get(0);
            Object sort = column.getUserData();
            boolean ascending = column.getSortType() == TableColumn.SortType.ASCENDING;
            if (sort instanceof ItemQuery.SortColumn sortColumn) {
                viewModel.sortBy(sortColumn, null, ascending);
            } else if (sort instanceof String attribute) {
                viewModel.sortBy(ItemQuery.SortColumn.ATTRIBUTE, attribute, ascending);
            }
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                viewModel.selectedProperty().set(row);
            }
        });
    }

    private void rebuildAttributeColumns() {
        table.getColumns().removeIf(column -> column.getUserData() instanceof String);
        for (String name : viewModel.attributeNames()) {
            if (ItemsViewModel.ANY.equals(name)) {
                continue;
            }
            TableColumn<ItemRow, String> column = textColumn(name, "attr-" + name, 110, null,
                    row -> row.attributes().getOrDefault(name, ""));
            column.setUserData(name);
            column.setSortable(true);
            table.getColumns().add(column);
        }
    }

    private TableColumn<ItemRow, String> textColumn(String title, String id, double width, ItemQuery.SortColumn sort,
            java.util.function.Function<ItemRow, String> text) {
        TableColumn<ItemRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setUserData(sort);
        column.setSortable(sort != null);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? LOADING
                : text.apply(cell.getValue())));
        return column;
    }

    private void buildGrid() {
        grid = new GridView<>(viewModel.rows());
        grid.setId("itemGrid");
        grid.setCellWidth(128);
        grid.setCellHeight(148);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        grid.setCellFactory(view -> new ItemGridCell());
        grid.setVisible(false);
        listArea.getChildren().add(grid);
    }

    private Path mediaPath(Item item) {
        return viewModel.mediaPath(item);
    }

    /** A small thumbnail for images, a speaker for audio. */
    private final class ThumbnailCell extends TableCell<ItemRow, ItemRow> {
        private final ImageView view = new ImageView();

        @Override
        protected void updateItem(ItemRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            if (row.item().isAudio()) {
                setGraphic(new FontIcon("fth-volume-2"));
                return;
            }
            Image image = smallThumbnails.get(mediaPath(row.item()));
            view.setImage(image);
            setGraphic(image.isError() ? new FontIcon("fth-alert-triangle") : view);
        }
    }

    /** A grid tile: the thumbnail (or a speaker) and the key; clicking selects it for the preview. */
    private final class ItemGridCell extends GridCell<ItemRow> {
        private final ImageView view = new ImageView();
        private final Label key = new Label();
        private final VBox box = new VBox(4, new StackPane(view), key);

        ItemGridCell() {
            box.setAlignment(Pos.CENTER);
            key.setMaxWidth(120);
            key.getStyleClass().add("grid-key");
            view.setFitWidth(112);
            view.setFitHeight(112);
            view.setPreserveRatio(true);
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    viewModel.selectedProperty().set(getItem());
                }
            });
        }

        @Override
        protected void updateItem(ItemRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty) {
                setGraphic(null);
                return;
            }
            if (row == null) {
                key.setText(LOADING);
                view.setImage(null);
            } else {
                key.setText(row.item().key());
                view.setImage(row.item().isAudio() ? null : gridThumbnails.get(mediaPath(row.item())));
            }
            setGraphic(box);
        }
    }

    TableView<ItemRow> table() {
        return table;
    }

    public void dispose() {
        preview.dispose();
    }
}
