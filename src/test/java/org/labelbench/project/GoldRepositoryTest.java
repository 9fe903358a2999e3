package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The current gold of an item is its newest adjudicated annotation, and nothing else. */
class GoldRepositoryTest {
    @TempDir
    Path dir;

    private final GoldRepository repository = new GoldRepository();

    @Test
    void theNewestAdjudicationIsTheGoldAndOpinionsAreNot() {
        try (LabelLog log = LabelLog.create(dir, 3, false)) {
            log.label(1, "lena", "a", Opinions.ADJUDICATED, null);
            long newest = log.label(1, "omar", "b", Opinions.ADJUDICATED, null);
            log.label(1, "ana", "c");
            log.label(2, "ana", "a");
            log.label(2, "ben", "b", "import", null);

            Map<Long, Long> classes = log.store.read(repository::currentGoldClasses);
            assertThat(classes).containsExactlyEntriesOf(Map.of(log.item(1), log.classId("b")));
            List<Long> items = List.of(log.item(1), log.item(2), log.item(3));
            Map<Long, GoldRepository.GoldLabel> gold = log.store.read(tx -> repository.currentGold(tx, items));
            assertThat(gold).containsOnlyKeys(log.item(1));
            GoldRepository.GoldLabel label = gold.get(log.item(1));
            assertThat(label.annotation()).isEqualTo(newest);
            assertThat(label.label()).isEqualTo("b");
            assertThat(label.adjudicator()).isEqualTo("omar");
            assertThat(label.submitted()).isNotBlank();
        }
    }

    @Test
    void readsTheGoldOfMoreItemsThanOneStatementBinds() {
        try (LabelLog log = LabelLog.create(dir, 1200, false)) {
            log.label(1, "lena", "a", Opinions.ADJUDICATED, null);
            log.label(777, "lena", "c", Opinions.ADJUDICATED, null);
            log.label(1200, "lena", "b", Opinions.ADJUDICATED, null);
            List<Long> every = LongStream.rangeClosed(1, 1200).map(i -> log.item((int) i)).boxed().toList();

            Map<Long, GoldRepository.GoldLabel> gold = log.store.read(tx -> repository.currentGold(tx, every));
            assertThat(gold).containsOnlyKeys(log.item(1), log.item(777), log.item(1200));
            assertThat(gold.get(log.item(1200)).label()).isEqualTo("b");
            Map<Long, GoldRepository.GoldLabel> none = log.store.read(tx -> repository.currentGold(tx, List.of()));
            assertThat(none).isEmpty();
        }
    }

    @Test
    void aMultiLabelGoldIsItsNewestSetAnEmptyOneToo() {
        try (LabelLog log = LabelLog.create(dir, 4, true)) {
            log.multi(1, "lena", Opinions.ADJUDICATED, "a", "c");
            log.multi(2, "lena", Opinions.ADJUDICATED);
            log.multi(3, "lena", Opinions.ADJUDICATED, "b");
            log.multi(3, "omar", Opinions.ADJUDICATED, "a");
            log.multi(4, "ana", "human", "a");

            Map<Long, Set<Long>> sets = log.store.read(repository::currentGoldSets);
            assertThat(sets).containsExactlyInAnyOrderEntriesOf(Map.of(
                    log.item(1), Set.of(log.classId("a"), log.classId("c")),
                    log.item(2), Set.of(),
                    log.item(3), Set.of(log.classId("a"))));
            Map<Long, Long> classes = log.store.read(repository::currentGoldClasses);
            assertThat(classes).as("no single-class gold").isEmpty();
        }
    }

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
