package org.labelbench.ui.label;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.labelbench.project.Item;

/**
 * Decoded media of the items around the one on screen, keyed by item id: the next few (from
 * the session's {@code upcoming}) are decoded in the background while the labeler looks at the
 * current one, so the next item appears at once. A request for an item already decoding joins
 * that work instead of starting it again. The least recently used entries are dropped first.
 * Only the FX thread calls it. Its entries stay futures rather than {@code BackgroundCall}s: one
 * decode is shared by the prefetch that started it and the screen that later shows the item, and
 * the decoder reports every failure as {@link LabelingContent.Unavailable}, so none is lost.
 */
final class PrefetchCache {
    private final ItemMediaDecoder decoder;
    private final Executor worker;
    private final Map<Long, CompletableFuture<LabelingContent>> entries;

    PrefetchCache(ItemMediaDecoder decoder, Executor worker, int capacity) {
        this.decoder = decoder;
        this.worker = worker;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<LabelingContent>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The item's media: at once when it was prefetched, else decoding now. */
    CompletableFuture<LabelingContent> get(Item item, double maxWidth, double maxHeight) {
        CompletableFuture<LabelingContent> known = entries.get(item.id());
        if (known != null) {
            return known;
        }
        CompletableFuture<LabelingContent> started = start(item, maxWidth, maxHeight);
        entries.put(item.id(), started);
        return started;
    }

    /** Starts decoding the items not cached yet; the ones cached stay (and count as recently used). */
    void prefetch(List<Item> items, double maxWidth, double maxHeight) {
        for (Item item : items) {
            get(item, maxWidth, maxHeight);
        }
    }

    boolean contains(long itemId) {
        return entries.containsKey(itemId);
    }

    void clear() {
        entries.clear();
    }

    private CompletableFuture<LabelingContent> start(Item item, double maxWidth, double maxHeight) {
        try {
            return CompletableFuture.supplyAsync(() -> decoder.decode(item, maxWidth, maxHeight), worker);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(new LabelingContent.Unavailable("Not loaded: the project is closing"));
        }
    }
}
