package org.labelbench.ui.agreement;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** One headline figure: its name, the value large, its 95 % interval and a detail line (or why it is n/a). */
public final class FigureCard extends VBox {
    private static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");
    private final Label title = new Label();
    private final Label value = new Label();
    private final Label interval = new Label();
    private final Label detail = new Label();
    private final Tooltip detailTip = new Tooltip();

    public FigureCard() {
        getStyleClass().add("figure-card");
        // Cards share the row's width; narrow windows squeeze them to a readable minimum.
        setMinWidth(120);
        setPrefWidth(170);
        setMaxWidth(Double.MAX_VALUE);
        title.getStyleClass().add("figure-title");
        title.setMinWidth(USE_PREF_SIZE); // the card widens (or wraps to the next row) rather than cut its title
        value.getStyleClass().add("figure-value");
        interval.getStyleClass().add("figure-interval");
        interval.setMinWidth(USE_PREF_SIZE);
        detail.getStyleClass().add("figure-detail");
        detail.setWrapText(true);
        detailTip.setWrapText(true);
        detailTip.setMaxWidth(360);
        getChildren().addAll(title, value, interval, detail);
    }

    public String getTitle() {
        return title.getText();
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    /** Shows {@code figure}; the interval line takes no room when the figure has none. */
    public void show(FigureText figure) {
        value.setText(figure.value());
        interval.setText(figure.interval());
        interval.setVisible(!figure.interval().isEmpty());
        interval.setManaged(interval.isVisible());
        detail.setText(figure.detail());
        detailTip.setText(figure.detail());
        detail.setTooltip(figure.detail().isEmpty() ? null : detailTip);
        pseudoClassStateChanged(UNAVAILABLE, !figure.available());
    }

    public String valueText() {
        return value.getText();
    }

    public String intervalText() {
        return interval.getText();
    }

    public String detailText() {
        return detail.getText();
    }
}
