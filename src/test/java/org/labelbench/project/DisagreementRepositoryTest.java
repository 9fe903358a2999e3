package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contested items in the store's one ordering statement, and their current opinions. */
class DisagreementRepositoryTest {
    @TempDir
    Path dir;

    private final DisagreementRepository repository = new DisagreementRepository();

    @Test
    void ordersTheContestedItemsMostContestedFirstAndSaysWhichHaveGold() {
        try (LabelLog log = LabelLog.create(dir, 6, false)) {
            labels(log, 1, "a", "b"); // 1/2 contested, two annotators
            labels(log, 2, "a", "b", "c"); // 2/3: the most contested
            labels(log, 3, "a", "a"); // agreed
            labels(log, 4, "a", "a", "b"); // 1/3
            labels(log, 5, "a", "c"); // as item 1, after it by key; and settled
            log.label(5, "lena", "a", Opinions.ADJUDICATED, null);
            labels(log, 6, "a", "b");
            log.label(6, "ben", "a"); // ben changed his mind: agreed now

            assertThat(contested(log, null, null)).containsExactly(log.item(2) + " open", log.item(1) + " open",
                    log.item(5) + " resolved", log.item(4) + " open");
            assertThat(contested(log, log.classId("c"), null)).containsExactly(log.item(2) + " open",
                    log.item(5) + " resolved");
            assertThat(contested(log, log.classId("c"), log.classId("b"))).containsExactly(log.item(2) + " open");
        }
    }

    @Test
    void readsTheCurrentClassOpinionsOfTheGivenItemsInAnnotatorNameOrder() {
        try (LabelLog log = LabelLog.create(dir, 3, false)) {
            log.label(1, "ben", "b");
            log.label(1, "ana", "a");
            log.label(1, "ana", "c");
            log.label(1, "lena", "a", Opinions.ADJUDICATED, null);
            log.label(2, "ana", "a", "import", 2);
            log.label(2, "ben", "a");
            log.label(2, "ben", null);
            log.label(3, "ana", "b");

            List<Long> items = List.of(log.item(1), log.item(2));
            Map<Long, List<DisagreementRepository.OpinionDetail>> opinions = log.store.read(tx ->
                    repository.currentClassOpinions(tx, items));
            assertThat(opinions).containsOnlyKeys(log.item(1), log.item(2));
            assertThat(opinions.get(log.item(1))).extracting(o -> o.annotator() + " " + o.label())
                    .containsExactly("ana c", "ben b");
            DisagreementRepository.OpinionDetail imported = opinions.get(log.item(2)).get(0);
            assertThat(opinions.get(log.item(2))).hasSize(1);
            assertThat(imported.annotator()).isEqualTo("ana");
            assertThat(imported.origin()).isEqualTo("import");
            assertThat(imported.guidelineVersion()).isEqualTo(2);
            assertThat(imported.durationMs()).isNull();
            assertThat(imported.unsure()).isFalse();
        }
    }

    /** One class label per annotator ana, ben, cy, in that order. */
    private static void labels(LabelLog log, int item, String... classes) {
        String[] annotators = {"ana", "ben", "cy"};
        for (int i = 0; i < classes.length; i++) {
            log.label(item, annotators[i], classes[i]);
        }
    }

    private List<String> contested(LabelLog log, Long classId, Long otherClassId) {
        List<String> rows = new ArrayList<>();
        log.store.read(tx -> {
            repository.forEachContested(tx, classId, otherClassId,
                    (item, resolved) -> rows.add(item + (resolved ? " resolved" : " open")));
            return null;
        });
        return rows;
    }
}
