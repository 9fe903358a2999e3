package org.labelbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelbench.agreement.DisagreementFixture.key;
import static org.labelbench.agreement.DisagreementFixture.label;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.labeling.GuidelineExample;
import org.labelbench.labeling.GuidelineService;
import org.labelbench.labeling.LabelSchemaService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/** Setting the gold label: appended, durable, the newest wins, and bad input changes nothing. */
class AdjudicationTest {
    @TempDir
    Path dir;
    ProjectStore store;
    final Adjudication adjudication = new Adjudication();

    @BeforeEach
    void setUp() {
        store = DisagreementFixture.project(dir, 3, false);
        new GuidelineService().publish(store, "# Letters\n\nv1", "lead", "first", List.of());
        new GuidelineService().publish(store, "# Letters\n\nv2: curly is c", "lead", "curly", List.of());
        label(store, 1, "ana", "a", "human");
        label(store, 1, "ben", "b", "human");
        label(store, 2, "ana", "c", "human");
        label(store, 2, "ben", "d", "human");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private List<List<String>> goldRows() {
        return SqlRows.of(store, "SELECT i.key, n.name, n.role, a.kind, lc.name, a.origin, a.guideline_version,"
                + " a.supersedes IS NOT NULL FROM annotation a JOIN item i ON i.id = a.item"
                + " JOIN annotator n ON n.id = a.annotator JOIN label_class lc ON lc.id = a.label_class"
                + " WHERE a.origin = 'adjudicated' ORDER BY a.id");
    }

    private String counts() {
        return SqlRows.of(store, "SELECT (SELECT COUNT(*) FROM annotation), (SELECT COUNT(*) FROM annotator),"
                + " (SELECT COUNT(*) FROM guideline_example)").toString();
    }

    @Test
    void theGoldIsAnAppendedAdjudicatedClassAnnotationUnderTheCurrentGuideline() {
        Adjudication.Outcome outcome = adjudication.setGold(store, key(1), "b", "lena");

        assertThat(outcome.written()).isTrue();
        assertThat(outcome.previous()).isNull();
        assertThat(outcome.gold().label()).isEqualTo("b");
        assertThat(outcome.gold().adjudicator()).isEqualTo("lena");
        assertThat(goldRows()).containsExactly(List.of("k01", "lena", "lead", "class", "b", "adjudicated", "2", "0"));

        LabelMatrix matrix = store.read(LabelMatrix::read);
        int unit = unitOf(matrix, 1);
        assertThat(matrix.classes().get(matrix.gold()[unit])).isEqualTo("b");
        assertThat(matrix.annotators()).as("the adjudicator is not an annotator").containsExactly("ana", "ben");
        assertThat(new Disagreements().list(store, DisagreementFilter.unresolved()).size()).isEqualTo(1);
    }

    @Test
    void reAdjudicatingAppendsANewerRowThatWins() {
        adjudication.setGold(store, key(1), "b", "lena");
        Adjudication.Outcome second = adjudication.setGold(store, key(1), "a", "omar", "reviewer",
                Instant.now().minusSeconds(3));

        assertThat(second.written()).isTrue();
        assertThat(second.previous()).isEqualTo("b");
        assertThat(goldRows()).containsExactly(
                List.of("k01", "lena", "lead", "class", "b", "adjudicated", "2", "0"),
                List.of("k01", "omar", "reviewer", "class", "a", "adjudicated", "2", "1"));
        assertThat(SqlRows.of(store, "SELECT duration_ms >= 3000, started IS NOT NULL FROM annotation"
                + " WHERE origin = 'adjudicated' ORDER BY id DESC LIMIT 1")).containsExactly(List.of("1", "1"));
        LabelMatrix matrix = store.read(LabelMatrix::read);
        assertThat(matrix.classes().get(matrix.gold()[unitOf(matrix, 1)])).isEqualTo("a");
        Disagreement k01 = new Disagreements().details(store, List.of(matrix.itemIds()[unitOf(matrix, 1)])).get(0);
        assertThat(k01.adjudicated()).map(DisagreementVerdict::adjudicator).contains("omar");
    }

    @Test
    void theSameGoldAgainWritesNothing() {
        adjudication.setGold(store, key(1), "b", "lena");
        String before = counts();

        Adjudication.Outcome again = adjudication.setGold(store, key(1), "b", "omar");

        assertThat(again.written()).isFalse();
        assertThat(again.gold().adjudicator()).isEqualTo("lena");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void onlyAReviewerOrLeadSetsGoldAndNotOnAnItemTheyLabeled() {
        String before = counts();

        assertThatThrownBy(() -> adjudication.setGold(store, key(1), "a", "dana", "labeler", null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("only a reviewer or lead sets gold labels; dana is a labeler");
        assertThatThrownBy(() -> adjudication.setGold(store, key(1), "a", "ana", "lead", null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("'k01': ana labeled it; another reviewer or lead sets its gold");
        assertThat(counts()).as("refusals change nothing").isEqualTo(before);

        // A lead working alone says so on purpose.
        assertThat(adjudication.allowingOwnItems().setGold(store, key(1), "a", "ana", "lead", null).written())
                .isTrue();
    }

    @Test
    void badInputIsRefusedWithOneLineAndChangesNothing() {
        new LabelSchemaService().retireClass(store, "d");
        String before = counts();

        assertThatThrownBy(() -> adjudication.setGold(store, "nope.png", "a", "newcomer"))
                .isInstanceOf(BadInputException.class).hasMessage("no item with key 'nope.png'");
        assertThatThrownBy(() -> adjudication.setGold(store, key(1), "zebra", "newcomer"))
                .isInstanceOf(BadInputException.class).hasMessage("'k01': no class 'zebra' in the schema");
        assertThatThrownBy(() -> adjudication.setGold(store, key(2), "d", "newcomer"))
                .isInstanceOf(BadInputException.class).hasMessage("'k02': class 'd' is retired");
        assertThatThrownBy(() -> adjudication.setGold(store, key(1), "a", " "))
                .isInstanceOf(BadInputException.class).hasMessage("an annotator name is empty");
        label(store, 3, "model", "a", "auto");
        String withModel = counts();
        assertThatThrownBy(() -> adjudication.setGold(store, key(1), "a", "model"))
                .isInstanceOf(BadInputException.class).hasMessage("'model' is a model source, not a person who adjudicates");
        assertThatThrownBy(() -> adjudication.addExample(store, key(1), "a", "  ", "lena"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has no note");

        assertThat(counts()).isEqualTo(withModel);
        assertThat(before).isNotEqualTo(withModel); // the model's label itself was the only change
        assertThat(goldRows()).isEmpty();
    }

    @Test
    void multiLabelProjectsAreRefusedForNow(@TempDir Path other) {
        try (ProjectStore multi = DisagreementFixture.project(other, 1, true)) {
            assertThatThrownBy(() -> adjudication.setGold(multi, key(1), "a", "lena"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("multi-label");
            assertThat(SqlRows.of(multi, "SELECT COUNT(*) FROM annotation")).containsExactly(List.of("0"));
        }
    }

    @Test
    void aDisagreementBecomesAPendingGuidelineExample() {
        adjudication.setGold(store, key(1), "b", "lena");

        GuidelineExample example = adjudication.addExample(store, key(1), "b", "a tail makes it b", "lena");

        assertThat(example.version()).isNull();
        assertThat(example.itemKey()).isEqualTo("k01");
        assertThat(example.label()).isEqualTo("b");
        assertThat(example.note()).isEqualTo("a tail makes it b");
        assertThat(new GuidelineService().pendingExamples(store)).extracting(GuidelineExample::itemKey)
                .containsExactly("k01");
    }

    private int unitOf(LabelMatrix matrix, int i) {
        long id = store.read(tx -> new org.labelbench.project.ItemRepository().findByKey(tx, key(i)).orElseThrow().id());
        for (int unit = 0; unit < matrix.itemIds().length; unit++) {
            if (matrix.itemIds()[unit] == id) {
                return unit;
            }
        }
        throw new AssertionError("no unit for " + key(i));
    }
}
