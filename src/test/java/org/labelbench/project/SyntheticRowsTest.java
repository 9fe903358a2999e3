package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRowsTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryRowAcrossBatchBoundariesParentsFirst() {
        int items = SyntheticRows.BATCH + 7; // a flush falls between an item and its attributes
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("p",
                List.of("cat", "dog"), false))) {
            store.write(tx -> {
                long ana = new AnnotatorRepository().findOrCreate(tx, "ana", "labeler").id();
                long tag = new TagRepository().define(tx, "odd", "manual", null, Instant.now());
                try (SyntheticRows rows = SyntheticRows.in(tx)) {
                    long batch = rows.importBatch("images");
                    for (int i = 1; i <= items; i++) {
                        rows.pngItem(i, "img/" + i + ".png", "media/img/" + i + ".png", "%064x".formatted(i), 100, 28,
                                28, batch);
                        rows.attribute(i, "site", "s" + i % 3);
                        rows.classLabel(i, ana, 1 + i % 2);
                        if (i % 2 == 1) {
                            rows.tagged(tag, i);
                        }
                    }
                }
                return null;
            });
            store.read(tx -> {
                assertThat(new ItemRepository().count(tx, ItemQuery.all())).isEqualTo(items);
                assertThat(new AnnotationRepository().count(tx)).isEqualTo(items);
                assertThat(new ItemRepository().attributeValues(tx, "site", 10)).containsExactly("s0", "s1", "s2");
                assertThat(new ItemTagRepository().itemsByTag(tx).get("odd")).hasSize((items + 1) / 2)
                        .startsWith(1L, 3L, 5L);
                assertThat(new ImportBatchRepository().list(tx)).singleElement()
                        .satisfies(b -> assertThat(b.source()).isEqualTo("synthetic"));
                assertThat(new ItemRepository().findById(tx, items).orElseThrow().key())
                        .isEqualTo("img/" + items + ".png");
                return null;
            });
        }
    }

    @Test
    void theFloorTableTakesOneRowPerCommit() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("f.lbproj"), new ProjectSettings("f", List.of(),
                false))) {
            store.write(tx -> {
                FloorTable.create(tx);
                FloorTable.create(tx); // a second benchmark on the same file
                return null;
            });
            for (int i = 0; i < 3; i++) {
                String value = "x" + i;
                store.write(tx -> {
                    FloorTable.insert(tx, value);
                    return null;
                });
            }
            long floorRows = store.read(tx -> rows(tx, "SELECT COUNT(*) FROM bench_floor"));
            assertThat(floorRows).isEqualTo(3);
        }
    }

    private static long rows(Transaction tx, String sql) throws SQLException {
        try (Statement s = tx.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
