package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbench.project.Item;

/**
 * The tag set logic every face shares: which items an edit changes, the untagged items, the
 * tags some item carries.
 */
class TagServiceSetsTest {
    private static TagMembership membership(Object... tagsAndItems) {
        Map<String, long[]> tags = new LinkedHashMap<>();
        for (int i = 0; i < tagsAndItems.length; i += 2) {
            tags.put((String) tagsAndItems[i], (long[]) tagsAndItems[i + 1]);
        }
        return new TagMembership(tags);
    }

    private static Item item(long id) {
        return new Item(id, "u" + id + ".png", "image", "png", "u" + id + ".png", null, 0, 8, 8, null, null, null,
                null, 1);
    }

    @Test
    void anEditChangesOnlyTheItemsNotAlreadyAsAskedEachOnce() {
        TagMembership tags = membership("dark", new long[] {2, 4});
        List<Item> selected = List.of(item(4), item(1), item(2), item(1), item(3));

        assertThat(TagService.itemsChangedBy(tags, "dark", true, selected)).extracting(Item::id)
                .containsExactly(1L, 3L);
        assertThat(TagService.itemsChangedBy(tags, "dark", false, selected)).extracting(Item::id)
                .containsExactly(4L, 2L);
        // A tag nobody defined yet: adding changes every item, removing none.
        assertThat(TagService.itemsChangedBy(tags, "new", true, selected)).extracting(Item::id)
                .containsExactly(4L, 1L, 2L, 3L);
        assertThat(TagService.itemsChangedBy(null, "new", false, selected)).isEmpty();
    }

    @Test
    void untaggedItemsAndTheTagsSomeItemCarries() {
        TagMembership tags = membership("a", new long[] {2, 9}, "empty", new long[0], "b", new long[] {2, 5});

        assertThat(TagService.untagged(new long[] {1, 2, 3, 5, 7}, tags)).containsExactly(1, 3, 7);
        assertThat(TagService.untagged(new long[] {2, 5}, tags)).isEmpty();
        assertThat(TagService.carried(tags).tags().keySet()).containsExactly("a", "b");
        assertThat(TagService.itemsWith(tags, "b")).containsExactly(2, 5);
        assertThat(TagService.itemsWith(tags, "none")).isEmpty();
    }
}
