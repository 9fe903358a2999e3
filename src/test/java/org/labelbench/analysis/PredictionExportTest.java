package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/** A run written by {@link PredictionExport} and read back by the import is the same run. */
class PredictionExportTest {
    private static final String RUN_ROWS = "SELECT i.key, c.name, p.confidence, hex(p.probabilities)"
            + " FROM prediction p JOIN item i ON i.id = p.item JOIN label_class c ON c.id = p.label_class"
            + " JOIN prediction_run r ON r.id = p.run WHERE r.name = ? ORDER BY i.key";

    @TempDir
    Path dir;

    private ProjectStore project() throws Exception {
        ProjectStore store = ProjectStore.create(dir.resolve("p.lbproj"),
                new ProjectSettings("t", List.of("cat", "dog", "fox"), false));
        store.write(tx -> {
            ProjectRows.importBatch(tx);
            List<String> keys = List.of("u2.png", "u1.png", "=HYPERLINK(1).png", "-3.png", "'+4.png", "a,b \"c\".png");
            for (int i = 0; i < keys.size(); i++) {
                ProjectRows.item(tx, i + 1, keys.get(i), "image", 8, 8, null);
            }
            return null;
        });
        return store;
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aRunWithProbabilitiesImportsBackIdentical() throws Exception {
        try (ProjectStore store = project()) {
            // Probability classes in an order of the file's own (not the schema's); digits beyond a float's.
            new PredictionService().importFile(store, "m", file("m.csv", """
                    item,label,confidence,p_fox,p_cat,p_dog
                    u1.png,cat,0.123456789012345678,0.1,0.7,0.2
                    u2.png,dog,,0.333333333333,0.000000123456789,0.666666666
                    '=HYPERLINK(1).png,fox,1,1,0,0
                    '-3.png,cat,0.5,0.25,0.5,0.25
                    "''+4.png",dog,0.9,0.05,0.05,0.9
                    "a,b ""c"".png",fox,0.0,0.9999999,0.00000005,0.00000005
                    """), null);

            PredictionExport.ExportedRun exported = new PredictionExport().exportFile(store, "m", dir.resolve("out.csv"));
            assertThat(exported.rows()).isEqualTo(6);
            assertThat(exported.probabilityClasses()).containsExactly("fox", "cat", "dog");
            new PredictionService().importFile(store, "again", dir.resolve("out.csv"), null);

            assertThat(SqlRows.of(store, RUN_ROWS, "again")).isEqualTo(SqlRows.of(store, RUN_ROWS, "m"));
            assertThat(SqlRows.of(store, "SELECT classes FROM prediction_run ORDER BY id"))
                    .containsExactly(List.of("[\"fox\",\"cat\",\"dog\"]"), List.of("[\"fox\",\"cat\",\"dog\"]"));
            assertThat(Files.readAllLines(dir.resolve("out.csv")).get(0)).isEqualTo("item,label,confidence,p_fox,p_cat,p_dog");
        }
    }

    @Test
    void aRunWithoutProbabilitiesHasNoProbabilityColumnsAndBlankConfidences() throws Exception {
        try (ProjectStore store = project()) {
            new PredictionService().importFile(store, "plain", file("plain.csv", """
                    item,label,confidence
                    u2.png,dog,
                    u1.png,cat,0.25
                    """), null);

            PredictionExport.ExportedRun exported = new PredictionExport().exportFile(store, "plain",
                    dir.resolve("plain-out.csv"));

            assertThat(exported.probabilityClasses()).isEmpty();
            assertThat(Files.readString(dir.resolve("plain-out.csv")))
                    .isEqualTo("item,label,confidence\r\nu1.png,cat,0.25\r\nu2.png,dog,\r\n");
            new PredictionService().importFile(store, "again", dir.resolve("plain-out.csv"), null);
            assertThat(SqlRows.of(store, RUN_ROWS, "again")).isEqualTo(SqlRows.of(store, RUN_ROWS, "plain"));
        }
    }

    @Test
    void formulaLikeKeysAreWrittenAsText() throws Exception {
        try (ProjectStore store = project()) {
            new PredictionService().importFile(store, "m", file("m.csv", """
                    item,label
                    '=HYPERLINK(1).png,cat
                    '-3.png,dog
                    "''+4.png",fox
                    """), null);

            new PredictionExport().exportFile(store, "m", dir.resolve("out.csv"));

            // As labels export writes them: one apostrophe more in front, whatever was there.
            assertThat(Files.readAllLines(dir.resolve("out.csv"))).containsExactly("item,label,confidence",
                    "''+4.png,fox,", "'-3.png,dog,", "'=HYPERLINK(1).png,cat,");
        }
    }

    @Test
    void anUnknownRunIsRefusedAndWritesNothing() throws Exception {
        try (ProjectStore store = project()) {
            new PredictionService().importFile(store, "m", file("m.csv", "item,label\nu1.png,cat\n"), null);
            Path out = dir.resolve("out.csv");

            assertThatThrownBy(() -> new PredictionExport().exportFile(store, "nope", out))
                    .isInstanceOf(BadInputException.class).hasMessage("no prediction run named 'nope'; runs: m");
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).doesNotContain("out.csv")
                        .noneMatch(name -> name.endsWith(".partial"));
            }
            assertThatThrownBy(() -> new PredictionExport().exportFile(store, "m", dir.resolve("missing/out.csv")))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("does not exist");
        }
    }

    @Test
    void anExistingFileIsReplacedWhole() throws Exception {
        try (ProjectStore store = project()) {
            new PredictionService().importFile(store, "m", file("m.csv", "item,label\nu1.png,cat\n"), null);
            Path out = file("out.csv", "an older export, much longer than the new one\n".repeat(100));

            new PredictionExport().exportFile(store, "m", out);

            assertThat(Files.readString(out)).isEqualTo("item,label,confidence\r\nu1.png,cat,\r\n");
        }
    }
}
