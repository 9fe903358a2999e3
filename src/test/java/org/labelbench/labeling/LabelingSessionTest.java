package org.labelbench.labeling;

import java.sql.Connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelbench.labeling.LabelingFixture.key;
import static org.labelbench.labeling.LabelingFixture.rows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Item;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.LabelClass;
import org.labelbench.project.ProjectStore;

class LabelingSessionTest {
    @TempDir
    Path dir;
    ProjectStore store;
    final QueueService queues = new QueueService();

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private Queue queue(String name, QueueStrategy strategy, int overlap) {
        return queues.create(store, new QueueDefinition(name, QueueScope.all(), strategy, overlap, 7, List.of()), "lead");
    }

    private LabelingSession open(String queue, String annotator) {
        return LabelingSession.open(store, queue, annotator, "labeler");
    }

    private static LabelDecision label(LabelingSession session, String name) {
        return LabelDecision.single(session.schema().byName(name).orElseThrow());
    }

    private static String shownKey(LabelingSession session) {
        return session.current().map(t -> t.item().key()).orElse(null);
    }

    @Test
    void labelsInOrderAndCommitsEachLabelBeforeServingTheNext() {
        store = LabelingFixture.project(dir, 4, false);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        LabelingSession ana = open("q", "ana");

        assertThat(shownKey(ana)).isEqualTo(key(0));
        ana.submit(label(ana, "dog"));
        assertThat(shownKey(ana)).isEqualTo(key(1));
        // Read through the store's other connection: the label is committed, not pending.
        assertThat(rows(store, "SELECT i.key, lc.name, a.origin, n.name FROM annotation a JOIN item i ON i.id = a.item"
                + " JOIN label_class lc ON lc.id = a.label_class JOIN annotator n ON n.id = a.annotator"))
                .containsExactly(List.of(key(0), "dog", "human", "ana"));
        ana.submit(label(ana, "cat"));
        ana.submit(label(ana, "bird"));
        ana.submit(label(ana, "cat"));
        assertThat(ana.current()).isEmpty();
        assertThat(ana.finishedByMe()).isEqualTo(4);
        assertThat(rows(store, "SELECT duration_ms IS NOT NULL, started IS NOT NULL FROM annotation"))
                .allMatch(r -> r.equals(List.of("1", "1")));
    }

    @Test
    void backShowsThePreviousLabelAndAChangeIsANewRowThatSupersedesIt() {
        store = LabelingFixture.project(dir, 3, false);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        LabelingSession ana = open("q", "ana");
        ana.submit(label(ana, "dog"));
        ana.submit(label(ana, "cat"));
        assertThat(shownKey(ana)).isEqualTo(key(2));

        QueueTask previous = ana.back().orElseThrow();
        assertThat(previous.item().key()).isEqualTo(key(1));
        assertThat(previous.own().classes()).containsExactly("cat");
        assertThat(ana.back().orElseThrow().item().key()).isEqualTo(key(0));
        assertThat(ana.back().orElseThrow().item().key()).as("the first item stays").isEqualTo(key(0));

        ana.submit(label(ana, "dog")); // the same answer: no new row, just onward
        assertThat(shownKey(ana)).isEqualTo(key(1));
        ana.submit(label(ana, "bird")); // changed: appended, superseding the old row
        assertThat(shownKey(ana)).isEqualTo(key(2));
        assertThat(rows(store, "SELECT i.key, lc.name, a.supersedes IS NOT NULL FROM annotation a JOIN item i"
                + " ON i.id = a.item JOIN label_class lc ON lc.id = a.label_class ORDER BY a.id"))
                .containsExactly(List.of(key(0), "dog", "0"), List.of(key(1), "cat", "0"), List.of(key(1), "bird", "1"));
    }

    @Test
    void skipRecordsTheReasonAndTheItemIsNotServedAgainToThatAnnotator() {
        store = LabelingFixture.project(dir, 2, false);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        LabelingSession ana = open("q", "ana");
        ana.submit(LabelDecision.skip("bad media"));
        assertThat(shownKey(ana)).isEqualTo(key(1));
        ana.submit(label(ana, "cat"));
        assertThat(ana.current()).isEmpty();
        assertThat(rows(store, "SELECT kind, value FROM annotation ORDER BY id").get(0)).containsExactly("skip",
                "bad media");
        assertThat(ana.back().orElseThrow().item().key()).as("back from the end: the last item").isEqualTo(key(1));
        assertThat(ana.back().orElseThrow().own().skipReason()).isEqualTo("bad media");
        // Skipped items still need a label: another annotator gets it.
        LabelingSession ben = open("q", "ben");
        assertThat(shownKey(ben)).isEqualTo(key(0));
    }

    @Test
    void reopeningTheProjectResumesAtTheItemLeftOpenWithEveryLabelThere() {
        store = LabelingFixture.project(dir, 5, false);
        queue("q", QueueStrategy.RANDOM, 1);
        LabelingSession ana = open("q", "ana");
        List<String> labeled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            labeled.add(shownKey(ana));
            ana.submit(label(ana, "dog"));
        }
        String open = shownKey(ana);
        store.close();

        store = ProjectStore.open(dir.resolve("p.lbproj"));
        LabelingSession again = open("q", "ana");
        assertThat(shownKey(again)).isEqualTo(open);
        assertThat(rows(store, "SELECT i.key FROM annotation a JOIN item i ON i.id = a.item ORDER BY a.id"))
                .extracting(r -> r.get(0)).containsExactlyElementsOf(labeled);
    }

    @Test
    void overlapServesEachItemToExactlyThatManyDifferentAnnotators() {
        store = LabelingFixture.project(dir, 6, false);
        queue("q", QueueStrategy.SEQUENTIAL, 2);
        List<LabelingSession> people = List.of(open("q", "ana"), open("q", "ben"), open("q", "chloe"));
        // Interleaved, as people on shifts would: each labels until the queue has nothing for them.
        boolean progress = true;
        while (progress) {
            progress = false;
            for (LabelingSession person : people) {
                if (person.current().isPresent()) {
                    person.submit(label(person, "cat"));
                    progress = true;
                }
            }
        }
        List<List<String>> perItem = rows(store, "SELECT i.key, COUNT(DISTINCT a.annotator), COUNT(*) FROM annotation a"
                + " JOIN item i ON i.id = a.item GROUP BY i.key ORDER BY i.key");
        assertThat(perItem).hasSize(6).allMatch(r -> r.get(1).equals("2") && r.get(2).equals("2"));
        QueueProgress progressNow = queues.progress(store, "q");
        assertThat(progressNow.complete()).isEqualTo(6);
        assertThat(progressNow.labelsDone()).isEqualTo(12);
        assertThat(progressNow.fractionDone()).isEqualTo(1.0);
    }

    @Test
    void randomOrderIsFixedByTheSeedAndCoversEveryItem() {
        store = LabelingFixture.project(dir, 20, false);
        queues.create(store, new QueueDefinition("r1", QueueScope.all(), QueueStrategy.RANDOM, 1, 42, List.of()), "lead");
        queues.create(store, new QueueDefinition("r2", QueueScope.all(), QueueStrategy.RANDOM, 1, 42, List.of()), "lead");
        queues.create(store, new QueueDefinition("r3", QueueScope.all(), QueueStrategy.RANDOM, 1, 43, List.of()), "lead");
        List<String> first = order("r1");
        assertThat(first).containsExactlyInAnyOrderElementsOf(LabelingFixture.keys(20));
        assertThat(first).isNotEqualTo(LabelingFixture.keys(20));
        assertThat(order("r2")).isEqualTo(first);
        assertThat(order("r3")).isNotEqualTo(first);
    }

    private List<String> order(String queue) {
        return rows(store, "SELECT i.key FROM queue_item qi JOIN queue q ON q.id = qi.queue JOIN item i ON i.id = qi.item"
                + " WHERE q.name = ? ORDER BY qi.position", queue).stream().map(r -> r.get(0)).toList();
    }

    @Test
    void needsLabelsServesOnlyItemsShortOfTheOverlapAndNotToWhoeverLabeledThem() {
        store = LabelingFixture.project(dir, 4, false);
        LabelingFixture.importLabels(store, "ana", "cat", "cat", "cat", null);
        LabelingFixture.importLabels(store, "ben", "cat", "dog", null, null);
        queue("more", QueueStrategy.NEEDS_LABELS, 2);

        // item-00 and item-01 have two labels already; item-02 needs one, item-03 two (closest to complete first).
        assertThat(order("more")).containsExactly(key(2), key(3));
        LabelingSession ana = open("more", "ana");
        assertThat(shownKey(ana)).as("ana labeled item-02 already").isEqualTo(key(3));
        LabelingSession ben = open("more", "ben");
        assertThat(shownKey(ben)).isEqualTo(key(2));
        ben.submit(label(ben, "cat"));
        assertThat(shownKey(ben)).as("item-03 is ben's too, now ana holds one of its two places").isEqualTo(key(3));
    }

    @Test
    void disagreementQueueHoldsExactlyTheDisagreeingItemsMostContestedFirstAndRecordsAdjudications() {
        store = LabelingFixture.project(dir, 5, false);
        LabelingFixture.importLabels(store, "ana", "cat", "cat", "cat", "dog", "bird");
        LabelingFixture.importLabels(store, "ben", "cat", "dog", "dog", "dog", null);
        LabelingFixture.importLabels(store, "chloe", "cat", "bird", "cat", "dog", null);
        queue("review", QueueStrategy.DISAGREEMENTS, 1);

        // item-01: three answers (share 1/3); item-02: 2 of 3 agree; item-00, -03 agree; item-04 has one label.
        assertThat(order("review")).containsExactly(key(1), key(2));
        LabelingSession lead = LabelingSession.open(store, "review", "lena", "lead");
        QueueTask task = lead.current().orElseThrow();
        assertThat(task.othersLabels()).extracting(l -> l.annotator() + "=" + l.label())
                .containsExactly("ana=cat", "ben=dog", "chloe=bird");
        lead.submit(label(lead, "dog"));
        assertThat(rows(store, "SELECT origin FROM annotation a JOIN annotator n ON n.id = a.annotator"
                + " WHERE n.name = 'lena'")).containsExactly(List.of("adjudicated"));
    }

    @Test
    void jumpingToAnItemShowsItsLabelOrServesItIfTheQueueStillNeedsIt() {
        store = LabelingFixture.project(dir, 6, false);
        queues.create(store, new QueueDefinition("a-only", QueueScope.filter(ItemQuery.all().withAttribute("group", "a")),
                QueueStrategy.SEQUENTIAL, 1, 0, List.of()), "lead");
        LabelingSession ana = open("a-only", "ana");
        ana.submit(label(ana, "cat"));
        assertThat(shownKey(ana)).isEqualTo(key(2));

        assertThat(ana.jumpTo(key(4)).orElseThrow().item().key()).isEqualTo(key(4));
        ana.submit(label(ana, "dog"));
        assertThat(shownKey(ana)).as("back to the item left open").isEqualTo(key(2));
        assertThat(ana.jumpTo(key(0)).orElseThrow().own().classes()).containsExactly("cat");
        assertThatThrownBy(() -> ana.jumpTo(key(1))).isInstanceOf(BadInputException.class)
                .hasMessage("item 'item-01' is not in queue 'a-only'");
        assertThatThrownBy(() -> ana.jumpTo("nope")).hasMessage("no item with key 'nope'");
        LabelingSession ben = open("a-only", "ben");
        assertThatThrownBy(() -> ben.jumpTo(key(0))).hasMessage("item 'item-00' already has all the labels queue"
                + " 'a-only' asks for");
    }

    @Test
    void aJumpIsADetourAfterWhichTheQueueGoesOnWhereItWasAndPassesNothingOver() {
        store = LabelingFixture.project(dir, 8, false);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        LabelingSession ana = open("q", "ana");
        ana.submit(label(ana, "cat"));
        ana.submit(label(ana, "cat"));
        assertThat(shownKey(ana)).isEqualTo(key(2));

        assertThat(ana.jumpTo(key(5)).orElseThrow().item().key()).isEqualTo(key(5));
        ana.submit(label(ana, "dog"));
        assertThat(shownKey(ana)).as("back where the jump started").isEqualTo(key(2));
        ana.submit(label(ana, "cat"));
        assertThat(shownKey(ana)).as("the queue goes on after item 2, not after the jump target").isEqualTo(key(3));

        store.close(); // read again from the rows, the place in the queue is the same
        store = ProjectStore.open(dir.resolve("p.lbproj"));
        LabelingSession again = open("q", "ana");
        assertThat(shownKey(again)).isEqualTo(key(3));
        List<String> served = new ArrayList<>();
        while (again.current().isPresent()) {
            served.add(shownKey(again));
            again.submit(label(again, "bird"));
        }
        assertThat(served).as("nothing passed over, the jump target not served twice")
                .containsExactly(key(3), key(4), key(6), key(7));
        assertThat(again.finishedByMe()).isEqualTo(8);
    }

    @Test
    void aJumpCompletesAKeyThatOnlyOneItemOfTheQueueStartsWith() {
        store = LabelingFixture.project(dir, 12, false);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        LabelingSession ana = open("q", "ana");
        String stem = key(10).substring(0, key(10).length() - 1);
        assertThat(ana.completeKey(stem, 5)).containsExactly(key(10), key(11));
        assertThatThrownBy(() -> ana.jumpTo(stem)).isInstanceOf(BadInputException.class)
                .hasMessage("no item with key '" + stem + "'; in queue 'q' it starts " + key(10) + ", " + key(11));
        assertThat(shownKey(ana)).isEqualTo(key(0));

        queues.create(store, new QueueDefinition("listed", QueueScope.keys(List.of(key(0), key(11), key(2))),
                QueueStrategy.SEQUENTIAL, 1, 0, List.of()), "lead");
        LabelingSession ben = open("listed", "ben");
        assertThat(ben.completeKey(stem, 5)).as("only the queue's own items").containsExactly(key(11));
        assertThat(ben.jumpTo(stem).orElseThrow().item().key()).isEqualTo(key(11));
    }

    @Test
    void skipsDoNotCountAsLabelsDoneByTheAnnotator() {
        store = LabelingFixture.project(dir, 3, false);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        LabelingSession ana = open("q", "ana");
        ana.submit(label(ana, "cat"));
        ana.submit(LabelDecision.skip("can't tell"));
        assertThat(ana.finishedByMe()).isEqualTo(1);
        AnnotatorProgress mine = queues.progress(store, "q").annotators().get(0);
        assertThat(mine.done()).isEqualTo(1);
        assertThat(mine.skipped()).isEqualTo(1);
    }

    @Test
    void aListOfOneKeyIsDescribedInTheSingular() {
        assertThat(QueueScope.keys(List.of("a.png")).describe()).isEqualTo("1 listed item");
        assertThat(QueueScope.keys(List.of("a.png", "b.png")).describe()).isEqualTo("2 listed items");
    }

    @Test
    void multiLabelStoresTheSetAndShowsItBack() {
        store = LabelingFixture.project(dir, 2, true);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        LabelingSession ana = open("q", "ana");
        List<LabelClass> both = List.of(ana.schema().byName("bird").orElseThrow(), ana.schema().byName("cat").orElseThrow());
        ana.submit(LabelDecision.multi(both).withUnsure(true).withNote("partly hidden"));
        ana.submit(LabelDecision.multi(List.of())); // none apply
        QueueTask second = ana.back().orElseThrow();
        assertThat(second.own().kind()).isEqualTo("multi");
        assertThat(second.own().classes()).isEmpty();
        QueueTask first = ana.back().orElseThrow();
        assertThat(first.own().classes()).containsExactly("cat", "bird"); // schema order
        assertThat(first.own().unsure()).isTrue();
        assertThat(first.own().note()).isEqualTo("partly hidden");
        assertThat(rows(store, "SELECT COUNT(*) FROM annotation_label")).containsExactly(List.of("2"));
    }

    @Test
    void refusesDecisionsTheSchemaDoesNotAllow() {
        store = LabelingFixture.project(dir, 2, false);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        new LabelSchemaService().retireClass(store, "bird");
        LabelingSession ana = open("q", "ana");
        LabelClass bird = ana.schema().byName("bird").orElseThrow();
        assertThatThrownBy(() -> ana.submit(LabelDecision.single(bird))).hasMessage("class 'bird' is retired");
        assertThatThrownBy(() -> ana.submit(LabelDecision.multi(List.of(ana.schema().byName("cat").orElseThrow(),
                ana.schema().byName("dog").orElseThrow())))).hasMessage("a single-label project takes exactly one"
                + " class, not 2");
        assertThat(rows(store, "SELECT COUNT(*) FROM annotation")).containsExactly(List.of("0"));
    }

    @Test
    void labelsRecordTheGuidelineVersionInForceWhenTheyWereMade() {
        store = LabelingFixture.project(dir, 3, false);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        LabelingSession ana = open("q", "ana");
        ana.submit(label(ana, "cat"));
        GuidelineService guidelines = new GuidelineService();
        guidelines.publish(store, "# v1", "lena", null, null);
        ana.submit(label(ana, "cat"));
        guidelines.publish(store, "# v2", "lena", "clearer", null);
        ana.submit(label(ana, "cat"));
        assertThat(rows(store, "SELECT guideline_version FROM annotation ORDER BY id")).extracting(r -> r.get(0))
                .containsExactly(null, "1", "2");
    }

    @Test
    void aPendingExampleCanBeDroppedButAPublishedOneCannot() {
        store = LabelingFixture.project(dir, 3, false);
        GuidelineService guidelines = new GuidelineService();
        GuidelineExample kept = guidelines.addPendingExample(store, new GuidelineService.ExampleSpec(key(0), "cat",
                "a cat"), "lena");
        GuidelineExample dropped = guidelines.addPendingExample(store, new GuidelineService.ExampleSpec(key(1), "dog",
                "a mistake"), "lena");
        guidelines.removePendingExample(store, dropped.id());
        Guideline v1 = guidelines.publish(store, "# v1", "lena", null, null);
        assertThat(v1.examples()).extracting(GuidelineExample::itemKey).containsExactly(key(0));
        assertThatThrownBy(() -> guidelines.removePendingExample(store, kept.id()))
                .hasMessage("example " + kept.id() + " is not waiting for the next version");
    }

    @Test
    void onlyTheNamedAnnotatorsMayWorkAQueue() {
        store = LabelingFixture.project(dir, 3, false);
        queues.create(store, new QueueDefinition("pair", QueueScope.all(), QueueStrategy.SEQUENTIAL, 2, 0,
                List.of("ana", "ben")), "lead");
        assertThat(open("pair", "ana").current()).isPresent();
        assertThatThrownBy(() -> open("pair", "chloe")).isInstanceOf(BadInputException.class)
                .hasMessage("'chloe' may not work queue 'pair' (it is for ana, ben)");
        assertThatThrownBy(() -> queues.create(store, new QueueDefinition("trio", QueueScope.all(),
                QueueStrategy.SEQUENTIAL, 3, 0, List.of("ana", "ben")), "lead"))
                .hasMessage("overlap 3 needs at least 3 annotators, but only 2 may work the queue");
    }

    @Test
    void upcomingNamesTheItemsThatAreServedNext() {
        store = LabelingFixture.project(dir, 6, false);
        queue("q", QueueStrategy.RANDOM, 1);
        LabelingSession ana = open("q", "ana");
        List<String> predicted = ana.upcoming(3).stream().map(Item::key).toList();
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ana.submit(label(ana, "cat"));
            served.add(shownKey(ana));
        }
        assertThat(served).isEqualTo(predicted);
        ana.back();
        ana.back();
        // After going back, the items ahead in the labeler's own history come first.
        assertThat(ana.upcoming(2).stream().map(Item::key).toList()).containsExactly(served.get(1), served.get(2));
    }

    @Test
    void progressReportsPaceFromTimeOnItems() {
        store = LabelingFixture.project(dir, 4, false);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        LabelingSession ana = open("q", "ana");
        ana.submit(label(ana, "cat"));
        ana.submit(label(ana, "cat"));
        ana.submit(LabelDecision.skip("can't tell"));
        // Give the labels known durations: 2 s and 4 s.
        store.write(tx -> {
            Connection c = tx.connection();
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE annotation SET duration_ms = CASE id WHEN 1 THEN 2000 ELSE 4000 END");
            }
            return null;
        });
        QueueProgress progress = queues.progress(store, "q");
        assertThat(progress.items()).isEqualTo(4);
        assertThat(progress.labelsWanted()).isEqualTo(4);
        assertThat(progress.labelsDone()).isEqualTo(2);
        assertThat(progress.skipped()).isEqualTo(1);
        assertThat(progress.complete()).isEqualTo(2);
        AnnotatorProgress mine = progress.annotators().get(0);
        assertThat(mine.annotator()).isEqualTo("ana");
        assertThat(mine.medianSecondsPerItem()).isEqualTo(3.0);
        assertThat(mine.labelsPerHour()).isEqualTo(2 * 3600.0 / 6.0);
    }

    @Test
    void queueCreationRefusesWhatWouldCoverNothing() {
        store = LabelingFixture.project(dir, 2, false);
        queue("q", QueueStrategy.SEQUENTIAL, 1);
        assertThatThrownBy(() -> queue("q", QueueStrategy.SEQUENTIAL, 1))
                .hasMessage("a queue named 'q' already exists");
        assertThatThrownBy(() -> queues.create(store, new QueueDefinition("none",
                QueueScope.filter(ItemQuery.all().withAttribute("group", "zzz")), QueueStrategy.SEQUENTIAL, 1, 0,
                List.of()), "lead")).hasMessage("queue 'none' would cover no items: attr.group=zzz matches nothing");
        assertThatThrownBy(() -> queue("review", QueueStrategy.DISAGREEMENTS, 1))
                .hasMessage("queue 'review' would cover no items: no item in all items has disagreeing labels");
        assertThatThrownBy(() -> queues.create(store, new QueueDefinition("list", QueueScope.keys(List.of(key(0),
                "ghost", "ghost2")), QueueStrategy.SEQUENTIAL, 1, 0, List.of()), "lead"))
                .hasMessage("no item with key 'ghost' (and 1 more unknown keys)");
        assertThat(queues.list(store)).extracting(Queue::name).containsExactly("q");
    }

    @Test
    void aPriorityHookOrdersTheQueueHighestScoreFirst() {
        store = LabelingFixture.project(dir, 5, false);
        // As a model would: a score per item (here, the uncertainty a test makes up), unscored items last.
        ItemPriority uncertainty = (tx, ids) -> java.util.Map.of(ids.get(3), 0.9, ids.get(1), 0.5, ids.get(4), 0.7);
        queues.create(store, new QueueDefinition("uncertain", QueueScope.all(), QueueStrategy.SEQUENTIAL, 1, 0,
                List.of()), "lead", uncertainty);
        assertThat(order("uncertain")).containsExactly(key(3), key(4), key(1), key(0), key(2));
    }

    @Test
    void listedKeysKeepTheirOrder() {
        store = LabelingFixture.project(dir, 5, false);
        queues.create(store, new QueueDefinition("list", QueueScope.keys(List.of(key(3), key(1), key(4))),
                QueueStrategy.SEQUENTIAL, 1, 0, List.of()), "lead");
        LabelingSession ana = open("list", "ana");
        Map<Integer, String> served = new HashMap<>();
        int n = 0;
        for (Optional<QueueTask> t = ana.current(); t.isPresent(); t = ana.submit(label(ana, "cat"))) {
            served.put(n++, t.get().item().key());
        }
        assertThat(served.values()).containsExactly(key(3), key(1), key(4));
    }
}
