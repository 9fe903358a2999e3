package org.labelbench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRow;
import org.labelbench.project.ItemsPage;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

class ManifestImportTest {
    @TempDir
    Path dir;
    ProjectStore store;

    @BeforeEach
    void setUp() throws Exception {
        TestMedia.png(dir.resolve("data/img/1.png"), 10, 10, 1);
        TestMedia.png(dir.resolve("data/img/2.png"), 10, 10, 2);
        TestMedia.wav(dir.resolve("data/snd/3.wav"), 16000, 0.5, 300);
        TestMedia.png(dir.resolve("elsewhere.png"), 10, 10, 4);
        store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("p", List.of("cat", "dog"), false));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ImportReport run(Path manifest) {
        return new ImportService(2).run(store, ImportRequest.of(ImportSource.MANIFEST, manifest), JobContext.silent());
    }

    @Test
    void csvRowsBecomeItemsWithLabelsAndAttributes() throws Exception {
        Path manifest = Files.writeString(dir.resolve("data/manifest.csv"), """
                key,path,label,speaker,device
                one,img/1.png,cat,alice,"phone, old"
                two,img/2.png,,bob,
                three,snd/3.wav,dog,alice,mic
                four,,cat,x,y
                five,../elsewhere.png,cat,x,y
                six,img/missing.png,cat,x,y
                one,img/2.png,cat,x,y
                seven,img/1.png,bird,x,y
                """);

        ImportReport report = run(manifest);

        assertThat(report.added()).isEqualTo(3);
        Map<String, String> reasons = ImportServiceTest.reasons(report);
        assertThat(reasons).containsEntry("row 5", "missing path")
                .containsEntry("row 6", "path escapes the manifest's folder: ../elsewhere.png")
                .containsEntry("row 7", "file not found: img/missing.png")
                .containsEntry("row 8", "key 'one' repeats row 2");
        assertThat(reasons.get("row 9")).startsWith("unknown class 'bird'");
        ItemRow one = ItemsPage.load(store, ItemQuery.all().withKeyContains("one"), 0, 1).rows().get(0);
        assertThat(one.attributes()).containsEntry("speaker", "alice").containsEntry("device", "phone, old");
        assertThat(one.labels()).extracting(l -> l.label()).containsExactly("cat");
        ItemRow two = ItemsPage.load(store, ItemQuery.all().withKeyContains("two"), 0, 1).rows().get(0);
        assertThat(two.attributes()).containsOnlyKeys("speaker");
        assertThat(two.labels()).isEmpty();
        assertThat(ProjectOverview.of(store).audio()).isEqualTo(1);
        assertThat(ItemsPage.load(store, ItemQuery.all().withAttribute("speaker", "alice"), 0, 10).total())
                .isEqualTo(2);
    }

    @Test
    void jsonLinesWithABadLine() throws Exception {
        Path manifest = Files.writeString(dir.resolve("data/manifest.jsonl"), """
                {"key": "a", "path": "img/1.png", "label": "dog", "split": "train", "score": 0.5}
                {"key": "b", "path": "img/2.png"
                [1, 2]
                """);

        ImportReport report = run(manifest);

        assertThat(report.added()).isEqualTo(1);
        assertThat(ImportServiceTest.reasons(report)).containsEntry("line 2", "not valid JSON")
                .containsEntry("line 3", "not a JSON object");
        assertThat(ItemsPage.load(store, ItemQuery.all(), 0, 1).rows().get(0).attributes())
                .containsEntry("split", "train").containsEntry("score", "0.5");
    }

    @Test
    void aManifestWithoutTheRequiredColumnsFailsAsAWhole() throws Exception {
        Path manifest = Files.writeString(dir.resolve("data/m.csv"), "name,file\none,img/1.png\n");

        assertThatThrownBy(() -> run(manifest)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("m.csv: the header must have columns key and path");
        assertThatThrownBy(() -> run(dir.resolve("data/m.txt"))).hasMessageContaining("no such manifest file");
        assertThat(ProjectOverview.of(store).items()).isZero();
    }

    @Test
    void aShortRowIsSkippedWithItsColumnCount() throws Exception {
        Path manifest = Files.writeString(dir.resolve("data/m.csv"), "key,path,label\none,img/1.png\n");

        ImportReport report = run(manifest);

        assertThat(ImportServiceTest.reasons(report)).containsEntry("row 2", "has 2 of 3 columns");
    }
}
