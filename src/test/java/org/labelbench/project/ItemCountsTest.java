package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemCountsTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheCountUntilSomethingIsCommittedOrTheQueryChanges() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("p", List.of(),
                false))) {
            addItems(store, 0, 3);
            ItemCounts counts = new ItemCounts();
            assertThat(ItemsPage.load(store, ItemQuery.all(), 0, 2, counts).total()).isEqualTo(3);
            // A COUNT the cache would have to answer wrongly if it were kept across a commit:
            addItems(store, 3, 2);
            assertThat(ItemsPage.load(store, ItemQuery.all(), 2, 2, counts).total()).isEqualTo(5);
            assertThat(ItemsPage.load(store, ItemQuery.all().withKeyContains("k1"), 0, 2, counts).total()).isEqualTo(1);
            assertThat(ItemsPage.load(store, ItemQuery.all(), 4, 2, counts).total()).isEqualTo(5);
        }
    }

    private static void addItems(ProjectStore store, int from, int count) {
        store.write(tx -> {
            long batch = new ImportBatchRepository().start(tx, "x", "images", Instant.now().toString(), "{}");
            try (ItemRepository.Inserter inserter = new ItemRepository().inserter(tx)) {
                for (int i = from; i < from + count; i++) {
                    inserter.insert(new NewItem("k" + i, "image", "png", "m/k" + i, "%064d".formatted(i), 1, 1, 1,
                            null, null, null, null, batch, Map.of()));
                }
            }
            return null;
        });
    }
}
