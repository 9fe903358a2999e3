package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;

/**
 * The tag table's one decision for every face: a tag with no evaluated item gets no row and is
 * named among the unevaluated instead.
 */
class TagTableDecisionTest {
    @TempDir
    Path dir;

    @Test
    void theTagTableLeavesOutTagsWithNoEvaluatedItemAndNamesThem() throws Exception {
        try (ProjectStore store = project(dir)) {
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

    /** Six items; A labels u1..u5; run m predicts all six. */
    static ProjectStore project(Path dir) throws Exception {
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
