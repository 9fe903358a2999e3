package org.labelbench.ui.items;

/** How the Items view lays out the list: rows with columns, or a grid of thumbnails. */
public enum ViewMode {
    TABLE, GRID
}
