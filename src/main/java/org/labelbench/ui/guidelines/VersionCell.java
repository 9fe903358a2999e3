package org.labelbench.ui.guidelines;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A version in the list (number, "current", title, date, author, examples, change note), or the pending examples. */
final class VersionCell extends ListCell<GuidelineEntry> {
    private static final PseudoClass OLD = PseudoClass.getPseudoClass("old");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    /** The cell's padding and a vertical scroll bar. */
    private static final double WIDTH_SPARE = 40;

    private final GuidelinesViewModel viewModel;
    private final Label number = new Label();
    private final Label currentBadge = new Label("current");
    private final Label title = new Label();
    private final Label details = new Label();
    private final Label change = new Label();
    private final VBox version;
    private final Label pending = new Label();
    private final HBox pendingBox;

    VersionCell(GuidelinesViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("version-cell");
        // Graphic only: the cell then measures the graphic at its own width, so long texts wrap.
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        number.getStyleClass().add("version-number");
        currentBadge.getStyleClass().add("current-badge");
        title.getStyleClass().add("version-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        details.getStyleClass().add("version-details");
        details.setWrapText(true); // date · author · examples: wraps in a narrow list rather than eliding
        details.setMinHeight(Region.USE_PREF_SIZE);
        change.getStyleClass().add("version-change");
        change.setWrapText(true);
        change.setMinHeight(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, number, currentBadge);
        top.setAlignment(Pos.CENTER_LEFT);
        version = new VBox(2, top, title, details, change);
        version.setMinWidth(0);
        FontIcon inbox = new FontIcon(Feather.INBOX);
        inbox.getStyleClass().add("pending-icon");
        pending.getStyleClass().add("pending-entry");
        pending.setWrapText(true);
        pending.setMinWidth(0);
        pending.setMinHeight(Region.USE_PREF_SIZE);
        pending.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(pending, Priority.ALWAYS);
        pendingBox = new HBox(8, inbox, pending);
        pendingBox.setAlignment(Pos.CENTER_LEFT);
        pendingBox.setMinWidth(0);
        // Texts wrap at the list's width instead of widening the cell past it.
        listViewProperty().addListener((observable, was, list) -> {
            version.prefWidthProperty().unbind();
            pendingBox.prefWidthProperty().unbind();
            if (list != null) {
                version.prefWidthProperty().bind(list.widthProperty().subtract(WIDTH_SPARE));
                pendingBox.prefWidthProperty().bind(list.widthProperty().subtract(WIDTH_SPARE));
            }
        });
    }

    @Override
    protected void updateItem(GuidelineEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        setText(null);
        pseudoClassStateChanged(OLD, false);
        pseudoClassStateChanged(PENDING, false);
        if (empty || entry == null) {
            setGraphic(null);
            setAccessibleText(null);
        } else if (entry instanceof GuidelineEntry.Version v) {
            number.setText("v" + v.number());
            currentBadge.setVisible(v.current());
            currentBadge.setManaged(v.current());
            title.setText(v.guideline().title());
            details.setText(viewModel.details(v));
            String note = v.guideline().change();
            change.setText(note == null ? "" : note);
            change.setVisible(note != null && !note.isBlank());
            change.setManaged(change.isVisible());
            pseudoClassStateChanged(OLD, !v.current());
            setGraphic(version);
            setAccessibleText("Version " + v.number() + (v.current() ? ", current" : "") + ": " + title.getText());
        } else if (entry instanceof GuidelineEntry.Pending p) {
            pending.setText("Pending examples for the next version (" + p.count() + ")");
            pseudoClassStateChanged(PENDING, true);
            setGraphic(pendingBox);
            setAccessibleText(pending.getText());
        }
    }
}
