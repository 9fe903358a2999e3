package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.Item;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/**
 * The tag set logic every face shares (which items an edit changes, the untagged items, the tags
 * carried), the tag table's decision of which tags get a row, and a prediction import cancelled
 * half-way.
 */
class TagServiceSetsTest {
    @TempDir
    Path dir;

    private static TagMembership membership(Object... tagsAndItems) {
        Map<String, long[]> tags = new LinkedHashMap<>();
        for (int i = 0; i < tagsAndItems.length; i += 2) {
            tags.put((String) tagsAndItems[i], (long[]) tagsAndItems[i + 1]);
        }
        return new TagMembership(tags);
    }

    private static Item item(long id) {
        return new Item(id, "u" + id + ".png", "image", "png", "u" + id + ".png", null, 0, 8, 8, null, null, null,
                null, 1);
    }

    @Test
    void anEditChangesOnlyTheItemsNotAlreadyAsAskedEachOnce() {
        TagMembership tags = membership("dark", new long[] {2, 4});
        List<Item> selected = List.of(item(4), item(1), item(2), item(1), item(3));

        assertThat(TagService.itemsChangedBy(tags, "dark", true, selected)).extracting(Item::id)
                .containsExactly(1L, 3L);
        assertThat(TagService.itemsChangedBy(tags, "dark", false, selected)).extracting(Item::id)
                .containsExactly(4L, 2L);
        // A tag nobody defined yet: adding changes every item, removing none.
        assertThat(TagService.itemsChangedBy(tags, "new", true, selected)).extracting(Item::id)
                .containsExactly(4L, 1L, 2L, 3L);
        assertThat(TagService.itemsChangedBy(null, "new", false, selected)).isEmpty();
    }

    @Test
    void untaggedItemsAndTheTagsSomeItemCarries() {
        TagMembership tags = membership("a", new long[] {2, 9}, "empty", new long[0], "b", new long[] {2, 5});

        assertThat(TagService.untagged(new long[] {1, 2, 3, 5, 7}, tags)).containsExactly(1, 3, 7);
        assertThat(TagService.untagged(new long[] {2, 5}, tags)).isEmpty();
        assertThat(TagService.carried(tags).tags().keySet()).containsExactly("a", "b");
        assertThat(TagService.itemsWith(tags, "b")).containsExactly(2, 5);
        assertThat(TagService.itemsWith(tags, "none")).isEmpty();
    }

    @Test
    void theTagTableLeavesOutTagsWithNoEvaluatedItemAndNamesThem() throws Exception {
        try (ProjectStore store = project()) {
            new TagService().add(store, "blurry", List.of("u1.png", "u2.png"), "me");
            new TagService().add(store, "unlabeled", List.of("u6.png"), "me"); // predicted, no ground truth
            new TagService().add(store, "gone", List.of("u3.png"), "me");
            new TagService().remove(store, "gone", List.of("u3.png")); // a tag no item carries
            RunEvaluation evaluation = store.read(tx -> RunEvaluation.read(tx, "m", TruthSource.DEFAULT));

            TagTable table = TagTable.of(evaluation, store.read(TagMembership::read), 0, 1);

            assertThat(table.rows()).extracting(TagTable.Row::tag).containsExactly(TagTable.ALL, "blurry");
            assertThat(table.unevaluated()).containsExactly("gone", "unlabeled");
            assertThat(table.unevaluatedLine()).isEqualTo("No evaluated items: gone, unlabeled");
            TagTable none = TagTable.of(evaluation, TagService.carried(new TagMembership(Map.of())), 0, 1);
            assertThat(none.unevaluated()).isEmpty();
            assertThat(none.unevaluatedLine()).isEmpty();
        }
    }

    @Test
    void aPredictionImportCancelledWhileWritingLeavesTheProjectAsItWas() throws Exception {
        try (ProjectStore store = project()) {
            Path file = Files.writeString(dir.resolve("m2.csv"), "item,label\nu1.png,cat\nu2.png,cat\n");
            JobContext cancelWhileWriting = new JobContext() {
                private boolean writing;

                @Override
                public void progress(long done, long total) {
                }

                @Override
                public void message(String text) {
                    writing |= text.startsWith("Writing");
                }

                @Override
                public boolean isCancelled() {
                    return writing;
                }
            };

            try {
                new PredictionService().importFile(store, "m2", file, null, cancelWhileWriting);
                throw new AssertionError("the import should have stopped");
            } catch (JobCancelledException expected) {
                // stopped inside the transaction
            }

            assertThat(SqlRows.of(store, "SELECT name FROM prediction_run")).containsExactly(List.of("m"));
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM prediction")).containsExactly(List.of("6"));
        }
    }

    /** Six items; A labels u1..u5; run m predicts all six. */
    private ProjectStore project() throws Exception {
        ProjectStore store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("t", List.of("cat",
                "dog"), false));
        store.write(tx -> {
            ProjectRows.importBatch(tx);
            for (int i = 1; i <= 6; i++) {
                ProjectRows.item(tx, i, "u" + i + ".png", "image", 8, 8, null);
            }
            return null;
        });
        new org.labelbench.labeling.LabelFileService().importFile(store, Files.writeString(dir.resolve("l.csv"),
                "item,annotator,label\nu1.png,A,cat\nu2.png,A,cat\nu3.png,A,dog\nu4.png,A,dog\nu5.png,A,cat\n"));
        new PredictionService().importFile(store, "m", Files.writeString(dir.resolve("m.csv"),
                "item,label\nu1.png,dog\nu2.png,cat\nu3.png,dog\nu4.png,cat\nu5.png,cat\nu6.png,dog\n"), null);
        return store;
    }
}
