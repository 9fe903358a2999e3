package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
