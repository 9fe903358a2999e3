package org.labelbench.ui.agreement;

import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * The coincidences of classes as a heat map: one row and one column per class, each cell the
 * label pairs two annotators gave the same item. The diagonal (agreement) is shaded blue on its own
 * scale and the disagreements red on theirs, so the classes people confuse stand out even when
 * agreement dwarfs them. Counts are in the cells; the tooltip says what share of a class's pairs
 * each is.
 */
public final class ConfusionHeatMap extends GridPane {
    private static final double CELL_WIDTH = 44;
    private static final double CELL_HEIGHT = 28;
    /** Blue and red of the Primer themes; the alpha carries the count, so both themes read the same. */
    private static final String AGREEMENT_RGB = "9,105,218";
    private static final String CONFUSION_RGB = "207,34,46";

    private java.util.function.BiConsumer<String, String> onPairClicked;

    /** A click on a disagreement cell (off the diagonal, with pairs) hands its two classes here. */
    public void setOnPairClicked(java.util.function.BiConsumer<String, String> action) {
        onPairClicked = action;
    }

    public ConfusionHeatMap() {
        getStyleClass().add("confusion-map");
        setHgap(2);
        setVgap(2);
    }

    /** Draws {@code coincidences}, or nothing when there are none. */
    public void show(Coincidences coincidences) {
        getChildren().clear();
        if (coincidences == null) {
            return;
        }
        int k = coincidences.classes().size();
        getColumnConstraints().clear();
        getColumnConstraints().add(new ColumnConstraints());
        for (int column = 0; column < k; column++) {
            // At least a square, and as wide as the widest count: 142,857 pairs must not read "142,…".
            ColumnConstraints counts = new ColumnConstraints();
            counts.setMinWidth(CELL_WIDTH);
            counts.setHalignment(HPos.CENTER);
            getColumnConstraints().add(counts);
        }
        double maxAgreement = coincidences.maxAgreement();
        double maxConfusion = coincidences.maxConfusion();
        for (int column = 0; column < k; column++) {
            Label header = new Label(coincidences.classes().get(column));
            header.getStyleClass().add("confusion-axis");
            header.setRotate(-90);
            Group rotated = new Group(header);
            GridPane.setHalignment(rotated, HPos.CENTER);
            GridPane.setValignment(rotated, VPos.BOTTOM);
            add(rotated, column + 1, 0);
        }
        for (int row = 0; row < k; row++) {
            Label header = new Label(coincidences.classes().get(row));
            header.getStyleClass().add("confusion-axis");
            GridPane.setHalignment(header, HPos.RIGHT);
            add(header, 0, row + 1);
            for (int column = 0; column < k; column++) {
                Label cell = cell(coincidences, row, column, row == column ? maxAgreement : maxConfusion);
                clickable(cell, coincidences, row, column);
                add(cell, column + 1, row + 1);
            }
        }
    }

    private void clickable(Label cell, Coincidences coincidences, int row, int column) {
        if (onPairClicked == null || row == column || coincidences.get(row, column) <= 0) {
            return;
        }
        String first = coincidences.classes().get(row);
        String second = coincidences.classes().get(column);
        cell.getStyleClass().add("clickable-cell");
        cell.setCursor(javafx.scene.Cursor.HAND);
        cell.setOnMouseClicked(event -> onPairClicked.accept(first, second));
        cell.getTooltip().setText(cell.getTooltip().getText() + "\nClick to review these items");
    }

    private static Label cell(Coincidences coincidences, int row, int column, double max) {
        double pairs = coincidences.get(row, column);
        boolean diagonal = row == column;
        Label cell = new Label(pairs == 0 ? "" : Coincidences.pairs(pairs));
        cell.getStyleClass().addAll("confusion-cell", diagonal ? "agreement" : "confusion");
        cell.setMinSize(Region.USE_PREF_SIZE, CELL_HEIGHT);
        cell.setPrefHeight(CELL_HEIGHT);
        cell.setMaxSize(Double.MAX_VALUE, CELL_HEIGHT);
        cell.setAlignment(Pos.CENTER);
        double share = max <= 0 || pairs <= 0 ? 0 : pairs / max;
        double alpha = pairs <= 0 ? 0 : diagonal ? 0.08 + 0.42 * share : 0.15 + 0.8 * share;
        if (alpha > 0) {
            cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s,%.3f);",
                    diagonal ? AGREEMENT_RGB : CONFUSION_RGB, alpha));
        }
        if (alpha > 0.55) {
            cell.getStyleClass().add("dark-cell");
        }
        String first = coincidences.classes().get(row);
        String second = coincidences.classes().get(column);
        double ofClass = coincidences.matrix().marginal(row);
        String text = (diagonal ? first + ": " + Coincidences.pairs(pairs) + " agreeing label pairs"
                : first + " × " + second + ": " + Coincidences.pairs(pairs) + " label pairs where one annotator said "
                        + first + " and another " + second)
                + (ofClass > 0 ? String.format(Locale.ROOT, "\n%.1f %% of the pairs with %s", 100 * pairs / ofClass,
                        first) : "");
        cell.setAccessibleText(text);
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        cell.setTooltip(tip);
        return cell;
    }
}
