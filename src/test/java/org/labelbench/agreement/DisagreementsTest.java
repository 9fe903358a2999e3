package org.labelbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelbench.agreement.DisagreementFixture.key;
import static org.labelbench.agreement.DisagreementFixture.label;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;

/** The contested items of a hand-built project, in the order a reviewer wants them. */
class DisagreementsTest {
    @TempDir
    Path dir;
    ProjectStore store;
    final Disagreements disagreements = new Disagreements();

    @BeforeEach
    void setUp() {
        store = DisagreementFixture.project(dir, 12, false);
        // k01: two annotators differ (contest 1/2, 2 raters, 2 classes)
        label(store, 1, "ana", "a", "human");
        label(store, 1, "ben", "b", "human");
        // k02: three annotators, three classes (contest 2/3): the most contested
        DisagreementFixture.append(store, 2, "ana", "class", "a", "human", true, "hard to tell", 4200L, 1);
        label(store, 2, "ben", "b", "import");
        label(store, 2, "cy", "c", "human");
        // k03: two against one (contest 1/3)
        label(store, 3, "ana", "a", "human");
        label(store, 3, "ben", "a", "human");
        label(store, 3, "cy", "b", "human");
        // k04: four annotators split 2:2 over two classes (contest 1/2, more raters than k01)
        label(store, 4, "ana", "a", "human");
        label(store, 4, "ben", "b", "human");
        label(store, 4, "cy", "a", "human");
        label(store, 4, "dan", "b", "human");
        // k05 agrees, k06 has one label: not contested
        label(store, 5, "ana", "a", "human");
        label(store, 5, "ben", "a", "human");
        label(store, 6, "ana", "a", "human");
        // k07: like k01 (contest 1/2, 2 raters, 2 classes), after it by key
        label(store, 7, "ana", "c", "human");
        label(store, 7, "ben", "d", "human");
        // k08: four annotators over three classes 1:1:2 (contest 1/2, 4 raters, more classes than k04)
        label(store, 8, "ana", "a", "human");
        label(store, 8, "ben", "b", "human");
        label(store, 8, "cy", "c", "human");
        label(store, 8, "dan", "c", "human");
        // k09: ana changed her mind to agree with ben: her newest label counts
        label(store, 9, "ana", "a", "human");
        label(store, 9, "ben", "b", "human");
        label(store, 9, "ana", "b", "human");
        // k10: ben's newest answer is a skip, so he has no current class on it
        label(store, 10, "ana", "a", "human");
        label(store, 10, "ben", "b", "human");
        DisagreementFixture.append(store, 10, "ben", "skip", null, "human", false, null, null, null);
        // k11: a model's label is not an opinion; k12: nor is an adjudication
        label(store, 11, "ana", "a", "human");
        label(store, 11, "ben", "a", "human");
        label(store, 11, "model", "b", "auto");
        label(store, 12, "ana", "a", "human");
        label(store, 12, "lena", "b", "adjudicated");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private List<String> keys(DisagreementList list) {
        return disagreements.details(store, list.itemIds(0, list.size())).stream().map(Disagreement::key).toList();
    }

    @Test
    void anAcceptedSuggestionCountsTowardsAContestOnlyWhenAsked() {
        // k09: ana says a; ben accepted a model's b. Human-only, k09 has one opinion: not contested.
        label(store, 9, "ana", "a", "human");
        label(store, 9, "ben", "b", "accepted-suggestion");
        DisagreementList human = disagreements.list(store, DisagreementFilter.unresolved());
        assertThat(keys(human)).doesNotContain("k09");
        DisagreementList with = disagreements.list(store, DisagreementFilter.unresolved()
                .withSuggestions(org.labelbench.project.Opinions.Suggestions.INCLUDED));
        assertThat(keys(with)).contains("k09");
        assertThat(with.contested()).isEqualTo(human.contested() + 1);
        Disagreement k09 = disagreements.details(store, java.util.List.of(with.itemIds(0, with.size()).get(
                keys(with).indexOf("k09")))).get(0);
        assertThat(k09.opinions()).extracting(DisagreementOpinion::origin)
                .containsExactly("human", "accepted-suggestion");
        // The class filters keep the choice.
        assertThat(keys(disagreements.list(store, DisagreementFilter.unresolved().withSuggestions(
                org.labelbench.project.Opinions.Suggestions.INCLUDED).withClasses("a", "b")))).contains("k09");
    }

    @Test
    void mostContestedFirstThenMoreAnnotatorsThenMoreClassesThenKey() {
        DisagreementList list = disagreements.list(store, DisagreementFilter.unresolved());

        assertThat(keys(list)).containsExactly(key(2), key(8), key(4), key(1), key(7), key(3));
        assertThat(list.contested()).isEqualTo(6);
        assertThat(list.resolved()).isZero();
        List<Disagreement> details = disagreements.details(store, list.itemIds(0, list.size()));
        assertThat(details).extracting(Disagreement::contest).containsExactly(2.0 / 3, 0.5, 0.5, 0.5, 0.5, 1.0 / 3);
    }

    @Test
    void detailsCarryEachAnnotatorsLabelNoteUnsureTimeAndGuideline() {
        Disagreement k02 = disagreements.details(store, List.of(idOf(2))).get(0);

        assertThat(k02.key()).isEqualTo("k02");
        assertThat(k02.item().path()).isEqualTo("media/k02.png");
        assertThat(k02.item().media()).isEqualTo("image");
        assertThat(k02.attributes()).containsEntry("ink", "low");
        assertThat(k02.labelsByAnnotator()).containsExactly(java.util.Map.entry("ana", "a"),
                java.util.Map.entry("ben", "b"), java.util.Map.entry("cy", "c"));
        DisagreementOpinion ana = k02.opinions().get(0);
        assertThat(ana.unsure()).isTrue();
        assertThat(ana.note()).isEqualTo("hard to tell");
        assertThat(ana.durationMs()).isEqualTo(4200L);
        assertThat(ana.guidelineVersion()).isEqualTo(1);
        assertThat(ana.submitted()).isNotNull();
        assertThat(ana.origin()).isEqualTo("human");
        DisagreementOpinion ben = k02.opinions().get(1);
        assertThat(ben.unsure()).isFalse();
        assertThat(ben.note()).isNull();
        assertThat(ben.durationMs()).isNull();
        assertThat(ben.guidelineVersion()).isNull();
        assertThat(ben.origin()).isEqualTo("import");
        assertThat(k02.distinctLabels()).isEqualTo(3);
        assertThat(k02.isResolved()).isFalse();

        // k09: ana's newest label is the one shown; k12's adjudication is its gold, not an opinion
        Disagreement k09 = disagreements.details(store, List.of(idOf(9))).get(0);
        assertThat(k09.labelsByAnnotator()).containsExactly(java.util.Map.entry("ana", "b"),
                java.util.Map.entry("ben", "b"));
        assertThat(k09.contest()).isZero();
        Disagreement k12 = disagreements.details(store, List.of(idOf(12))).get(0);
        assertThat(k12.labelsByAnnotator()).containsOnlyKeys("ana");
        assertThat(k12.adjudicated()).map(DisagreementVerdict::label).contains("b");
        assertThat(k12.adjudicated()).map(DisagreementVerdict::adjudicator).contains("lena");
    }

    @Test
    void pagesOfDetailsFollowTheListOrder() {
        DisagreementList list = disagreements.list(store, DisagreementFilter.unresolved());

        assertThat(disagreements.details(store, list.itemIds(0, 2))).extracting(Disagreement::key)
                .containsExactly(key(2), key(8));
        assertThat(disagreements.details(store, list.itemIds(2, 2))).extracting(Disagreement::key)
                .containsExactly(key(4), key(1));
        assertThat(disagreements.details(store, list.itemIds(4, 2))).extracting(Disagreement::key)
                .containsExactly(key(7), key(3));
        assertThat(list.itemIds(6, 2)).isEmpty();
        assertThat(list.itemIds(5, 100)).hasSize(1);
    }

    @Test
    void resolvedItemsAreLeftOutUnlessAskedForAndStillCounted() {
        new Adjudication().setGold(store, key(8), "c", "lena");
        label(store, 4, "lena", "a", "adjudicated");

        DisagreementList unresolved = disagreements.list(store, DisagreementFilter.unresolved());
        assertThat(keys(unresolved)).containsExactly(key(2), key(1), key(7), key(3));
        assertThat(unresolved.contested()).isEqualTo(6);
        assertThat(unresolved.resolved()).isEqualTo(2);

        DisagreementList all = disagreements.list(store, DisagreementFilter.all());
        assertThat(keys(all)).containsExactly(key(2), key(8), key(4), key(1), key(7), key(3));
        assertThat(all.resolved()).isEqualTo(2);
        Disagreement k08 = disagreements.details(store, all.itemIds(1, 1)).get(0);
        assertThat(k08.adjudicated()).map(DisagreementVerdict::label).contains("c");
        assertThat(k08.contest()).as("the gold does not change the contest").isEqualTo(0.5);
    }

    @Test
    void oneClassInvolved() {
        DisagreementList withC = disagreements.list(store, DisagreementFilter.unresolved().withClass("c"));
        assertThat(keys(withC)).containsExactly(key(2), key(8), key(7));
        assertThat(withC.contested()).isEqualTo(3);

        DisagreementList withD = disagreements.list(store, DisagreementFilter.all().withClass("d"));
        assertThat(keys(withD)).containsExactly(key(7));

        assertThatThrownBy(() -> disagreements.list(store, DisagreementFilter.all().withClass("zebra")))
                .isInstanceOf(BadInputException.class).hasMessage("no class 'zebra' in the schema");
    }

    @Test
    void twoClassesBothGiven() {
        DisagreementList aAndC = disagreements.list(store, DisagreementFilter.unresolved().withClasses("a", "c"));
        assertThat(keys(aAndC)).containsExactly(key(2), key(8));
        assertThat(aAndC.contested()).isEqualTo(2);

        assertThat(keys(disagreements.list(store, DisagreementFilter.all().withClasses("d", "c"))))
                .containsExactly(key(7));
        assertThat(keys(disagreements.list(store, DisagreementFilter.all().withClasses("a", "d")))).isEmpty();
        assertThatThrownBy(() -> disagreements.list(store, DisagreementFilter.all().withClasses("a", "zebra")))
                .isInstanceOf(BadInputException.class).hasMessage("no class 'zebra' in the schema");
    }

    @Test
    void multiLabelProjectsAreRefusedForNow(@TempDir Path other) {
        try (ProjectStore multi = DisagreementFixture.project(other, 2, true)) {
            assertThatThrownBy(() -> disagreements.list(multi, DisagreementFilter.unresolved()))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("multi-label");
        }
    }

    private long idOf(int i) {
        return store.read(tx -> new org.labelbench.project.ItemRepository().findByKey(tx, key(i)).orElseThrow().id());
    }
}
