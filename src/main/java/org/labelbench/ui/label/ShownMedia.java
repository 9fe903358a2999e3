package org.labelbench.ui.label;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.labelbench.project.Item;
import org.labelbench.ui.BackgroundCall;

/**
 * The media of the item on the labeling screen: at once when it was decoded ahead, else
 * {@link LabelingContent.Loading} until it is; media arriving for an item no longer shown is
 * dropped. Images are decoded at the view's size (device pixels), never larger. FX thread only.
 */
final class ShownMedia {
    private final PrefetchCache cache;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<LabelingContent> content =
            new ReadOnlyObjectWrapper<>(new LabelingContent.Loading());
    /** The view's size in device pixels. */
    private double viewWidth = 1600;
    private double viewHeight = 1200;
    /** Each item shown (or cleared) makes media still decoding for the one before stale. */
    private final BackgroundCall.Latest shown = new BackgroundCall.Latest();

    ShownMedia(PrefetchCache cache, Executor fx) {
        this.cache = cache;
        this.fx = fx;
    }

    /** Shows {@code item}'s media; {@code onShown} runs once it is the content (now, or when decoded). */
    void show(Item item, Consumer<LabelingContent> onShown) {
        BackgroundCall.Latest.Token token = shown.next();
        CompletableFuture<LabelingContent> loading = cache.get(item, viewWidth, viewHeight);
        if (loading.isDone()) {
            put(loading.join(), onShown);
            return;
        }
        content.set(new LabelingContent.Loading());
        // The decode is shared with the prefetch that may have started it, so it stays a future here.
        loading.thenAcceptAsync(loaded -> {
            if (token.isLatest()) {
                put(loaded, onShown);
            }
        }, fx);
    }

    /** No item: the queue is done, and the screen says so. */
    void finished(String message) {
        shown.dropAll();
        content.set(new LabelingContent.Finished(message));
    }

    /** Starts decoding {@code upcoming} at the view's size, so the next items appear at once. */
    void prefetch(List<Item> upcoming) {
        cache.prefetch(upcoming, viewWidth, viewHeight);
    }

    /** Forgets every item (another queue, or the screen closes). */
    void clear() {
        shown.dropAll();
        cache.clear();
        content.set(new LabelingContent.Loading());
    }

    boolean isLoading() {
        return content.get() instanceof LabelingContent.Loading;
    }

    private void put(LabelingContent loaded, Consumer<LabelingContent> onShown) {
        content.set(loaded);
        onShown.accept(loaded);
    }

    ReadOnlyObjectProperty<LabelingContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    /** Items shown from now on are decoded at most this large (device pixels). */
    void viewSize(double width, double height) {
        viewWidth = width;
        viewHeight = height;
    }
}
