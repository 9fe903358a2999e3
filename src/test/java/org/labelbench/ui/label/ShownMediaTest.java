package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.Item;
import org.labelbench.testing.HeldExecutor;
import org.labelbench.ui.preview.MediaFiles;

/** The item's media on screen: at once when decoded ahead, Loading until then, late media dropped. */
class ShownMediaTest {
    @TempDir
    Path dir;

    private final HeldExecutor decoding = new HeldExecutor(true);
    private final List<String> shown = new ArrayList<>();

    private ShownMedia shownMedia() {
        return new ShownMedia(new PrefetchCache(new ItemMediaDecoder(new MediaFiles(dir)), decoding, 8), Runnable::run);
    }

    @Test
    void aPrefetchedItemShowsAtOnce() {
        ShownMedia itemMedia = shownMedia();
        itemMedia.prefetch(List.of(item(1), item(2)));
        decoding.runHeld();

        itemMedia.show(item(2), loaded -> shown.add(describe(loaded)));

        assertThat(itemMedia.isLoading()).isFalse();
        assertThat(shown).containsExactly("unavailable: File not found: " + dir.resolve("2.png"));
        assertThat(itemMedia.contentProperty().get()).isInstanceOf(LabelingContent.Unavailable.class);
    }

    @Test
    void anItemStillDecodingIsLoadingAndLateMediaForAnEarlierItemIsDropped() {
        ShownMedia itemMedia = shownMedia();
        itemMedia.show(item(1), loaded -> shown.add("1 " + describe(loaded)));
        assertThat(itemMedia.isLoading()).isTrue();
        itemMedia.show(item(2), loaded -> shown.add("2 " + describe(loaded)));

        decoding.runHeld();

        assertThat(shown).containsExactly("2 unavailable: File not found: " + dir.resolve("2.png"));
        assertThat(((LabelingContent.Unavailable) itemMedia.contentProperty().get()).message()).endsWith("2.png");
    }

    @Test
    void theEndOfTheQueueAndClearingDropWhatStillDecodes() {
        ShownMedia itemMedia = shownMedia();
        itemMedia.show(item(1), loaded -> shown.add("1"));
        itemMedia.finished("Queue done");
        decoding.runHeld();
        assertThat(shown).isEmpty();
        assertThat(itemMedia.contentProperty().get()).isEqualTo(new LabelingContent.Finished("Queue done"));

        itemMedia.show(item(2), loaded -> shown.add("2"));
        itemMedia.clear();
        decoding.runHeld();
        assertThat(shown).isEmpty();
        assertThat(itemMedia.isLoading()).isTrue();
    }

    private static String describe(LabelingContent content) {
        return content instanceof LabelingContent.Unavailable unavailable ? "unavailable: " + unavailable.message()
                : content.getClass().getSimpleName();
    }

    private static Item item(long id) {
        return new Item(id, id + ".png", "image", "png", id + ".png", "f".repeat(64), 10L, 28, 28, null, null, null,
                null, 1L);
    }
}
