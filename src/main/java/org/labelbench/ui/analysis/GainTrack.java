package org.labelbench.ui.analysis;

import javafx.scene.layout.Region;

/**
 * One tag's potential gain as a bar on an axis shared by the whole tag table: zero sits where the
 * largest loss ends, so gains grow right and losses (the model beats HLP) grow left, muted, every
 * bar to the same scale. No bar for a tag without a gain.
 */
final class GainTrack extends Region {
    private final Region fill = new Region();
    private final Region zero = new Region();
    private Double gain;
    private double positive;
    private double negative;

    GainTrack() {
        getStyleClass().add("gain-bar-track");
        fill.getStyleClass().add("gain-bar-fill");
        zero.getStyleClass().add("gain-bar-zero");
        getChildren().addAll(fill, zero);
        setMinWidth(USE_PREF_SIZE);
        setPrefWidth(64);
        setMaxWidth(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
    }

    /** {@code gain} null: no bar; {@code positive}/{@code negative}: the largest gain and loss in the table. */
    void show(Double gain, double positive, double negative) {
        this.gain = gain;
        this.positive = positive;
        this.negative = negative;
        fill.getStyleClass().remove("negative");
        if (gain != null && gain < 0) {
            fill.getStyleClass().add("negative");
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double span = positive + negative;
        double zeroX = span == 0 ? 0 : width * negative / span;
        zero.resizeRelocate(Math.round(zeroX), 0, negative > 0 ? 1 : 0, height);
        if (gain == null || span == 0) {
            fill.resizeRelocate(0, 0, 0, height);
            return;
        }
        double length = width * Math.abs(gain) / span;
        fill.resizeRelocate(gain >= 0 ? zeroX : zeroX - length, 0, length, height);
    }
}
