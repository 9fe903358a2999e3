package org.labelbench.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;

/**
 * Fuzzes {@code labels import}: label files made of the columns and values users' spreadsheets
 * hold (known and unknown items, classes, origins, numbers that are not, timestamps that are not,
 * quotes, quoted line breaks, BOMs, bytes that are not UTF-8). Each file is imported, or refused
 * whole in one line naming it with the project unchanged; never another exception.
 */
class LabelFileFuzzTest {
    private static final List<String> HEADERS = List.of("item,annotator,label",
            "item,annotator,label,guideline_version", "item,annotator,label,origin,unsure,seconds",
            "item,annotator,label,skip_reason,note,started_at,submitted_at", "annotator,item,label", "item,label",
            "\ufeffitem,annotator,label", "item,annotator,label,label", "");
    private static final List<String> CELLS = List.of("item-00", "item-01", "item-02", "ghost", "", " ", "ana", "ben",
            "cat", "dog", "bird", "cat;dog", "Cat", "1", "-1", "99999999999999999999", "NaN", "1.5", "true", "yes",
            "human", "auto", "adjudicated", "robot", "2026-12-04T10:00:00Z", "yesterday", "\"", "\"\"", "\"a,b\"",
            "\"x\ny\"", "=1+1", "\u0000", "\t", "é", "\\");
    private static Path folder;
    private static ProjectStore store;
    private static final LabelFileService FILES = new LabelFileService();

    @BeforeContainer
    static void project() throws IOException {
        folder = Files.createTempDirectory("label-fuzz");
        store = LabelingFixture.project(folder, 3, false);
    }

    @AfterContainer
    static void close() throws IOException {
        store.close();
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Property(seed = "20261211")
    void aLabelFileIsImportedOrRefusedWholeInOneLine(@ForAll("labelFiles") byte[] content) throws IOException {
        Path file = Files.write(folder.resolve("labels.csv"), content);
        String before = annotations();
        try {
            FILES.importFile(store, file);
        } catch (BadInputException refused) {
            assertThat(refused.getMessage()).doesNotContain("\n", "\r", "Exception").contains("labels.csv");
            assertThat(annotations()).as("a refused file changes nothing").isEqualTo(before);
        }
    }

    /** Every answer in the project, as labels export writes them. */
    private static String annotations() throws IOException {
        Path export = folder.resolve("export.csv");
        Files.deleteIfExists(export);
        FILES.exportFile(store, export);
        return Files.readString(export);
    }

    @Provide
    Arbitrary<byte[]> labelFiles() {
        Arbitrary<String> row = Arbitraries.of(CELLS).list().ofMinSize(1).ofMaxSize(7).map(c -> String.join(",", c));
        Arbitrary<String> text = Combinators.combine(Arbitraries.of(HEADERS), row.list().ofMaxSize(6),
                Arbitraries.of("\n", "\r\n")).as((header, rows, end) -> header + end + String.join(end, rows));
        return Combinators.combine(text, Arbitraries.of(0, 0, 0, 1)).as((t, bad) -> {
            byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
            if (bad == 1) {
                byte[] broken = java.util.Arrays.copyOf(utf8, utf8.length + 2);
                broken[utf8.length] = (byte) 0xff;
                broken[utf8.length + 1] = (byte) 0xfe;
                return broken;
            }
            return utf8;
        });
    }
}
