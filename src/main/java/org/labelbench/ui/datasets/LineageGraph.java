package org.labelbench.ui.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import org.labelbench.dataset.Lineage;

/**
 * A version's lineage drawn in four layers, left to right: import batches; the labels (one box
 * per annotator or model run) and the parent version; the version; its exports and the models
 * trained on it. Each node is a labelled box; each edge an arrow from the right side of its
 * source to the left side of its target, with what flowed and how many items in its tooltip.
 */
public final class LineageGraph extends Region {
    static final double BOX_WIDTH = 140;
    static final double COLUMN_GAP = 36;
    static final double ROW_GAP = 12;
    static final double PADDING = 10;
    private static final double ARROW = 6;

    private final List<List<VBox>> columns = new ArrayList<>();
    private final Map<String, VBox> boxes = new HashMap<>();
    private final List<Lineage.Edge> edges = new ArrayList<>();
    private final List<Path> arrows = new ArrayList<>();

    public LineageGraph() {
        getStyleClass().add("lineage-graph");
    }

    /** Draws {@code lineage}, or nothing for null. */
    public void show(Lineage lineage) {
        getChildren().clear();
        columns.clear();
        boxes.clear();
        edges.clear();
        arrows.clear();
        if (lineage == null) {
            requestLayout();
            return;
        }
        for (int c = 0; c < 4; c++) {
            columns.add(new ArrayList<>());
        }
        String focus = "version:" + lineage.version();
        for (Lineage.Node node : lineage.nodes()) {
            int column = switch (node.kind()) {
                case Lineage.IMPORT_BATCH -> 0;
                case Lineage.LABELS -> 1;
                case Lineage.VERSION -> node.id().equals(focus) ? 2 : 1;
                default -> 3;
            };
            VBox box = box(node, node.id().equals(focus));
            columns.get(column).add(box);
            boxes.put(node.id(), box);
        }
        for (Lineage.Edge edge : lineage.edges()) {
            if (boxes.containsKey(edge.from()) && boxes.containsKey(edge.to())) {
                Path arrow = new Path();
                arrow.getStyleClass().add("lineage-edge");
                Tooltip.install(arrow, new Tooltip(edge.relation() + (edge.items() > 0
                        ? String.format(Locale.ROOT, ": %,d items", edge.items()) : "")));
                edges.add(edge);
                arrows.add(arrow);
            }
        }
        getChildren().addAll(arrows); // under the boxes
        columns.forEach(getChildren()::addAll);
        requestLayout();
    }

    private static VBox box(Lineage.Node node, boolean focus) {
        Label title = new Label(node.label());
        title.getStyleClass().add("lineage-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label facts = new Label(factsLine(node));
        facts.getStyleClass().add("lineage-facts");
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, title, facts);
        box.getStyleClass().addAll("lineage-node", "lineage-" + node.kind().replace('_', '-'));
        if (focus) {
            box.getStyleClass().add("lineage-focus");
        }
        box.setId("lineage-" + node.id().replaceAll("[^A-Za-z0-9_-]", "-"));
        box.setPrefWidth(BOX_WIDTH);
        box.setMaxWidth(BOX_WIDTH);
        Tooltip.install(box, new Tooltip(tooltipText(node)));
        return box;
    }

    /** The node's label and every fact on its own line, the import's full source path among them. */
    static String tooltipText(Lineage.Node node) {
        StringBuilder text = new StringBuilder(node.label());
        node.facts().forEach((key, value) -> text.append('\n').append(key.replace('_', ' ')).append(": ").append(value));
        return text.toString();
    }

    /** The one line of facts a box shows: items, guideline versions, the manifest's short hash, a format. */
    static String factsLine(Lineage.Node node) {
        List<String> parts = new ArrayList<>();
        Object items = node.facts().get("items");
        if (items instanceof Number n) {
            parts.add(String.format(Locale.ROOT, "%,d items", n.longValue()));
        }
        if (node.facts().get("guideline_versions") instanceof List<?> versions && !versions.isEmpty()) {
            parts.add("guideline " + String.join(", ", versions.stream().map(String::valueOf).toList()));
        }
        if (node.facts().get("manifest_sha256") instanceof String hash && hash.length() >= 12) {
            parts.add("sha256 " + hash.substring(0, 12));
        }
        if (node.facts().get("role") instanceof String role) {
            parts.add(role);
        }
        if (node.facts().get("architecture") instanceof String architecture) {
            parts.add(architecture);
        }
        if (node.facts().get("created") instanceof String created && !node.kind().equals(Lineage.VERSION)) {
            parts.add(created.length() >= 10 ? created.substring(0, 10) : created);
        }
        return String.join(" · ", parts);
    }

    @Override
    protected void layoutChildren() {
        double tallest = 0;
        for (List<VBox> column : columns) {
            tallest = Math.max(tallest, columnHeight(column));
        }
        for (int c = 0; c < columns.size(); c++) {
            List<VBox> column = columns.get(c);
            double x = PADDING + c * (BOX_WIDTH + COLUMN_GAP);
            // Each column is centred on the tallest, so the version sits in the middle of its inputs.
            double y = PADDING + (tallest - columnHeight(column)) / 2;
            for (VBox box : column) {
                double height = box.prefHeight(BOX_WIDTH);
                box.resizeRelocate(x, y, BOX_WIDTH, height);
                y += height + ROW_GAP;
            }
        }
        for (int e = 0; e < edges.size(); e++) {
            draw(arrows.get(e), boxes.get(edges.get(e).from()), boxes.get(edges.get(e).to()));
        }
    }

    private static double columnHeight(List<VBox> column) {
        double height = 0;
        for (VBox box : column) {
            height += box.prefHeight(BOX_WIDTH) + ROW_GAP;
        }
        return Math.max(0, height - ROW_GAP);
    }

    /** An arrow from the right middle of {@code from} to the left middle of {@code to} (or down, in one column). */
    private static void draw(Path arrow, Node from, Node to) {
        Bounds a = from.getBoundsInParent();
        Bounds b = to.getBoundsInParent();
        double x1;
        double y1;
        double x2;
        double y2;
        if (a.getMinX() == b.getMinX()) { // the parent above the labels: down the left side
            x1 = a.getMinX() + BOX_WIDTH / 2;
            y1 = a.getMaxY();
            x2 = b.getMinX() + BOX_WIDTH / 2;
            y2 = b.getMinY();
        } else {
            x1 = a.getMaxX();
            y1 = a.getMinY() + a.getHeight() / 2;
            x2 = b.getMinX();
            y2 = b.getMinY() + b.getHeight() / 2;
        }
        double angle = Math.atan2(y2 - y1, x2 - x1);
        arrow.getElements().setAll(new MoveTo(x1, y1), new LineTo(x2, y2),
                new MoveTo(x2 - ARROW * Math.cos(angle - 0.45), y2 - ARROW * Math.sin(angle - 0.45)),
                new LineTo(x2, y2),
                new LineTo(x2 - ARROW * Math.cos(angle + 0.45), y2 - ARROW * Math.sin(angle + 0.45)));
    }

    @Override
    protected double computePrefWidth(double height) {
        return columns.isEmpty() ? 0 : 2 * PADDING + 4 * BOX_WIDTH + 3 * COLUMN_GAP;
    }

    @Override
    protected double computePrefHeight(double width) {
        double tallest = 0;
        for (List<VBox> column : columns) {
            tallest = Math.max(tallest, columnHeight(column));
        }
        return columns.isEmpty() ? 0 : tallest + 2 * PADDING;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
