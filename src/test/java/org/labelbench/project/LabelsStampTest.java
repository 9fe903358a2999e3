package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change stamps views compare to know whether to read again: the labels' and the items'. */
class LabelsStampTest {
    @TempDir
    Path dir;

    @Test
    void theLabelsStampMovesWithEveryLabelSkipAndGoldAndOnlyThen() {
        try (LabelLog log = LabelLog.create(dir, 2, false)) {
            assertThat(labelsStamp(log)).isZero();
            long first = log.label(1, "ana", "a");
            assertThat(labelsStamp(log)).isEqualTo(first);
            long skip = log.label(1, "ana", null);
            long gold = log.label(2, "lena", "b", Opinions.ADJUDICATED, null);
            assertThat(skip).isGreaterThan(first);
            assertThat(labelsStamp(log)).isEqualTo(gold).isGreaterThan(skip);
            log.addItems(3, 4);
            assertThat(labelsStamp(log)).as("an import without labels").isEqualTo(gold);
        }
    }

    @Test
    void theNewestItemIdMovesWithEveryImport() {
        try (LabelLog log = LabelLog.create(dir, 0, false)) {
            ItemRepository items = new ItemRepository();
            assertThat(newestId(log, items)).isZero();
            log.addItems(1, 3);
            assertThat(newestId(log, items)).isEqualTo(log.item(3));
            log.label(1, "ana", "a");
            assertThat(newestId(log, items)).as("a label adds no item").isEqualTo(log.item(3));
            log.addItems(4, 4);
            assertThat(newestId(log, items)).isEqualTo(log.item(4)).isGreaterThan(log.item(3));
        }
    }

    private static long newestId(LabelLog log, ItemRepository items) {
        return log.store.read(items::newestId);
    }

    private static long labelsStamp(LabelLog log) {
        return log.store.read(new AnnotationRepository()::labelsStamp);
    }
}
