package org.labelbench.ui.items;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;
import org.labelbench.project.Item;
import org.labelbench.ui.preview.MediaFiles;

/**
 * Decoded thumbnails, least recently shown dropped first. Each is loaded by JavaFX's own
 * background loader at thumbnail size, so the FX thread never decodes and memory stays small.
 * Only the FX thread uses it.
 */
public final class ThumbnailCache {
    private final MediaFiles media;
    private final Map<String, Image> images;

    public ThumbnailCache(MediaFiles media, int capacity) {
        this.media = media;
        this.images = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The item's image fitted into a {@code side}×{@code side} square, loading in the background. */
    public Image thumbnail(Item item, int side) {
        return images.computeIfAbsent(item.id() + "@" + side,
                key -> new Image(media.url(item), side, side, true, true, true));
    }

    /** Why the item's thumbnail failed, in one line ("File not found: …"). */
    public String problem(Item item, Image failed) {
        return media.problem(item, failed.getException());
    }
}
