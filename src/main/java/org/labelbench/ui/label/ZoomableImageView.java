package org.labelbench.ui.label;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * An image fitted into the region, with zoom (mouse wheel around the pointer, or
 * {@link #zoomIn}/{@link #zoomOut}; {@link #fit} returns to the whole image) and pan by
 * dragging. Zoom 1 is "fit"; a new image starts fitted.
 */
public final class ZoomableImageView extends Region {
    static final double MIN_ZOOM = 1.0;
    static final double MAX_ZOOM = 32.0;
    private static final double STEP = 1.25;

    private final ImageView view = new ImageView();
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1.0);
    private final Rectangle clip = new Rectangle();
    /** Offset of the image's centre from the region's centre, in region pixels. */
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;

    public ZoomableImageView() {
        getStyleClass().add("zoomable-image");
        view.setPreserveRatio(true);
        view.setManaged(false);
        getChildren().add(view);
        setClip(clip);
        setMinSize(0, 0);
        view.imageProperty().bind(image);
        image.addListener((observable, was, now) -> fit());
        setOnScroll(event -> {
            if (image.get() == null || event.getDeltaY() == 0) {
                return;
            }
            zoomAround(event.getX(), event.getY(), Math.pow(1.1, event.getDeltaY() / 40.0));
            event.consume();
        });
        setOnMousePressed(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                dragX = event.getX();
                dragY = event.getY();
            }
        });
        setOnMouseDragged(event -> {
            if (event.getButton() == MouseButton.PRIMARY && zoom.get() > MIN_ZOOM) {
                panX += event.getX() - dragX;
                panY += event.getY() - dragY;
                dragX = event.getX();
                dragY = event.getY();
                setCursor(Cursor.CLOSED_HAND);
                requestLayout();
            }
        });
        setOnMouseReleased(event -> setCursor(Cursor.DEFAULT));
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    /** Nearest-neighbour scaling, for small images shown with visible pixels. */
    public void setPixelated(boolean pixelated) {
        view.setSmooth(!pixelated);
    }

    /** 1 = the whole image fits; 2 = twice that. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public void zoomIn() {
        zoomAround(getWidth() / 2, getHeight() / 2, STEP);
    }

    public void zoomOut() {
        zoomAround(getWidth() / 2, getHeight() / 2, 1 / STEP);
    }

    /** The whole image, centred. */
    public void fit() {
        zoom.set(MIN_ZOOM);
        panX = 0;
        panY = 0;
        requestLayout();
    }

    /** The image view inside (tests read what is shown). */
    ImageView imageView() {
        return view;
    }

    private void zoomAround(double x, double y, double factor) {
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor));
        double applied = next / zoom.get();
        // Keep the image point under (x, y) where it is.
        double centreX = getWidth() / 2 + panX;
        double centreY = getHeight() / 2 + panY;
        panX += (x - centreX) * (1 - applied);
        panY += (y - centreY) * (1 - applied);
        zoom.set(next);
        if (next == MIN_ZOOM) {
            panX = 0;
            panY = 0;
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        clip.setWidth(width);
        clip.setHeight(height);
        Image shown = image.get();
        if (shown == null || shown.getWidth() <= 0 || shown.getHeight() <= 0 || width <= 0 || height <= 0) {
            return;
        }
        double fitScale = Math.min(width / shown.getWidth(), height / shown.getHeight());
        double shownWidth = shown.getWidth() * fitScale * zoom.get();
        double shownHeight = shown.getHeight() * fitScale * zoom.get();
        // Never pan the image out of sight: at most to its edge.
        double maxPanX = Math.max(0, (shownWidth - width) / 2);
        double maxPanY = Math.max(0, (shownHeight - height) / 2);
        panX = Math.max(-maxPanX, Math.min(maxPanX, panX));
        panY = Math.max(-maxPanY, Math.min(maxPanY, panY));
        view.setFitWidth(shownWidth);
        view.setFitHeight(shownHeight);
        view.relocate(Math.round((width - shownWidth) / 2 + panX), Math.round((height - shownHeight) / 2 + panY));
    }
}
