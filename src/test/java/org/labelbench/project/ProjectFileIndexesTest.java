package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries that must stay instant on a 1M-item project use the index meant for them (schema
 * 10 dropped or narrowed the others): SQLite's EXPLAIN QUERY PLAN names it, and a query without
 * one reads "SCAN item" or sorts in a "TEMP B-TREE". A change that drops a needed index fails here.
 */
class ProjectFileIndexesTest {
    @TempDir
    Path dir;

    private ProjectStore store;

    @BeforeEach
    void project() {
        store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("p", List.of("cat"), false));
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private List<String> plan(String sql) {
        return store.read(tx -> {
            List<String> steps = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        steps.add(rs.getString("detail"));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
            return steps;
        });
    }

    private void assertUses(String sql, String index) {
        List<String> plan = plan(sql);
        assertThat(plan).as(sql).anySatisfy(step -> assertThat(step).contains(index));
        assertThat(plan).as(sql).noneSatisfy(step -> assertThat(step).matches("SCAN item$|SCAN i$"));
        assertThat(plan).as(sql).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void importAndLeakageLookUpContentByTheHashIndex() {
        assertUses(ItemRepository.KEY_WITH_SHA256, "INDEX item_sha256_tail (<expr>=?)");
        assertUses(SplitRepository.SPLIT_OF_CONTENT, "INDEX item_sha256_tail (<expr>=?)");
        assertUses(ItemRepository.SHA256_OF_KEY, "INDEX sqlite_autoindex_item_1 (key=?)");
    }

    @Test
    void hashesSharingTheIndexedTailAreToldApartByTheWholeHash() {
        String tail = "00000000000000000000000000000000000000000000000" + "0123456789abcdef0";
        String first = "a" + tail.substring(1);
        String second = "b" + tail.substring(1);
        ItemRepository items = new ItemRepository();
        Optional<String>[] found = store.write(tx -> {
            long batch = new ImportBatchRepository().start(tx, "test", "manifest", "now", "{}");
            try (ItemRepository.Inserter inserter = items.inserter(tx)) {
                inserter.insert(new NewItem("first", "image", "png", "f", first, 1, 1, 1, null, null, null, null,
                        batch, Map.of()));
                inserter.insert(new NewItem("second", "image", "png", "s", second, 1, 1, 1, null, null, null, null,
                        batch, Map.of()));
                @SuppressWarnings("unchecked")
                Optional<String>[] keys = new Optional[] {inserter.keyWithSha256(first), inserter.keyWithSha256(second),
                    inserter.keyWithSha256("c" + tail.substring(1))};
                return keys;
            }
        });
        assertThat(found[0]).contains("first");
        assertThat(found[1]).contains("second");
        assertThat(found[2]).isEmpty();
    }

    @Test
    void itemsPagesReadTheirSortColumnsIndex() {
        String columns = "SELECT i.id, i.key, i.sha256 FROM item i";
        assertUses(columns + " ORDER BY i.key ASC LIMIT 100 OFFSET 0", "sqlite_autoindex_item_1");
        assertUses(columns + " ORDER BY i.key DESC LIMIT 100 OFFSET 0", "sqlite_autoindex_item_1");
        assertUses(columns + " WHERE i.media = ? ORDER BY i.key ASC LIMIT 100 OFFSET 0", "item_media_key (media=?)");
        assertUses(columns + " ORDER BY i.media ASC, i.key ASC LIMIT 100 OFFSET 0", "item_media_key");
        assertUses(columns + " ORDER BY i.bytes DESC, i.key DESC LIMIT 100 OFFSET 0", "item_bytes");
        // Sorted by duration, the page is two runs: the items with one by the partial index...
        assertUses(columns + " WHERE i.duration_ms IS NOT NULL ORDER BY i.duration_ms ASC, i.key ASC LIMIT 100"
                + " OFFSET 0", "item_duration");
        assertUses("SELECT COUNT(*) FROM item i WHERE i.duration_ms IS NOT NULL", "item_duration");
        // ...and those without one (every image) by key.
        assertUses(columns + " WHERE i.duration_ms IS NULL ORDER BY i.key ASC LIMIT 100 OFFSET 0",
                "sqlite_autoindex_item_1");
    }

    @Test
    void attributesAreReadByTheirKeyAndByValue() {
        // WITHOUT ROWID since schema 10: the table is its (item, name) key.
        assertUses("SELECT item, name, value FROM item_attr WHERE item IN (?, ?) ORDER BY item, name",
                "item_attr USING PRIMARY KEY (item=?)");
        assertUses("SELECT s.split FROM item_attr a JOIN item_split s ON s.item = a.item WHERE a.name = ?"
                + " AND a.value = ? ORDER BY a.item LIMIT 1", "item_attr_name_value (name=? AND value=?)");
        assertUses("SELECT MIN(value) FROM item_attr WHERE name = ? AND value > ?", "item_attr_name_value");
    }

    @Test
    void theDurationIndexHoldsOnlyItemsWithADuration() {
        String sql = store.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT sql FROM sqlite_schema WHERE name = 'item_duration'"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        assertThat(sql).contains("WHERE duration_ms IS NOT NULL");
    }

    @Test
    void theCurrentGoldIsFoundInThePartialIndexOfAdjudicatedAnnotations() {
        // Schema 11: without it, every analysis scanned all annotations to find the few adjudicated.
        assertUses(Opinions.currentGoldIds(null), "annotation_gold");
        assertUses("SELECT a.id FROM annotation a WHERE " + Opinions.isCurrentGold("a", "a.item"), "annotation_gold");
        assertThat(plan(Opinions.currentGoldIds(null))).noneSatisfy(step ->
                assertThat(step).contains("annotation_item_annotator"));
    }
}
