package org.labelbench.ui.items;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;

/** A tile of the thumbnail grid: the thumbnail and the key; a click selects the item. */
final class ItemGridCell extends GridCell<ItemSlot> {
    static final int THUMBNAIL_SIDE = 112;
    /** The key and the labels under the thumbnail. */
    static final int CAPTION_HEIGHT = 58;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final ItemsViewModel viewModel;
    private final ThumbnailView thumbnail;
    private final Label key = new Label();
    private final Label labels = new Label();
    private final VBox tile;
    /** Held here and registered weakly: the grid may drop cells, the view model outlives them. */
    private final InvalidationListener selectionWatcher = observable -> markSelection();

    ItemGridCell(ItemsViewModel viewModel, ThumbnailCache thumbnails) {
        this.viewModel = viewModel;
        this.thumbnail = new ThumbnailView(thumbnails, THUMBNAIL_SIDE, 32);
        key.getStyleClass().add("grid-key");
        key.setMaxWidth(THUMBNAIL_SIDE + 8);
        labels.getStyleClass().addAll("grid-labels", "text-muted", "text-small");
        labels.setMaxWidth(THUMBNAIL_SIDE + 8);
        tile = new VBox(2, thumbnail, key, labels);
        tile.setAlignment(Pos.CENTER);
        getStyleClass().add("item-grid-cell");
        setOnMouseClicked(event -> {
            if (!isEmpty() && getItem() != null) {
                viewModel.select(getItem().index());
            }
        });
        viewModel.selectedIndexProperty().addListener(new WeakInvalidationListener(selectionWatcher));
    }

    @Override
    protected void updateItem(ItemSlot slot, boolean empty) {
        super.updateItem(slot, empty);
        if (empty || slot == null) {
            thumbnail.show(null);
            setGraphic(null);
        } else {
            thumbnail.show(slot.item());
            key.setText(slot.isLoaded() ? slot.item().key() : "…");
            // The current labels, most frequent first ("coat ×2 · shirt"); who said what on hover.
            labels.setText(!slot.isLoaded() ? "" : slot.row().labels().isEmpty() ? "unlabeled"
                    : LabelSummary.counts(slot.row().labels()));
            labels.setTooltip(!slot.isLoaded() || slot.row().labels().isEmpty() ? null
                    : new javafx.scene.control.Tooltip(LabelSummary.byAnnotator(slot.row().labels())));
            setGraphic(tile);
        }
        setText(null);
        markSelection();
    }

    private void markSelection() {
        pseudoClassStateChanged(SELECTED, !isEmpty() && getItem() != null
                && getItem().index() == viewModel.selectedIndexProperty().get());
    }
}
