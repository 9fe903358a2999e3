package org.labelbench.ui.items;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Small decoded images for the table and the grid, loaded in the background by JavaFX itself
 * and kept in an LRU so scrolling back does not decode again.
 */
final class ThumbnailCache {
    private final int size;
    private final Map<Path, Image> images;

    ThumbnailCache(int size, int capacity) {
        this.size = size;
        this.images = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The thumbnail of an image file; check {@code isError()} for files that are missing or unreadable. */
    Image get(Path file) {
        return images.computeIfAbsent(file, f -> new Image(f.toUri().toString(), size, size, true, true, true));
    }
}
