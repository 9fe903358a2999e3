package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;

/** The error-analysis spreadsheet's rows: errors only, by tag, by confidence, read a page at a time. */
class ErrorSheetTest {
    @TempDir
    Path dir;

    @Test
    void errorsOrderedByConfidenceWithTheirLabelsAndTags() throws Exception {
        Path project = dir.resolve("p.lbproj");
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("e", List.of("cat", "dog"),
                false))) {
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
                    "item,label,confidence\nu1.png,dog,0.6\nu2.png,dog,0.9\nu3.png,dog,0.8\nu4.png,cat,0.55\n"
                            + "u5.png,cat,0.7\nu6.png,dog,0.99\n"), null);
            new TagService().add(store, "blurry", List.of("u2.png", "u4.png"), "me");
            RunEvaluation evaluation = store.read(tx -> RunEvaluation.read(tx, "m", TruthSource.DEFAULT));

            ErrorSheet errors = ErrorSheet.of(evaluation, true, null, ErrorSheet.Order.CONFIDENCE_DESCENDING);
            assertThat(errors.size()).isEqualTo(3);
            List<ErrorSheet.Row> page = store.read(tx -> errors.page(tx, 0, 10));
            assertThat(page).extracting(r -> r.item().key()).containsExactly("u2.png", "u1.png", "u4.png");
            ErrorSheet.Row u2 = page.get(0);
            assertThat(u2.truth()).isEqualTo("cat");
            assertThat(u2.predicted()).isEqualTo("dog");
            assertThat(u2.correct()).isFalse();
            assertThat(u2.tags()).containsExactly("blurry");
            assertThat(u2.labels()).extracting(l -> l.annotator() + ":" + l.label()).containsExactly("A:cat");

            // Every predicted item, least confident first; u6 has no ground truth and still shows.
            ErrorSheet all = ErrorSheet.of(evaluation, false, null, ErrorSheet.Order.CONFIDENCE_ASCENDING);
            List<ErrorSheet.Row> allRows = store.read(tx -> all.page(tx, 0, 10));
            assertThat(allRows).extracting(r -> r.item().key())
                    .containsExactly("u4.png", "u1.png", "u5.png", "u3.png", "u2.png", "u6.png");
            assertThat(allRows.get(5).truth()).isNull();
            long[] blurry = store.read(TagMembership::read).tags().get("blurry");
            ErrorSheet blurryErrors = ErrorSheet.of(evaluation, true, blurry, ErrorSheet.Order.ITEM);
            List<ErrorSheet.Row> blurryRows = store.read(tx -> blurryErrors.page(tx, 0, 10));
            assertThat(blurryRows).extracting(r -> r.item().key()).containsExactly("u2.png", "u4.png");
            // Grouped by tag: blurry's errors (most confident first), then the untagged ones.
            ErrorSheet grouped = ErrorSheet.of(evaluation, true, null, ErrorSheet.Order.TAG,
                    store.read(TagMembership::read));
            List<ErrorSheet.Row> groupedRows = store.read(tx -> grouped.page(tx, 0, 10));
            assertThat(groupedRows).extracting(r -> r.item().key()).containsExactly("u2.png", "u4.png", "u1.png");
            List<ErrorSheet.Row> pastTheEnd = store.read(tx -> blurryErrors.page(tx, 7, 10));
            assertThat(pastTheEnd).isEmpty();
        }
    }
}
