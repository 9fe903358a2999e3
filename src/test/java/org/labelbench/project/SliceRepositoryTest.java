package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the breakdowns group items by: one attribute's values, one tag's items. */
class SliceRepositoryTest {
    @TempDir
    Path dir;

    private final SliceRepository repository = new SliceRepository();

    @Test
    void readsEveryItemsValueOfOneAttribute() {
        try (LabelLog log = LabelLog.create(dir, 4, false)) {
            Map<Long, String> sites = log.store.read(tx -> repository.attributeValues(tx, "site"));
            assertThat(sites).containsExactlyInAnyOrderEntriesOf(Map.of(log.item(1), "north", log.item(3), "north"));
            Map<Long, String> colours = log.store.read(tx -> repository.attributeValues(tx, "colour"));
            assertThat(colours).isEmpty();
        }
    }

    @Test
    void readsTheItemsCarryingOneTag() {
        try (LabelLog log = LabelLog.create(dir, 4, false)) {
            TagRepository tags = new TagRepository();
            long[] ids = log.store.write(tx -> {
                long blurry = tags.define(tx, "blurry", "manual", null, Instant.now());
                long dark = tags.define(tx, "dark", "manual", null, Instant.now());
                tags.add(tx, blurry, List.of(log.item(1), log.item(4)), "manual", "ana", Instant.now());
                return new long[] {blurry, dark};
            });
            Set<Long> blurry = log.store.read(tx -> repository.itemsTagged(tx, ids[0]));
            assertThat(blurry).containsExactlyInAnyOrder(log.item(1), log.item(4));
            Set<Long> dark = log.store.read(tx -> repository.itemsTagged(tx, ids[1]));
            assertThat(dark).isEmpty();
        }
    }
}
