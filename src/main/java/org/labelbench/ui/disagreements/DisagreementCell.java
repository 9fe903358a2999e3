package org.labelbench.ui.disagreements;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.labelbench.agreement.Disagreement;

/**
 * One contested item in the list: its key, gold (if any) and the contest as a small bar with its
 * value on the first line; the labels given ("shirt ×2 · t-shirt") on the second. The
 * nodes are made once per cell and refilled as the list scrolls.
 */
final class DisagreementCell extends ListCell<DisagreementSlot> {
    private static final double BAR_WIDTH = 64;

    private final Label key = new Label();
    private final Label gold = new Label();
    private final Region fill = new Region();
    private final Label contest = new Label();
    private final Label labels = new Label();
    private final Tooltip labelsTip = new Tooltip();
    private final VBox content;

    DisagreementCell() {
        getStyleClass().add("disagreement-cell");
        key.getStyleClass().add("disagreement-cell-key");
        key.setMinWidth(0);
        gold.getStyleClass().add("gold-badge");
        gold.setMinWidth(Region.USE_PREF_SIZE);
        Region track = new Region();
        track.getStyleClass().add("contest-track");
        fill.getStyleClass().add("contest-fill");
        StackPane bar = new StackPane(track, fill);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMaxHeight(Region.USE_PREF_SIZE);
        contest.getStyleClass().add("contest-value");
        contest.setMinWidth(Region.USE_PREF_SIZE);
        labels.getStyleClass().add("disagreement-cell-labels");
        labels.setMinWidth(0);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The labels get a line of their own: beside the bar they had a third of a narrow list.
        HBox first = new HBox(8, key, spacer, gold, bar, contest);
        first.setAlignment(Pos.CENTER_LEFT);
        labels.setMaxWidth(Double.MAX_VALUE);
        labels.setTooltip(labelsTip);
        content = new VBox(3, first, labels);
        setPrefWidth(0); // never wider than the list: long keys are cut, not scrolled
    }

    @Override
    protected void updateItem(DisagreementSlot slot, boolean empty) {
        super.updateItem(slot, empty);
        setText(null);
        if (empty || slot == null) {
            setGraphic(null);
            return;
        }
        Disagreement d = slot.disagreement();
        if (d == null) {
            key.setText("…");
            gold.setVisible(false);
            fill.setPrefWidth(0);
            contest.setText("");
            labels.setText("");
        } else {
            key.setText(d.key());
            gold.setVisible(d.isResolved());
            gold.setText(d.adjudicated().map(v -> "✓ " + v.label()).orElse(""));
            fill.setPrefWidth(Math.round(BAR_WIDTH * d.contest()));
            fill.setMaxWidth(Region.USE_PREF_SIZE);
            contest.setText(String.format(Locale.ROOT, "%.2f", d.contest()));
            labels.setText(DisagreementsViewModel.labelsText(d));
            labelsTip.setText(labels.getText());
        }
        setGraphic(content);
    }
}
