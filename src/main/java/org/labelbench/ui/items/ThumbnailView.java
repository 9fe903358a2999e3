package org.labelbench.ui.items;

import javafx.beans.InvalidationListener;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.labelbench.project.Item;

/**
 * A square showing an item's thumbnail: the image, a speaker for audio, or a warning sign
 * with the reason in a tooltip when the file is missing or cannot be decoded. Used by the
 * table's first column and the grid's cells.
 */
public final class ThumbnailView extends StackPane {
    private final ThumbnailCache cache;
    private final int side;
    private final ImageView imageView = new ImageView();
    private final FontIcon icon = new FontIcon();
    private final Tooltip problemTip = new Tooltip();
    private final InvalidationListener loadWatcher = observable -> showImageState();
    private Image image;
    private Item item;

    public ThumbnailView(ThumbnailCache cache, int side, int iconSize) {
        this.cache = cache;
        this.side = side;
        getStyleClass().add("thumbnail");
        setMinSize(side, side);
        setPrefSize(side, side);
        setMaxSize(side, side);
        imageView.setFitWidth(side);
        imageView.setFitHeight(side);
        imageView.setPreserveRatio(true);
        icon.setIconSize(iconSize);
        icon.getStyleClass().add("thumbnail-icon");
        getChildren().addAll(imageView, icon);
    }

    /** Shows {@code shown}'s thumbnail, or nothing for null (a row still loading). */
    public void show(Item shown) {
        if (image != null) {
            image.errorProperty().removeListener(loadWatcher);
            image = null;
        }
        item = shown;
        imageView.setImage(null);
        Tooltip.uninstall(this, problemTip);
        setAccessibleText(null);
        if (shown == null) {
            showIcon(null);
        } else if (shown.isAudio()) {
            showIcon(Feather.VOLUME_2);
        } else {
            image = cache.thumbnail(shown, side);
            image.errorProperty().addListener(loadWatcher);
            showImageState();
        }
    }

    private void showImageState() {
        if (image == null) {
            return;
        }
        if (image.isError()) {
            imageView.setImage(null);
            showIcon(Feather.ALERT_TRIANGLE);
            problemTip.setText(cache.problem(item, image));
            Tooltip.install(this, problemTip);
            setAccessibleText(problemTip.getText()); // what a screen reader says instead of the picture
        } else {
            imageView.setImage(image);
            showIcon(null);
        }
    }

    private void showIcon(Ikon ikon) {
        icon.setVisible(ikon != null);
        if (ikon != null) {
            icon.setIconCode(ikon);
        }
    }
}
