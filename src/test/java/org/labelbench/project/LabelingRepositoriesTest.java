package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.AssignmentRepository.Assignment;
import org.labelbench.project.AssignmentRepository.Candidate;
import org.labelbench.project.LatestAnswerRepository.LatestAnswer;
import org.labelbench.project.OpinionRepository.CurrentAnswer;
import org.labelbench.project.QueueRepository.NewQueue;
import org.labelbench.project.QueueRepository.QueueEntry;

/** The statements moved out of labeling whose answers no labeling test pins down on their own. */
class LabelingRepositoriesTest {
    @TempDir
    Path dir;
    ProjectStore store;
    long[] items = new long[4];
    long a;
    long b;
    long c;
    long ann;
    long ben;
    long lead;

    @BeforeEach
    void setUp() {
        store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("p", List.of("a", "b", "c"), true));
        store.write(tx -> {
            long batch = new ImportBatchRepository().start(tx, "x", "images", Instant.now().toString(), "{}");
            try (ItemRepository.Inserter inserter = new ItemRepository().inserter(tx)) {
                for (int i = 0; i < items.length; i++) {
                    items[i] = inserter.insert(new NewItem("k" + i, "image", "png", "m/k" + i, "%064d".formatted(i), 1,
                            1, 1, null, null, null, null, batch, Map.of()));
                }
            }
            List<LabelClass> classes = new LabelClassRepository().list(tx);
            a = classes.get(0).id();
            b = classes.get(1).id();
            c = classes.get(2).id();
            AnnotatorRepository annotators = new AnnotatorRepository();
            ann = annotators.findOrCreate(tx, "ann", "labeler").id();
            ben = annotators.findOrCreate(tx, "ben", "labeler").id();
            lead = annotators.findOrCreate(tx, "lead", "lead").id();
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void append(long item, long annotator, String kind, Long labelClass, String value, String origin,
            List<Long> set) {
        store.write(tx -> new AnnotationRepository().appendOne(tx, new NewAnnotation(item, annotator, kind, labelClass,
                value, null, origin, null, Instant.now(), null, false, null, null, set, null)));
    }

    @Test
    void currentAnswersAreTheNewestOpinionsThatLabelWithSetsInIdOrder() {
        append(items[0], ann, "class", a, null, "human", List.of());
        append(items[0], ben, "class", b, null, "import", List.of());
        append(items[1], ann, "class", a, null, "human", List.of());
        append(items[1], ann, "skip", null, "blurry", "human", List.of()); // a later skip replaces the label
        append(items[1], lead, "class", b, null, Opinions.ADJUDICATED, List.of()); // gold is no opinion
        append(items[2], ann, "multi", null, null, "human", List.of(c, a));
        append(items[2], ben, "multi", null, null, "accepted-suggestion", List.of()); // an empty set answers too
        append(items[3], ann, "class", a, null, "human", List.of());

        Map<Long, List<CurrentAnswer>> answers = store.read(tx -> new OpinionRepository().currentAnswers(tx,
                Set.of(items[0], items[1], items[2])));

        assertThat(answers).containsOnlyKeys(items[0], items[2]);
        assertThat(answers.get(items[0])).extracting(CurrentAnswer::labelClass).containsExactlyInAnyOrder(a, b);
        assertThat(answers.get(items[2])).extracting(CurrentAnswer::classSet)
                .containsExactlyInAnyOrder(List.of(Math.min(a, c), Math.max(a, c)), List.of());
        assertThat(answers.get(items[2])).allMatch(CurrentAnswer::isSet);
    }

    @Test
    void theLatestAnswerIsTheNewestAnnotationOfAnyKindWithItsClassesInSchemaOrder() {
        append(items[1], ann, "class", a, null, "human", List.of());
        append(items[1], ann, "skip", null, "blurry", "human", List.of());
        append(items[2], ann, "multi", null, null, "human", List.of(c, a));

        try (StatementCache cache = new StatementCache()) {
            LatestAnswerRepository latest = new LatestAnswerRepository(cache);
            LatestAnswer skip = store.read(tx -> latest.latest(tx, items[1], ann)).orElseThrow();
            LatestAnswer set = store.read(tx -> latest.latest(tx, items[2], ann)).orElseThrow();

            assertThat(skip.kind()).isEqualTo("skip");
            assertThat(skip.value()).isEqualTo("blurry");
            assertThat(skip.classes()).isEmpty();
            assertThat(set.classes()).containsExactly("a", "c");
            assertThat(store.<Optional<LatestAnswer>>read(tx -> latest.latest(tx, items[0], ann))).isEmpty();
        }
    }

    @Test
    void candidatesLeaveOutItemsServedToTheAnnotatorFullOnesAndWithTheOptionItemsTheyAnswered() {
        append(items[1], ann, "class", a, null, "import", List.of());
        try (StatementCache cache = new StatementCache()) {
            AssignmentRepository assignments = new AssignmentRepository(cache);
            long queue = store.write(tx -> {
                QueueRepository queues = new QueueRepository();
                long id = queues.insert(tx, new NewQueue("q", "sequential", 1, 1, "all items", List.of(), Instant.now(),
                        "lead"));
                List<QueueEntry> entries = new ArrayList<>();
                for (long item : items) {
                    entries.add(new QueueEntry(item, 1));
                }
                queues.addItems(tx, id, 0, entries);
                assignments.open(tx, id, ben, items[0], 0, 1, Instant.now()); // k0 is full (need 1)
                assignments.open(tx, id, ann, items[2], 2, 1, Instant.now()); // k2 is ann's
                return id;
            });

            List<Candidate> anyone = store.read(tx -> assignments.candidates(tx, queue, ann, -1, false, 10));
            List<Candidate> unanswered = store.read(tx -> assignments.candidates(tx, queue, ann, -1, true, 10));

            assertThat(anyone).containsExactly(new Candidate(items[1], 1), new Candidate(items[3], 3));
            assertThat(unanswered).containsExactly(new Candidate(items[3], 3));
            assertThat(store.<Boolean>read(tx -> assignments.isCandidate(tx, queue, ann, items[1], true))).isFalse();
            assertThat(store.<Boolean>read(tx -> assignments.isCandidate(tx, queue, ann, items[1], false))).isTrue();
            assertThat(store.<Optional<Assignment>>read(tx -> assignments.firstOpenExcept(tx, queue, ann, 0)))
                    .contains(new Assignment(items[2], 1, "open"));
            assertThat(store.<Optional<Long>>read(tx -> assignments.highestPosition(tx, queue, ann))).contains(2L);
            assertThat(store.<Optional<Long>>read(tx -> assignments.highestSeq(tx, queue, lead))).isEmpty();
        }
    }

    @Test
    void aPendingExampleIsDeletedOnceAndLabelsWithClassesAreSeen() {
        GuidelineRepository guidelines = new GuidelineRepository();
        long example = store.write(tx -> guidelines.insertExample(tx, null, items[0], b, "why", Instant.now(), "lead"));
        assertThat(store.read(guidelines::pendingExamples)).extracting(GuidelineRepository.StoredExample::label)
                .containsExactly("b");
        assertThat(store.<Boolean>write(tx -> guidelines.deletePending(tx, example))).isTrue();
        assertThat(store.<Boolean>write(tx -> guidelines.deletePending(tx, example))).isFalse();

        LabelClassRepository classes = new LabelClassRepository();
        append(items[0], ann, "skip", null, "blurry", "human", List.of());
        assertThat(store.<Boolean>read(classes::anyAnswerWithClasses)).as("a skip names no class").isFalse();
        append(items[0], ann, "multi", null, null, "human", List.of());
        assertThat(store.<Boolean>read(classes::anyAnswerWithClasses)).isTrue();
    }
}
