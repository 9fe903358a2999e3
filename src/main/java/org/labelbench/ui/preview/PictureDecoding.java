package org.labelbench.ui.preview;

import javafx.scene.image.Image;

/**
 * How an item's picture is decoded for the screen, the same for the labeling screen and the
 * preview: a small image (MNIST's 28×28) is enlarged by a whole factor without smoothing while
 * decoding, so each pixel stays a sharp square on every rendering pipeline, and to about the size
 * it is shown at (no more: every label would allocate the difference); a large one is decoded
 * down to the area it is shown in, since the screen shows no more pixels than that.
 */
public final class PictureDecoding {
    /** Images with both sides below this are shown pixel by pixel. */
    static final int PIXELATED_BELOW = 256;
    /** The largest side a small image is enlarged to. */
    static final int PIXELATED_SIDE = 1024;

    private PictureDecoding() {
    }

    /** Whether an image of this size (null: unknown) is shown with visible pixels. */
    public static boolean isSmall(Integer width, Integer height) {
        return isKnown(width, height) && Math.max(width, height) < PIXELATED_BELOW;
    }

    /**
     * Decodes the image at {@code url}, {@code width}×{@code height} as the store recorded it, for
     * an area of {@code maxWidth}×{@code maxHeight} device pixels; {@code inBackground} as
     * {@link Image}'s own flag (then errors arrive later, on its error property).
     */
    public static Image decode(String url, Integer width, Integer height, double maxWidth, double maxHeight,
            boolean inBackground) {
        if (isSmall(width, height)) {
            int most = Math.max(1, PIXELATED_SIDE / Math.max(width, height));
            double fit = Math.min(maxWidth / width, maxHeight / height);
            int factor = Math.max(1, Math.min(most, (int) Math.ceil(fit)));
            return new Image(url, width * factor, height * factor, true, false, inBackground);
        }
        if (isKnown(width, height) && (width > maxWidth || height > maxHeight)) {
            return new Image(url, Math.max(1, maxWidth), Math.max(1, maxHeight), true, true, inBackground);
        }
        return new Image(url, inBackground);
    }

    private static boolean isKnown(Integer width, Integer height) {
        return width != null && height != null && width > 0 && height > 0;
    }
}
