package org.labelbench.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/**
 * Keeps the columns of every table on screen wide enough for their header and for the text of
 * the cells on screen: after a layout pass, a column whose header or visible cell is elided
 * ("83.7% (n=…") gets that text's width as its minimum. Widths only grow, so it settles after
 * a pass or two; a very long free text (a path, a list of labels) stops at {@link #MAX_WIDTH}
 * and keeps its ellipsis. Numbers therefore never truncate, whatever their magnitude, without
 * each view guessing the widest value of its figures.
 */
public final class TableColumnFit {
    /** The widest a column grows on its own; the user may still drag it wider. */
    public static final double MAX_WIDTH = 560;
    private static final double SLACK = 2;

    private boolean dirty = true;

    private TableColumnFit() {
    }

    /** Watches {@code scene}: every layout pass that changed something rechecks its visible tables. */
    public static void install(Scene scene) {
        TableColumnFit fit = new TableColumnFit();
        scene.rootProperty().addListener((observable, was, root) -> fit.watch(root));
        fit.watch(scene.getRoot());
        scene.addPostLayoutPulseListener(() -> {
            if (fit.dirty && scene.getRoot() != null) {
                fit.dirty = false;
                fit.fitTables(scene.getRoot());
            }
        });
    }

    private void watch(Parent root) {
        dirty = true;
        if (root != null) {
            root.needsLayoutProperty().addListener((observable, was, needs) -> {
                if (needs) {
                    dirty = true;
                }
            });
        }
    }

    private void fitTables(Node node) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof TableView<?> table) {
            fit(table);
            return; // no table inside a table here
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                fitTables(child);
            }
        }
    }

    private static void fit(TableView<?> table) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.getTableColumn().getColumns().isEmpty() && header.isVisible()) {
                // The header's own label, or a label set as its graphic (to carry a tooltip).
                for (Node label : header.lookupAll(".label")) {
                    if (label instanceof Labeled labeled && isElided(labeled)) {
                        grow(header.getTableColumn(), header.getWidth() + textWidth(labeled)
                                - renderedWidth(labeled));
                    }
                }
            }
        }
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty()
                    && cell.getTableColumn() != null && isElided(cell)) {
                double graphic = cell.getGraphic() == null || !cell.getGraphic().isManaged() ? 0
                        : cell.getGraphic().prefWidth(-1) + cell.getGraphicTextGap();
                grow(cell.getTableColumn(), textWidth(cell) + graphic + cell.snappedLeftInset()
                        + cell.snappedRightInset());
            }
        }
    }

    private static void grow(TableColumnBase<?, ?> column, double needed) {
        double width = Math.min(MAX_WIDTH, Math.ceil(needed + SLACK));
        if (column.getMinWidth() < width) {
            column.setMinWidth(width);
        }
        if (column.getPrefWidth() < width) {
            column.setPrefWidth(width);
        }
    }

    private static boolean isElided(Labeled labeled) {
        String wanted = labeled.getText();
        if (wanted == null || wanted.isEmpty() || labeled.isWrapText()) {
            return false;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text.isVisible() && !wanted.equals(text.getText());
            }
        }
        return false;
    }

    private static double renderedWidth(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text.getLayoutBounds().getWidth();
            }
        }
        return 0;
    }

    private static double textWidth(Labeled labeled) {
        Text text = new Text(labeled.getText());
        text.setFont(labeled.getFont());
        return text.getLayoutBounds().getWidth();
    }
}
