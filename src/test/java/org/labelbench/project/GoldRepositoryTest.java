package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void theNewestAdjudicationOfEachItemIsItsGoldAndOnlyAClassCounts() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("p",
                List.of("cat", "dog"), false))) {
            store.write(tx -> {
                long lead = new AnnotatorRepository().findOrCreate(tx, "lee", "lead").id();
                long ana = new AnnotatorRepository().findOrCreate(tx, "ana", "labeler").id();
                try (SyntheticRows rows = SyntheticRows.in(tx)) {
                    long batch = rows.importBatch("images");
                    for (int i = 1; i <= 4; i++) {
                        rows.pngItem(i, "k" + i, "m/k" + i, "%064x".formatted(i), 1, 1, 1, batch);
                    }
                }
                annotate(tx, 1, lead, "class", 1, "adjudicated");
                annotate(tx, 1, lead, "class", 2, "adjudicated"); // changed its mind: dog
                annotate(tx, 2, ana, "class", 1, "human"); // an opinion is not gold
                annotate(tx, 3, lead, "class", 1, "adjudicated");
                annotate(tx, 3, lead, "skip", null, "adjudicated"); // the newest gold is no class
                annotate(tx, 4, lead, "class", 1, "adjudicated");
                annotate(tx, 4, ana, "class", 2, "human");
                return null;
            });
            Map<Long, String> gold = store.read(new GoldRepository()::goldClasses);
            assertThat(gold).isEqualTo(Map.of(1L, "dog", 4L, "cat"));
        }
    }

    private static void annotate(Transaction tx, long item, long annotator, String kind, Integer labelClass,
            String origin) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO annotation (item, annotator, kind,"
                + " label_class, origin, submitted) VALUES (?, ?, ?, ?, ?, 'now')")) {
            ps.setLong(1, item);
            ps.setLong(2, annotator);
            ps.setString(3, kind);
            ps.setObject(4, labelClass);
            ps.setString(5, origin);
            ps.executeUpdate();
        }
    }
}
