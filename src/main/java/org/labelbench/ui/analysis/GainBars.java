package org.labelbench.ui.analysis;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.labelbench.analysis.TagTable;

/**
 * The tag table's potential gain as horizontal bars, one per tag in the table's order, scaled
 * to the largest gain. A negative gain (the model beats HLP on the tag) is drawn muted; a tag
 * without a gain says "n/a" with the reason in its tooltip, and draws no bar. A click on a bar
 * selects its tag in the table.
 */
public final class GainBars extends VBox {
    private static final double TAG_WIDTH = 96;
    private static final double VALUE_WIDTH = 58;
    private Consumer<String> onTagClicked = tag -> { };

    public GainBars() {
        getStyleClass().add("gain-bars");
        setSpacing(4);
    }

    public void setOnTagClicked(Consumer<String> handler) {
        onTagClicked = handler;
    }

    /** Draws the tags of {@code rows} (the "(all data)" row has no gain of its own and is skipped). */
    public void show(List<TagTable.Row> rows) {
        List<TagTable.Row> tags = rows.stream().filter(row -> !TagTable.ALL.equals(row.tag())).toList();
        double positive = tags.stream().filter(row -> row.potentialGain().isAvailable())
                .mapToDouble(row -> Math.max(0, row.potentialGain().value())).max().orElse(0);
        double negative = tags.stream().filter(row -> row.potentialGain().isAvailable())
                .mapToDouble(row -> Math.max(0, -row.potentialGain().value())).max().orElse(0);
        getChildren().clear();
        if (tags.isEmpty()) {
            Label none = new Label("No tags yet: select rows below and press T");
            none.getStyleClass().addAll("text-muted", "gain-empty");
            none.setWrapText(true);
            getChildren().add(none);
            return;
        }
        for (TagTable.Row row : tags) {
            getChildren().add(bar(row, positive, negative));
        }
    }

    /** Every tag label as wide as the widest tag, so the bars line up and no tag is cut. */
    @Override
    protected void layoutChildren() {
        List<Label> tags = getChildren().stream().filter(HBox.class::isInstance)
                .map(line -> (Label) ((HBox) line).getChildren().get(0)).toList();
        double widest = TAG_WIDTH;
        for (Label tag : tags) {
            javafx.scene.text.Text text = new javafx.scene.text.Text(tag.getText());
            text.setFont(tag.getFont());
            widest = Math.max(widest, Math.ceil(text.getLayoutBounds().getWidth() + tag.snappedLeftInset()
                    + tag.snappedRightInset() + 2));
        }
        for (Label tag : tags) {
            if (tag.getPrefWidth() != widest) {
                tag.setMinWidth(widest);
                tag.setPrefWidth(widest);
                tag.setMaxWidth(widest);
            }
        }
        super.layoutChildren();
    }

    private HBox bar(TagTable.Row row, double positive, double negative) {
        Label tag = new Label(row.tag());
        tag.getStyleClass().add("gain-tag");
        tag.setMinWidth(TAG_WIDTH);
        tag.setPrefWidth(TAG_WIDTH);
        tag.setMaxWidth(TAG_WIDTH);
        GainTrack track = new GainTrack(row.potentialGain().isAvailable() ? row.potentialGain().value() : null,
                positive, negative);
        HBox.setHgrow(track, Priority.ALWAYS);
        Label value = new Label(TagTableText.gain(row.potentialGain()));
        value.getStyleClass().add("gain-value");
        value.setMinWidth(VALUE_WIDTH);
        value.setAlignment(Pos.CENTER_RIGHT);
        HBox line = new HBox(6, tag, track, value);
        line.getStyleClass().add("gain-row");
        line.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(line, new Tooltip(row.potentialGain().isAvailable()
                ? row.tag() + ": " + TagTableText.percent(row.shareOfData()) + " of the data × gap to HLP "
                        + TagTableText.signedPercent(row.gap()) + " = " + TagTableText.gain(row.potentialGain())
                        + " accuracy on all data"
                        + (row.potentialGain().value() < 0 ? " (the model already beats HLP here)" : "")
                : row.tag() + ": no gain, " + row.potentialGain().unavailableReason()));
        line.setOnMouseClicked(event -> onTagClicked.accept(row.tag()));
        return line;
    }

    /**
     * One bar on a shared axis: zero sits where the largest loss ends, so gains grow right and
     * losses (the model beats HLP) grow left, every bar to the same scale.
     */
    private static final class GainTrack extends Region {
        private final Region fill = new Region();
        private final Region zero = new Region();
        private final Double gain;
        private final double positive;
        private final double negative;

        GainTrack(Double gain, double positive, double negative) {
            this.gain = gain;
            this.positive = positive;
            this.negative = negative;
            getStyleClass().add("gain-bar-track");
            fill.getStyleClass().add("gain-bar-fill");
            if (gain != null && gain < 0) {
                fill.getStyleClass().add("negative");
            }
            zero.getStyleClass().add("gain-bar-zero");
            getChildren().addAll(fill, zero);
            setMinWidth(40);
            setPrefWidth(120);
            setMaxWidth(Double.MAX_VALUE);
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
}
