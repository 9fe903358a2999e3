package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The current opinions the agreement matrices are built from, as the store streams them. */
class LabelMatrixRepositoryTest {
    @TempDir
    Path dir;

    private final LabelMatrixRepository repository = new LabelMatrixRepository();

    @Test
    void streamsEachAnnotatorsNewestClassOpinionByItemAndLeavesOutSkipsAndGold() {
        try (LabelLog log = LabelLog.create(dir, 3, false)) {
            log.label(1, "ana", "a");
            log.label(1, "ana", "b"); // a relabel replaces the first answer
            log.label(1, "ben", "a");
            log.label(2, "ana", "a");
            log.label(2, "ana", null); // a later skip replaces the label
            log.label(2, "ben", "c", "human", 3);
            log.label(2, "lena", "a", Opinions.ADJUDICATED, null); // the gold is nobody's opinion
            log.label(3, "zed", "c", "import", null);
            log.label(3, "sam", "b", "accepted-suggestion", 2);

            Map<Long, String> names = names(log);
            List<String> rows = new ArrayList<>();
            log.store.read(tx -> {
                repository.forEachCurrentClassOpinion(tx, (item, annotator, labelClass, version) -> rows.add(
                        item + " " + names.get(annotator) + " " + labelClass + " " + version));
                return null;
            });
            // Annotators within an item come in id order: ana, ben, zed and sam were created in that order.
            assertThat(rows).containsExactly(
                    log.item(1) + " ana " + log.classId("b") + " " + LabelMatrixRepository.NO_GUIDELINE,
                    log.item(1) + " ben " + log.classId("a") + " " + LabelMatrixRepository.NO_GUIDELINE,
                    log.item(2) + " ben " + log.classId("c") + " 3",
                    log.item(3) + " zed " + log.classId("c") + " " + LabelMatrixRepository.NO_GUIDELINE,
                    log.item(3) + " sam " + log.classId("b") + " 2");
            List<Annotator> raters = log.store.read(tx -> repository.annotatorsWithOpinions(tx, "class"));
            assertThat(raters).extracting(Annotator::name).containsExactly("ana", "ben", "sam", "zed");
            List<Annotator> multiRaters = log.store.read(tx -> repository.annotatorsWithOpinions(tx, "multi"));
            assertThat(multiRaters).isEmpty();
        }
    }

    @Test
    void streamsEveryClassOfEachCurrentMultiLabelAnswerAndAnEmptySetOnce() {
        try (LabelLog log = LabelLog.create(dir, 2, true)) {
            long both = log.multi(1, "ana", "human", "a", "b");
            long none = log.multi(1, "ben", "human");
            log.multi(2, "ana", "human", "c");
            long replaced = log.multi(2, "ana", "import", "a");
            log.multi(2, "lena", Opinions.ADJUDICATED, "b");

            Map<Long, String> names = names(log);
            List<String> rows = new ArrayList<>();
            List<Long> items = new ArrayList<>();
            log.store.read(tx -> {
                repository.forEachCurrentMultiAnswer(tx, (item, annotator, answer, labelClass, version) -> {
                    items.add(item);
                    rows.add(item + " " + names.get(annotator) + " " + answer + " " + labelClass + " " + version);
                });
                return null;
            });
            int noGuideline = LabelMatrixRepository.NO_GUIDELINE;
            assertThat(rows).containsExactlyInAnyOrder(
                    log.item(1) + " ana " + both + " " + log.classId("a") + " " + noGuideline,
                    log.item(1) + " ana " + both + " " + log.classId("b") + " " + noGuideline,
                    log.item(1) + " ben " + none + " " + LabelMatrixRepository.NO_CLASS + " " + noGuideline,
                    log.item(2) + " ana " + replaced + " " + log.classId("a") + " " + noGuideline);
            assertThat(items).isSorted();
            List<Annotator> raters = log.store.read(tx -> repository.annotatorsWithOpinions(tx, "multi"));
            assertThat(raters).extracting(Annotator::name).containsExactly("ana", "ben");
        }
    }

    private static Map<Long, String> names(LabelLog log) {
        Map<Long, String> names = new HashMap<>();
        log.store.read(new AnnotatorRepository()::list).forEach(a -> names.put(a.id(), a.name()));
        return names;
    }
}
