package org.labelbench.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/**
 * The session side of pre-labeling: which items carry a suggestion, what accepting stores, and
 * what is refused (accepting where there is nothing to accept, a retired class, a multi-label
 * project).
 */
class SuggestionSessionTest {
    @TempDir
    Path dir;
    ProjectStore store;
    final QueueService queues = new QueueService();

    @BeforeEach
    void setUp() {
        store = LabelingFixture.project(dir, 3, false);
        store.write(tx -> {
            PredictionRepository runs = new PredictionRepository();
            long run = runs.createRun(tx, "m1", "import", null, null, null, null, Instant.now().toString(), null);
            List<LabelClass> classes = new LabelClassRepository().list(tx);
            ItemRepository items = new ItemRepository();
            runs.insert(tx, run, List.of(
                    new PredictionRepository.NewPrediction(items.findByKey(tx, LabelingFixture.key(0)).orElseThrow()
                            .id(), classes.get(1).id(), null, null),
                    new PredictionRepository.NewPrediction(items.findByKey(tx, LabelingFixture.key(1)).orElseThrow()
                            .id(), classes.get(2).id(), 0.5, null)));
            return null;
        });
        queues.create(store, new QueueDefinition("q", QueueScope.all(), QueueStrategy.SEQUENTIAL, 1, 0, List.of(), "m1"),
                "lead");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void acceptingStoresTheSuggestedClassWithItsRunAndNothingIsAcceptedWhereThereIsNone() {
        try (LabelingSession session = LabelingSession.open(store, "q", "ana", "labeler")) {
            Suggestion first = session.current().orElseThrow().suggestion();
            assertThat(first.text()).isEqualTo("Model suggests dog"); // the run stored no confidence
            session.submit(LabelDecision.accept(first).withUnsure(true));
            Suggestion second = session.current().orElseThrow().suggestion();
            assertThat(second.text()).isEqualTo("Model suggests bird · 50 %");
            // A decision that claims to accept another class than the one shown is refused.
            assertThatThrownBy(() -> session.submit(LabelDecision.accept(first)))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("no such suggestion to accept");
            session.submit(LabelDecision.skip("can't tell"));
            assertThat(session.current().orElseThrow().suggestion()).isNull();
            assertThatThrownBy(() -> session.submit(LabelDecision.accept(second)))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("item 'item-02' has no such suggestion to accept (run m1 did not predict it)");
        }
        assertThat(SqlRows.of(store, "SELECT i.key, a.kind, lc.name, a.origin, r.name, a.unsure FROM annotation a"
                + " JOIN item i ON i.id = a.item LEFT JOIN label_class lc ON lc.id = a.label_class"
                + " LEFT JOIN prediction_run r ON r.id = a.prediction_run ORDER BY a.id")).containsExactly(
                List.of("item-00", "class", "dog", "accepted-suggestion", "m1", "1"),
                java.util.Arrays.asList("item-01", "skip", null, "human", "m1", "0"));
    }

    @Test
    void theRunShownTravelsInLabelFilesByName() throws Exception {
        try (LabelingSession session = LabelingSession.open(store, "q", "ana", "labeler")) {
            session.submit(LabelDecision.accept(session.current().orElseThrow().suggestion()));
            session.submit(LabelDecision.single(session.schema().classes().get(0))); // human, m1 shown
            session.submit(LabelDecision.single(session.schema().classes().get(0))); // no suggestion shown
        }
        Path exported = dir.resolve("labels.csv");
        LabelFileService files = new LabelFileService();
        files.exportFile(store, exported);
        assertThat(java.nio.file.Files.readAllLines(exported)).hasSize(4).allSatisfy(line -> assertThat(line)
                .endsWith(line.startsWith("item-02") ? "," : line.startsWith("item,") ? ",prediction_run" : ",m1"));

        try (ProjectStore without = LabelingFixture.project(java.nio.file.Files.createDirectories(dir.resolve("b")), 3,
                false)) {
            assertThatThrownBy(() -> files.importFile(without, exported)).isInstanceOf(BadInputException.class)
                    .hasMessage(exported + ": row 2: unknown prediction run 'm1' (and 1 more problems); nothing imported");
            assertThat(SqlRows.of(without, "SELECT COUNT(*) FROM annotation")).containsExactly(List.of("0"));
        }
        try (ProjectStore copy = LabelingFixture.project(java.nio.file.Files.createDirectories(dir.resolve("c")), 3,
                false)) {
            copy.write(tx -> new PredictionRepository().createRun(tx, "m1", "import", null, null, null, null,
                    Instant.now().toString(), null));
            assertThat(files.importFile(copy, exported).added()).isEqualTo(3);
            String stored = "SELECT i.key, a.origin, r.name FROM annotation a JOIN item i ON i.id = a.item"
                    + " LEFT JOIN prediction_run r ON r.id = a.prediction_run ORDER BY i.key";
            assertThat(SqlRows.of(copy, stored)).isEqualTo(SqlRows.of(store, stored));
            assertThat(files.importFile(copy, exported).unchanged()).isEqualTo(3);
        }
    }

    @Test
    void aRetiredClassIsNotSuggested() {
        new LabelSchemaService().retireClass(store, "dog");
        try (LabelingSession session = LabelingSession.open(store, "q", "ana", "labeler")) {
            assertThat(session.current().orElseThrow().suggestion()).isNull();
        }
    }

    @Test
    void aMultiLabelProjectIsRefusedASuggestionsQueue() throws Exception {
        try (ProjectStore multi = LabelingFixture.project(java.nio.file.Files.createDirectories(dir.resolve("multi")), 2,
                true)) {
            multi.write(tx -> new PredictionRepository().createRun(tx, "m1", "import", null, null, null, null,
                    Instant.now().toString(), null));
            assertThatThrownBy(() -> queues.create(multi, new QueueDefinition("q", QueueScope.all(),
                    QueueStrategy.SEQUENTIAL, 1, 0, List.of(), "m1"), "lead"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("multi-label project");
            assertThat(queues.list(multi)).isEmpty();
        }
    }
}
