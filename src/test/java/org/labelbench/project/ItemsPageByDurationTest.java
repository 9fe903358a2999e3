package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorted by duration, the Items table reads two runs (no duration by key, then the partial
 * duration index, or the reverse descending): every page, filtered or not, is the one that a
 * single ORDER BY duration_ms, key gives.
 */
class ItemsPageByDurationTest {
    @TempDir
    Path dir;

    @Test
    void everyPageIsTheSingleSortsPage() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("p",
                List.of("cat"), false))) {
            ItemRepository items = new ItemRepository();
            store.write(tx -> {
                long batch = new ImportBatchRepository().start(tx, "test", "manifest", "now", "{}");
                try (ItemRepository.Inserter inserter = items.inserter(tx)) {
                    for (int i = 0; i < 23; i++) {
                        boolean audio = i % 3 != 0;
                        // Durations repeat so that the key breaks ties.
                        inserter.insert(new NewItem(String.format("k%02d", (i * 7) % 23), audio ? "audio" : "image",
                                audio ? "wav" : "png", "f" + i, "%064x".formatted(i), 10, audio ? null : 4,
                                audio ? null : 4, audio ? 100L * (i % 4) : null, null, null, null, batch, Map.of()));
                    }
                }
                return null;
            });
            for (ItemQuery base : List.of(ItemQuery.all(), ItemQuery.all().withMedia("audio"),
                    ItemQuery.all().withMedia("image"), ItemQuery.all().withKeyContains("1"))) {
                for (boolean ascending : List.of(true, false)) {
                    ItemQuery query = base.sortedBy(ItemQuery.SortColumn.DURATION, null, ascending);
                    List<String> expected = singleSort(store, query);
                    for (int limit : List.of(1, 4, 10, 30)) {
                        for (long offset = 0; offset <= 25; offset++) {
                            long from = offset;
                            List<String> page = store.read(tx -> items.page(tx, query, from, limit)).stream()
                                    .map(Item::key).toList();
                            assertThat(page).as(query + " offset " + offset + " limit " + limit).isEqualTo(
                                    expected.subList((int) Math.min(offset, expected.size()),
                                            (int) Math.min(offset + limit, expected.size())));
                        }
                    }
                }
            }
        }
    }

    /** The order before schema 10: one query sorting every matching item. */
    private static List<String> singleSort(ProjectStore store, ItemQuery query) {
        String direction = query.ascending() ? " ASC" : " DESC";
        StringBuilder sql = new StringBuilder("SELECT key FROM item WHERE 1 = 1");
        if (query.media() != null) {
            sql.append(" AND media = '").append(query.media()).append("'");
        }
        if (query.keyContains() != null) {
            sql.append(" AND key LIKE '%").append(query.keyContains()).append("%'");
        }
        sql.append(" ORDER BY duration_ms").append(direction).append(", key").append(direction);
        return store.read(tx -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(sql.toString());
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        });
    }
}
