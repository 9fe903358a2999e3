package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelbench.analysis.ProjectRows.annotator;
import static org.labelbench.analysis.ProjectRows.importBatch;
import static org.labelbench.analysis.ProjectRows.item;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.labeling.LabelFileService;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.LabelChanges;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/**
 * Rule tags over labels follow every label the store appends, in the same transaction, with no
 * caller wiring: a few answers item by item, a bulk import over the whole project, a rolled-back
 * write leaves the tags as they were.
 */
class RuleTagsFollowLabelsTest {
    /** Items 1..ITEMS; cat is class 1, dog class 2; ana is annotator 1. */
    static final int ITEMS = LabelChanges.MANY + 20;

    @TempDir
    Path dir;
    ProjectStore store;
    final AnnotationRepository annotations = new AnnotationRepository();

    @BeforeEach
    void setUp() {
        store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("t", List.of("cat", "dog"), false));
        store.write(tx -> {
            importBatch(tx);
            for (int i = 1; i <= ITEMS; i++) {
                item(tx, i, "i" + i + ".png", "image", 10, 10, null);
            }
            annotator(tx, 1, "ana");
            return null;
        });
        new RuleTagService().defineRule(store, "dogs", "label == \"dog\"", null, "lead");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aFewLabelsAreFollowedInTheirOwnCommit() {
        store.write(tx -> {
            annotations.appendOne(tx, dog(2));
            annotations.append(tx, List.of(dog(3), cat(4)));
            return null;
        });
        assertThat(tagged()).containsExactly("i2.png", "i3.png");
        store.write(tx -> annotations.appendOne(tx, cat(2)));
        assertThat(tagged()).containsExactly("i3.png");
    }

    @Test
    void aBulkChangeRefreshesTheWholeProjectOnce() {
        List<NewAnnotation> many = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            many.add(i % 2 == 0 ? dog(i) : cat(i));
        }
        store.write(tx -> {
            annotations.append(tx, many);
            return null;
        });
        assertThat(tagged()).hasSize(ITEMS / 2).contains("i2.png", "i" + ITEMS + ".png").doesNotContain("i1.png");
    }

    @Test
    void aRolledBackWriteLeavesTheTagsAsTheyWere() {
        assertThatThrownBy(() -> store.write(tx -> {
            annotations.appendOne(tx, dog(5));
            throw new IllegalStateException("no");
        })).hasMessage("no");
        assertThat(tagged()).isEmpty();
        // and the next write does not hear of the rolled-back change
        store.write(tx -> annotations.appendOne(tx, dog(6)));
        assertThat(tagged()).containsExactly("i6.png");
    }

    @Test
    void anImportedLabelFileIsFollowedWithoutTheCommandAsking() throws Exception {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, "item,annotator,label\ni7.png,ben,dog\ni8.png,ben,cat\n");
        new LabelFileService().importFile(store, file);
        assertThat(tagged()).containsExactly("i7.png");
    }

    private static NewAnnotation dog(long item) {
        return NewAnnotation.classLabel(item, 1, 2, null, "human", Instant.now());
    }

    private static NewAnnotation cat(long item) {
        return NewAnnotation.classLabel(item, 1, 1, null, "human", Instant.now());
    }

    private List<String> tagged() {
        return SqlRows.of(store, "SELECT i.key FROM item_tag it JOIN tag t ON t.id = it.tag JOIN item i ON i.id = it.item"
                + " WHERE t.name = 'dogs' ORDER BY i.id").stream().map(row -> row.get(0)).toList();
    }
}
