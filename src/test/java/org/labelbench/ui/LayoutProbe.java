package org.labelbench.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Cell;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

/**
 * Finds what a user would see clipped in a window: every visible {@link Labeled} (labels,
 * buttons, check boxes, table cells and column headers) whose rendered text is elided ("…"), and
 * every visible control, table, column header or scroll pane that reaches outside the window or
 * outside a clipping ancestor. Inside a scroll pane or a table, a node may lie outside the
 * viewport in the directions the viewport scrolls (the user scrolls to it); the scroll pane or
 * table itself must then fit. Call it on the FX thread after layout.
 */
public final class LayoutProbe {
    private static final double SLACK = 0.5; // sub-pixel snapping

    private final Predicate<Node> exempt;

    /** @param exempt nodes that may be elided on purpose (free text with its whole value in a tooltip) */
    public LayoutProbe(Predicate<Node> exempt) {
        this.exempt = exempt;
    }

    /** One line per clipped node: view, what it is, why, and its bounds in the scene. */
    public List<String> offenders(String view, Scene scene) {
        // A text set since the last pulse has not been laid out yet: settle first, or a label whose
        // text just grew reads as elided (BackgroundRetrainingTest saw "Epoch 1" turn to "Epoch 2").
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> found = new ArrayList<>();
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        visit(view, scene.getRoot(), window, found);
        return found;
    }

    private void visit(String view, Node node, Bounds window, List<String> found) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (isChecked(node) && !exempt.test(node)) {
            if (node instanceof Labeled labeled && isElided(labeled)) {
                found.add(describe(view, node) + " is elided to \"" + renderedText(labeled) + "\"");
            }
            String outside = outside(node, window);
            if (outside != null) {
                found.add(describe(view, node) + " reaches outside " + outside);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(view, child, window, found);
            }
        }
    }

    private static boolean isChecked(Node node) {
        if (node instanceof Cell<?> cell) {
            // Recycled cells of a virtual flow stay in the scene, empty or invisible.
            if (cell.isEmpty() || cell.getText() == null || cell.getText().isEmpty()) {
                return false;
            }
            return !(cell instanceof IndexedCell<?> indexed) || indexed.getIndex() >= 0;
        }
        return node instanceof Labeled || node instanceof TableColumnHeader || node instanceof ScrollPane
                || node instanceof TableView<?> || node instanceof TreeTableView<?> || node instanceof ListView<?>;
    }

    /** The text node the skin drew: LabeledText, style class "text", a direct child of the labeled. */
    private static Text textNode(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text;
            }
        }
        return null;
    }

    private static String renderedText(Labeled labeled) {
        Text text = textNode(labeled);
        return text == null ? "" : text.getText();
    }

    private static boolean isElided(Labeled labeled) {
        String wanted = labeled.getText();
        if (wanted == null || wanted.isBlank()) {
            return false;
        }
        Text text = textNode(labeled);
        if (text == null || !text.isVisible()) {
            return false; // graphic only
        }
        String shown = text.getText();
        if (shown.equals(wanted)) {
            return false;
        }
        if (labeled.isMnemonicParsing() && shown.equals(wanted.replaceFirst("_", ""))) {
            return false;
        }
        return true;
    }

    /** Null when the node fits; otherwise what it reaches outside of. */
    private static String outside(Node node, Bounds window) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        if (bounds.getWidth() <= 0 && bounds.getHeight() <= 0) {
            return null;
        }
        for (Parent ancestor = node.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor instanceof VirtualFlow<?> || ancestor instanceof TableView<?>
                    || ancestor instanceof TreeTableView<?> || ancestor instanceof ListView<?>) {
                return null; // rows and columns scroll; the table itself is checked
            }
        }
        boolean checkX = true;
        boolean checkY = true;
        for (Parent ancestor = node.getParent(); ancestor != null && (checkX || checkY);
                ancestor = ancestor.getParent()) {
            if (ancestor instanceof ScrollPane scroll) {
                // The viewport scrolls where its content is larger than it.
                Node content = scroll.getContent();
                Bounds viewport = scroll.getViewportBounds();
                if (content != null && content.getLayoutBounds().getWidth() > viewport.getWidth() + SLACK
                        && scroll.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER) {
                    checkX = false;
                }
                if (content != null && content.getLayoutBounds().getHeight() > viewport.getHeight() + SLACK
                        && scroll.getVbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER) {
                    checkY = false;
                }
                Bounds scrollBounds = scroll.localToScene(scroll.getLayoutBounds());
                String where = exceeds(bounds, scrollBounds, checkX, checkY);
                if (where != null) {
                    return "its scroll pane " + name(scroll) + " " + format(scrollBounds) + " " + where;
                }
                continue;
            }
            Node clip = ancestor.getClip();
            if (clip != null && !(ancestor.getParent() instanceof ScrollPane)) { // a viewport: see above
                Bounds clipBounds = ancestor.localToScene(clip.getBoundsInParent());
                String where = exceeds(bounds, clipBounds, checkX, checkY);
                if (where != null) {
                    return "the clip of " + name(ancestor) + " " + format(clipBounds) + " " + where;
                }
            }
        }
        String where = exceeds(bounds, window, checkX, checkY);
        return where == null ? null : "the window " + format(window) + " " + where;
    }

    private static String exceeds(Bounds inner, Bounds outer, boolean checkX, boolean checkY) {
        List<String> sides = new ArrayList<>();
        if (checkX && inner.getMinX() < outer.getMinX() - SLACK) {
            sides.add("left");
        }
        if (checkX && inner.getMaxX() > outer.getMaxX() + SLACK) {
            sides.add("right");
        }
        if (checkY && inner.getMinY() < outer.getMinY() - SLACK) {
            sides.add("top");
        }
        if (checkY && inner.getMaxY() > outer.getMaxY() + SLACK) {
            sides.add("bottom");
        }
        return sides.isEmpty() ? null : "on the " + String.join(", ", sides);
    }

    private static String describe(String view, Node node) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return "[" + view + "] " + name(node) + " " + format(bounds);
    }

    private static String name(Node node) {
        StringBuilder name = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            name.append('#').append(node.getId());
        } else if (!node.getStyleClass().isEmpty()) {
            name.append('.').append(node.getStyleClass().get(node.getStyleClass().size() - 1));
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            name.append(" \"").append(labeled.getText()).append('"');
        } else if (node instanceof TableColumnHeader header && header.getTableColumn() != null) {
            name.append(" \"").append(header.getTableColumn().getText()).append('"');
        }
        return name.toString();
    }

    private static String format(Bounds bounds) {
        return String.format(Locale.ROOT, "(x %.0f–%.0f, y %.0f–%.0f)", bounds.getMinX(), bounds.getMaxX(),
                bounds.getMinY(), bounds.getMaxY());
    }
}
