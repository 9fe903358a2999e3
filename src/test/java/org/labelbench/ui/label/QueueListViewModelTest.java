package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.jobs.Job;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.TagRepository;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.jobs.ExecutorJobRunner;
import org.labelbench.ui.jobs.JobListener;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.RunningJob;

/** Creating a queue from the queue list runs as a job: its progress, its outcome, and a cancel that leaves nothing. */
class QueueListViewModelTest {
    @TempDir
    Path dir;
    ProjectStore store;
    private final HeldJobRunner jobs = new HeldJobRunner();
    private final List<Double> progress = new ArrayList<>();

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private QueueListViewModel list() {
        store = LabelProjects.rowsOnly(dir, 6, "image", false, false);
        QueueListViewModel list = new QueueListViewModel(store, new UiExecutors(Runnable::run, Runnable::run,
                Runnable::run), jobs);
        list.creatingProgressProperty().addListener((observable, was, now) -> progress.add(now.doubleValue()));
        list.refresh();
        return list;
    }

    private static NewQueueForm form(QueueListViewModel list, String name) {
        NewQueueForm form = list.newForm();
        form.nameProperty().set(name);
        return form;
    }

    @Test
    void theQueueIsWrittenByTheJobNotBeforeItRunsAndIsSelectedWhenDone() {
        QueueListViewModel list = list();

        CompletableFuture<Boolean> created = list.create(form(list, "round 2"), "lead").toCompletableFuture();

        assertThat(created).isNotDone();
        assertThat(list.creatingProperty().get()).isTrue();
        assertThat(LabelProjects.rows(store, "SELECT name FROM queue ORDER BY id")).containsExactly(List.of("round 1"));
        jobs.runHeld();
        assertThat(created.join()).isTrue();
        assertThat(list.creatingProperty().get()).isFalse();
        assertThat(progress).last().isEqualTo(1.0);
        assertThat(list.messageProperty().get()).isEqualTo("Created queue 'round 2': 6 items");
        assertThat(list.selectedProperty().get().queue().name()).isEqualTo("round 2");
    }

    @Test
    void aCancelledQueueIsNotCreatedAndTheFormSaysSo() {
        QueueListViewModel list = list();
        NewQueueForm form = form(list, "round 2");

        CompletableFuture<Boolean> created = list.create(form, "lead").toCompletableFuture();
        list.cancelCreate();
        jobs.runHeld();

        assertThat(created.join()).isFalse();
        assertThat(form.errorProperty().get()).isEqualTo("Cancelled: queue 'round 2' was not created");
        assertThat(list.creatingProperty().get()).isFalse();
        assertThat(LabelProjects.rows(store, "SELECT name FROM queue ORDER BY id")).containsExactly(List.of("round 1"));
        assertThat(LabelProjects.rows(store, "SELECT COUNT(*) FROM queue_item")).containsExactly(List.of("6"));
        assertThat(list.queues()).extracting(q -> q.queue().name()).containsExactly("round 1");
    }

    @Test
    void aQueueOverATagOffersTheProjectsTagsAndIsDescribedByTheTag() {
        QueueListViewModel list = list();
        store.write(tx -> {
            TagRepository tags = new TagRepository();
            long tag = tags.define(tx, "hard", "manual", null, Instant.now());
            Map<String, Long> ids = new ItemRepository().idsByKey(tx, List.of(LabelProjects.imageKey(3),
                    LabelProjects.imageKey(1)));
            tags.add(tx, tag, ids.values(), "manual", "lead", Instant.now());
            return null;
        });
        NewQueueForm form = form(list, "hard ones");
        assertThat(form.tagNames()).containsExactly("hard");
        form.scopeProperty().set(NewQueueForm.ScopeKind.TAG);

        assertThat(list.create(form, "lead").toCompletableFuture().join()).isFalse();
        assertThat(form.errorProperty().get()).isEqualTo("choose the tag whose items the queue covers");
        form.tagProperty().set("hard");
        CompletableFuture<Boolean> created = list.create(form, "lead").toCompletableFuture();
        jobs.runHeld();

        assertThat(created.join()).isTrue();
        assertThat(list.selectedProperty().get().queue().scope()).isEqualTo("tag hard");
        assertThat(list.selectedProperty().get().items()).isEqualTo(2);
    }

    /**
     * Ordered by run m: unsure of img_03 (margin 0.95), less of img_05 (0.7), sure of img_00
     * (0.15); the items it did not predict follow in key order. A run without probabilities is not
     * offered.
     */
    @Test
    void aQueueOrderedMostUncertainFirstByARunWithProbabilities() throws Exception {
        QueueListViewModel list = list();
        org.labelbench.analysis.PredictionService predictions = new org.labelbench.analysis.PredictionService();
        predictions.importFile(store, "m", java.nio.file.Files.writeString(dir.resolve("m.csv"), """
                item,label,p_coat,p_shirt,p_bag
                img_00.png,coat,0.9,0.05,0.05
                img_03.png,coat,0.4,0.35,0.25
                img_05.png,coat,0.6,0.3,0.1
                """), null);
        predictions.importFile(store, "bare", java.nio.file.Files.writeString(dir.resolve("bare.csv"),
                "item,label\nimg_00.png,coat\n"), null);
        NewQueueForm form = form(list, "uncertain");
        assertThat(form.uncertaintyRuns()).containsExactly("m");
        form.uncertainRunProperty().set("m");

        CompletableFuture<Boolean> created = list.create(form, "lead").toCompletableFuture();
        jobs.runHeld();

        assertThat(created.join()).isTrue();
        assertThat(list.selectedProperty().get().queue().scope())
                .isEqualTo("all items, most uncertain first (margin of run m)");
        assertThat(LabelProjects.rows(store, "SELECT i.key FROM queue_item qi JOIN queue q ON q.id = qi.queue"
                + " JOIN item i ON i.id = qi.item WHERE q.name = 'uncertain' ORDER BY qi.position"))
                .extracting(row -> row.get(0)).containsExactly("img_03.png", "img_05.png", "img_00.png",
                        "img_01.png", "img_02.png", "img_04.png");
    }

    @Test
    void theSuggestionsRowOffersEveryRunAndTheQueueShowsTheChosenOne() throws Exception {
        QueueListViewModel list = list();
        org.labelbench.analysis.PredictionService predictions = new org.labelbench.analysis.PredictionService();
        predictions.importFile(store, "m", java.nio.file.Files.writeString(dir.resolve("m.csv"),
                "item,label,p_coat,p_shirt,p_bag\nimg_00.png,coat,0.9,0.05,0.05\n"), null);
        predictions.importFile(store, "bare", java.nio.file.Files.writeString(dir.resolve("bare.csv"),
                "item,label\nimg_00.png,bag\n"), null);
        NewQueueForm form = form(list, "assisted");
        assertThat(form.suggestionRuns()).containsExactly("m", "bare"); // a run without probabilities suggests too
        form.suggestionsRunProperty().set("bare");

        CompletableFuture<Boolean> created = list.create(form, "lead").toCompletableFuture();
        jobs.runHeld();

        assertThat(created.join()).isTrue();
        assertThat(list.selectedProperty().get().queue().suggestionsRun()).isEqualTo("bare");
        assertThat(LabelProjects.rows(store, "SELECT r.name FROM queue q JOIN prediction_run r"
                + " ON r.id = q.suggestions_run WHERE q.name = 'assisted'")).containsExactly(List.of("bare"));
    }

    /** Keeps the started job until {@link #runHeld}, then runs it on the test's thread; Cancel works as in the app. */
    private static final class HeldJobRunner implements JobRunner {
        private Runnable held;
        private final JobRunner onHeld = new ExecutorJobRunner(work -> held = work, Runnable::run);

        @Override
        public <T> RunningJob start(Job<T> job, JobListener<T> listener) {
            return onHeld.start(job, listener);
        }

        void runHeld() {
            Runnable job = held;
            held = null;
            job.run();
        }
    }
}
