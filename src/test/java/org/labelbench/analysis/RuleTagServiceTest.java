package org.labelbench.analysis;

import java.sql.Connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.labelbench.analysis.ProjectRows.annotator;
import static org.labelbench.analysis.ProjectRows.exec;
import static org.labelbench.analysis.ProjectRows.importBatch;
import static org.labelbench.analysis.ProjectRows.item;
import static org.labelbench.analysis.ProjectRows.label;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/** Re-evaluating rule tags when data changes: in full, for label rules only, for one item; stale rules. */
class RuleTagServiceTest {
    @TempDir
    Path dir;
    ProjectStore store;
    final RuleTagService service = new RuleTagService();

    /** a.png and b.png (200 wide), both labeled cat by ana and ben; c.png (32 wide) unlabeled. */
    @BeforeEach
    void setUp() {
        store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("t", List.of("cat", "dog"), false));
        store.write(tx -> {
            Connection c = tx.connection();
            importBatch(tx);
            item(tx, 1, "a.png", "image", 200, 200, null);
            item(tx, 2, "b.png", "image", 200, 200, null);
            item(tx, 3, "c.png", "image", 32, 32, null);
            annotator(tx, 1, "ana");
            annotator(tx, 2, "ben");
            for (long item = 1; item <= 2; item++) {
                label(tx, item, 1, "class", "cat", "human");
                label(tx, item, 2, "class", "cat", "human");
            }
            return null;
        });
        service.defineRule(store, "split", "disagreement", null, "lead");
        service.defineRule(store, "small", "width < 64", null, "lead");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void refreshingOneItemReEvaluatesEveryRuleForItAlone() {
        store.write(tx -> {
            label(tx, 1, 2, "class", "dog", "human");
            label(tx, 2, 2, "class", "dog", "human");
            service.refreshItem(tx, 1);
            return null;
        });
        // b.png disagrees too, but only a.png was refreshed.
        assertThat(tagged("split")).containsExactly("a.png");
        assertThat(tagged("small")).containsExactly("c.png");
        store.write(tx -> {
            label(tx, 1, 2, "class", "cat", "human");
            service.refreshItem(tx, 1);
            return null;
        });
        assertThat(tagged("split")).isEmpty();
    }

    @Test
    void afterAnImportOnlyItsItemsAreReEvaluated() {
        store.write(tx -> {
            exec(tx, "INSERT INTO import_batch (id, source, kind, started, finished, added, already_present, duplicates,"
                    + " skipped, copied, options, app_version) VALUES (2, 'more', 'manifest', 'now', 'now', 2, 0, 0, 0, 0,"
                    + " '{}', 'test')");
            exec(tx, "INSERT INTO item (id, key, media, format, path, sha256, bytes, width, height, import_batch)"
                    + " VALUES (4, 'd.png', 'image', 'png', 'd.png', 'sha-d', 100, 16, 16, 2),"
                    + " (5, 'e.png', 'image', 'png', 'e.png', 'sha-e', 100, 90, 90, 2)");
            label(tx, 4, 1, "class", "cat", "import");
            label(tx, 4, 2, "class", "dog", "import");
            // A change outside the batch (a label on a.png) is not the import's to pick up.
            label(tx, 1, 1, "class", "dog", "human");
            service.refreshImportBatch(tx, 2);
            return null;
        });
        assertThat(tagged("small")).containsExactly("c.png", "d.png");
        assertThat(tagged("split")).containsExactly("d.png");
    }

    @Test
    void refreshingLabelRulesLeavesTheOthersAlone() {
        store.write(tx -> {
            label(tx, 2, 1, "class", "dog", "human");
            item(tx, 4, "d.png", "image", 16, 16, null);
            assertThat(service.refreshLabelRules(tx)).containsExactly(
                    new RuleTagService.Refreshed("split", "rule", 1, null));
            return null;
        });
        assertThat(tagged("split")).containsExactly("b.png");
        // The new small item waits for the full refresh an import calls.
        assertThat(tagged("small")).containsExactly("c.png");
        assertThat(service.refresh(store)).containsExactly(new RuleTagService.Refreshed("small", "rule", 2, null),
                new RuleTagService.Refreshed("split", "rule", 1, null));
        assertThat(tagged("small")).containsExactly("c.png", "d.png");
    }

    @Test
    void anItemThatStaysKeepsWhenItWasTagged() throws Exception {
        List<String> c = rows("small").get(0);
        Thread.sleep(5);
        store.write(connection -> {
            item(connection, 4, "d.png", "image", 16, 16, null);
            return null;
        });
        service.refresh(store);
        service.defineRule(store, "small", "width < 300", null, "ben");
        List<List<String>> after = rows("small");
        assertThat(after).extracting(row -> row.get(0) + " by " + row.get(2))
                .containsExactly("a.png by ben", "b.png by ben", "c.png by lead", "d.png by lead");
        assertThat(after.get(2)).isEqualTo(c);
        assertThat(Instant.parse(after.get(3).get(1))).isAfter(Instant.parse(c.get(1)));
    }

    @Test
    void aRuleThatNoLongerCompilesKeepsItsItemsAndSaysWhy() {
        service.defineRule(store, "cats", "label == \"cat\"", null, "lead");
        store.write(tx -> {
            exec(tx, "UPDATE label_class SET name = 'kitty' WHERE name = 'cat'");
            return null;
        });
        assertThat(service.refresh(store)).contains(new RuleTagService.Refreshed("cats", "rule", null,
                "rule 'label == \"cat\"': no class 'cat' at column 10; classes: kitty, dog"));
        assertThat(tagged("cats")).containsExactly("a.png", "b.png");
    }

    private List<String> tagged(String tag) {
        return rows(tag).stream().map(row -> row.get(0)).toList();
    }

    /** Key, when added and by whom, of each item carrying the tag, by key. */
    private List<List<String>> rows(String tag) {
        return SqlRows.of(store, "SELECT i.key, it.added, it.author FROM item_tag it JOIN tag t ON t.id = it.tag"
                + " JOIN item i ON i.id = it.item WHERE t.name = ? ORDER BY i.key", tag);
    }
}
