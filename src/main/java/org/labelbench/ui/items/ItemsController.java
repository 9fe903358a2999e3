package org.labelbench.ui.items;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.controlsfx.control.GridView;
import org.labelbench.ui.preview.ItemPreviewViewModel;

/** Binds the Items view: filter bar, table or grid over the paged list, and the space bar for audio. */
public final class ItemsController {
    /** Typing pauses this long before the key filter runs, so each keystroke does not query. */
    private static final Duration KEY_FILTER_DELAY = Duration.millis(200);

    private final ItemsViewModel viewModel;
    private final ThumbnailCache thumbnails;
    private final PauseTransition keyFilterDelay = new PauseTransition(KEY_FILTER_DELAY);

    @FXML
    private BorderPane root;
    @FXML
    private TextField keyField;
    @FXML
    private ComboBox<FilterChoice> mediaChoice;
    @FXML
    private ComboBox<FilterChoice> labelChoice;
    @FXML
    private ComboBox<FilterChoice> splitChoice;
    @FXML
    private ComboBox<FilterChoice> attributeChoice;
    @FXML
    private ComboBox<FilterChoice> attributeValueChoice;
    @FXML
    private Label countLabel;
    @FXML
    private ToggleButton tableModeButton;
    @FXML
    private ToggleButton gridModeButton;
    @FXML
    private TableView<ItemSlot> table;
    @FXML
    private GridView<ItemSlot> grid;
    @FXML
    private javafx.scene.control.SplitPane itemsSplit;
    @FXML
    private javafx.scene.Node preview;
    /** Where the divider was when the preview last showed: it comes back there. */
    private double previewDivider = 0.7;
    @FXML
    private Label rowRangeLabel;
    @FXML
    private TextField goToRowField;
    @FXML
    private Label goToRowMessage;
    private boolean rowRangePending;
    private ItemTable itemTable;

    public ItemsController(ItemsViewModel viewModel, ThumbnailCache thumbnails) {
        this.viewModel = viewModel;
        this.thumbnails = thumbnails;
    }

    @FXML
    private void initialize() {
        bindFilters();
        itemTable = new ItemTable(table, viewModel, thumbnails);
        itemTable.showAttributeColumns(viewModel.attributeNames());
        viewModel.attributeNames().addListener((ListChangeListener<String>) change ->
                itemTable.showAttributeColumns(viewModel.attributeNames()));
        table.getSelectionModel().selectedIndexProperty().addListener((observable, was, index) -> {
            if (viewModel.viewModeProperty().get() == ViewMode.TABLE) {
                viewModel.select(index.intValue());
            }
        });

        grid.setCellFactory(view -> new ItemGridCell(viewModel, thumbnails));
        grid.setCellWidth(ItemGridCell.THUMBNAIL_SIDE + 16);
        grid.setCellHeight(ItemGridCell.THUMBNAIL_SIDE + ItemGridCell.CAPTION_HEIGHT);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);

        ToggleGroup modes = new ToggleGroup();
        tableModeButton.setToggleGroup(modes);
        gridModeButton.setToggleGroup(modes);
        modes.selectedToggleProperty().addListener((observable, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two modes is always on
            } else {
                viewModel.viewModeProperty().set(now == gridModeButton ? ViewMode.GRID : ViewMode.TABLE);
            }
        });
        viewModel.viewModeProperty().addListener((observable, was, mode) -> showMode(mode));
        (viewModel.viewModeProperty().get() == ViewMode.GRID ? gridModeButton : tableModeButton).setSelected(true);
        showMode(viewModel.viewModeProperty().get());

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::spaceTogglesPlayback);
        bindRows();
        // An empty preview would take a quarter of the width from the columns: it shows with a selection only.
        viewModel.selectedIndexProperty().addListener((observable, was, index) -> showPreview(index.intValue() >= 0));
        showPreview(viewModel.selectedIndexProperty().get() >= 0);
    }

    private void showPreview(boolean show) {
        boolean shown = itemsSplit.getItems().contains(preview);
        if (show && !shown) {
            itemsSplit.getItems().add(preview);
            itemsSplit.setDividerPositions(previewDivider);
        } else if (!show && shown) {
            previewDivider = itemsSplit.getDividerPositions()[0];
            itemsSplit.getItems().remove(preview);
        }
    }

    private static final KeyCombination GO_TO_ROW = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);

    /** The row readout, "go to row" (Ctrl+G) and back to the top when the filter or sort changes. */
    private void bindRows() {
        rowRangeLabel.textProperty().bind(viewModel.rowRangeTextProperty());
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (GO_TO_ROW.match(event)) {
                goToRowField.requestFocus();
                goToRowField.selectAll();
                event.consume();
            }
        });
        goToRowField.setOnAction(event -> {
            String message = viewModel.goToRow(goToRowField.getText());
            goToRowMessage.setText(message);
            if (message.isEmpty()) {
                (viewModel.viewModeProperty().get() == ViewMode.GRID ? grid : table).requestFocus();
            }
        });
        goToRowField.textProperty().addListener(observable -> goToRowMessage.setText(""));
        viewModel.scrollTargetProperty().addListener((observable, was, target) -> {
            int index = target.intValue();
            if (index < 0) {
                return;
            }
            if (viewModel.viewModeProperty().get() == ViewMode.GRID) {
                flowOf(grid).ifPresent(flow -> flow.scrollTo(index / Math.max(1, columnsOfGrid())));
            } else {
                table.getSelectionModel().clearAndSelect(index);
                table.scrollTo(index);
            }
            reportVisibleRows();
        });
        viewModel.items().queriesShownProperty().addListener(observable -> {
            table.scrollTo(0);
            flowOf(grid).ifPresent(flow -> flow.scrollTo(0));
            reportVisibleRows();
        });
        // Scrolling, resizing and new rows all lay the flow out again: read what it shows then.
        table.skinProperty().addListener(observable -> watchFlow(table));
        grid.skinProperty().addListener(observable -> watchFlow(grid));
        viewModel.items().addListener((ListChangeListener<ItemSlot>) change -> reportVisibleRows());
    }

    private void watchFlow(javafx.scene.control.Control control) {
        Platform.runLater(() -> flowOf(control).ifPresent(flow -> flow.needsLayoutProperty().addListener(
                (observable, was, needs) -> {
                    if (!needs) {
                        reportVisibleRows();
                    }
                })));
    }

    /** Once per pulse at most: the flow lays out many times while the user drags the thumb. */
    private void reportVisibleRows() {
        if (rowRangePending) {
            return;
        }
        rowRangePending = true;
        Platform.runLater(() -> {
            rowRangePending = false;
            boolean gridMode = viewModel.viewModeProperty().get() == ViewMode.GRID;
            java.util.Optional<VirtualFlow<?>> flow = flowOf(gridMode ? grid : table);
            if (flow.isEmpty() || flow.get().getFirstVisibleCell() == null) {
                viewModel.visibleRows(-1, -1);
                return;
            }
            int first = flow.get().getFirstVisibleCell().getIndex();
            int last = flow.get().getLastVisibleCell().getIndex();
            if (gridMode) {
                int columns = Math.max(1, columnsOfGrid());
                first = first * columns;
                last = Math.min(viewModel.items().size() - 1, last * columns + columns - 1);
            }
            viewModel.visibleRows(first, last);
        });
    }

    /** Tiles per row of the grid, as the grid lays them out for its width. */
    private int columnsOfGrid() {
        double cell = grid.getCellWidth() + grid.getHorizontalCellSpacing() * 2;
        return (int) Math.max(1, Math.floor((grid.getWidth() - 18) / cell));
    }

    private static java.util.Optional<VirtualFlow<?>> flowOf(javafx.scene.Node control) {
        return control.lookupAll(".virtual-flow").stream().filter(VirtualFlow.class::isInstance)
                .<VirtualFlow<?>>map(node -> (VirtualFlow<?>) node).findFirst();
    }

    private void bindFilters() {
        keyField.setText(viewModel.keySearchProperty().get());
        keyField.textProperty().addListener(observable -> keyFilterDelay.playFromStart());
        keyFilterDelay.setOnFinished(event -> viewModel.keySearchProperty().set(keyField.getText()));
        mediaChoice.setItems(viewModel.mediaChoices());
        mediaChoice.valueProperty().bindBidirectional(viewModel.mediaFilterProperty());
        labelChoice.setItems(viewModel.labelChoices());
        labelChoice.valueProperty().bindBidirectional(viewModel.labelFilterProperty());
        splitChoice.setItems(viewModel.splitChoices());
        splitChoice.valueProperty().bindBidirectional(viewModel.splitFilterProperty());
        // With no split in the project the split filter would do nothing: hide it.
        splitChoice.visibleProperty().bind(Bindings.size(viewModel.splitChoices()).greaterThan(1));
        splitChoice.managedProperty().bind(splitChoice.visibleProperty());
        attributeChoice.setItems(viewModel.attributeChoices());
        attributeChoice.valueProperty().bindBidirectional(viewModel.attributeFilterProperty());
        attributeValueChoice.setItems(viewModel.attributeValueChoices());
        attributeValueChoice.valueProperty().bindBidirectional(viewModel.attributeValueFilterProperty());
        attributeValueChoice.disableProperty().bind(viewModel.attributeFilterProperty()
                .isEqualTo(FilterChoice.NO_ATTRIBUTE));
        // With no attributes in the project the attribute filter would do nothing: hide it.
        attributeChoice.visibleProperty().bind(Bindings.size(viewModel.attributeChoices())
                .greaterThan(1));
        attributeChoice.managedProperty().bind(attributeChoice.visibleProperty());
        attributeValueChoice.visibleProperty().bind(attributeChoice.visibleProperty());
        attributeValueChoice.managedProperty().bind(attributeChoice.visibleProperty());
        countLabel.textProperty().bind(viewModel.countTextProperty());
    }

    /**
     * Only the visible mode is given the list: a hidden table or grid holding it would still
     * lay out cells and ask for pages nobody sees.
     */
    private void showMode(ViewMode mode) {
        boolean gridMode = mode == ViewMode.GRID;
        int selected = viewModel.selectedIndexProperty().get();
        table.setVisible(!gridMode);
        grid.setVisible(gridMode);
        if (gridMode) {
            table.setItems(FXCollections.observableArrayList());
            grid.setItems(viewModel.items());
            viewModel.select(selected);
            if (selected >= 0) {
                // After the grid's first layout, when it knows its width and so its columns.
                Platform.runLater(() -> flowOf(grid).ifPresent(flow -> flow.scrollTo(selected / columnsOfGrid())));
            }
        } else {
            grid.setItems(FXCollections.observableArrayList());
            table.setItems(viewModel.items());
            itemTable.showSort(viewModel.sortProperty().get());
            if (selected >= 0 && selected < viewModel.items().size()) {
                table.getSelectionModel().select(selected);
                table.scrollTo(selected);
            }
        }
    }

    private void spaceTogglesPlayback(KeyEvent event) {
        ItemPreviewViewModel preview = viewModel.preview();
        // Space belongs to a text field or an open drop-down when one has the focus.
        if (event.getCode() == KeyCode.SPACE && preview.hasAudio()
                && !(event.getTarget() instanceof TextInputControl) && !(event.getTarget() instanceof ComboBoxBase)) {
            preview.togglePlayback();
            event.consume();
        }
    }
}
