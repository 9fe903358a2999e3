package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemTagRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void readsEachTagsItemsAndEachItemsTagsByName() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("p", List.of(),
                false))) {
            store.write(tx -> {
                TagRepository tags = new TagRepository();
                long zebra = tags.define(tx, "zebra", "manual", null, Instant.now());
                long apple = tags.define(tx, "apple", "manual", null, Instant.now());
                tags.define(tx, "empty", "manual", null, Instant.now());
                try (SyntheticRows rows = SyntheticRows.in(tx)) {
                    long batch = rows.importBatch("images");
                    for (int i = 1; i <= 4; i++) {
                        rows.pngItem(i, "k" + i, "m/k" + i, "%064x".formatted(i), 1, 1, 1, batch);
                    }
                    rows.flush();
                    rows.tagged(zebra, 3);
                    rows.tagged(zebra, 1);
                    rows.tagged(apple, 3);
                }
                return null;
            });
            store.read(tx -> {
                ItemTagRepository repository = new ItemTagRepository();
                Map<String, long[]> byTag = repository.itemsByTag(tx);
                assertThat(byTag.keySet()).containsExactly("apple", "empty", "zebra");
                assertThat(byTag.get("zebra")).containsExactly(1, 3);
                assertThat(byTag.get("apple")).containsExactly(3);
                assertThat(byTag.get("empty")).isEmpty();
                Map<Long, List<String>> byItem = repository.tagNamesByItem(tx, List.of(1L, 2L, 3L));
                assertThat(byItem).containsOnlyKeys(1L, 3L);
                assertThat(byItem.get(3L)).containsExactly("apple", "zebra");
                assertThat(byItem.get(1L)).containsExactly("zebra");
                assertThat(repository.tagNamesByItem(tx, List.of())).isEmpty();
                return null;
            });
        }
    }
}
