package org.labelbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.analysis.TagTable;
import org.labelbench.analysis.TruthSource;
import org.labelbench.jobs.Job;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.preview.MediaFiles;
import org.labelbench.ui.jobs.ExecutorJobRunner;
import org.labelbench.ui.jobs.JobListener;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.RunningJob;
import org.labelbench.ui.shell.CallingThreadJobRunner;

/**
 * The Error analysis view model on a real project file, with every executor direct (so each
 * call has finished when it returns): the tag table, the error spreadsheet, keyboard tagging
 * and its undo, the ground-truth choice, queues from a tag, and importing a run.
 */
class AnalysisViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;
    private ProjectStore store;
    private AnalysisViewModel viewModel;

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.dispose();
        }
        if (store != null) {
            store.close();
        }
    }

    private AnalysisViewModel open(Path project) {
        return open(project, new CallingThreadJobRunner());
    }

    private AnalysisViewModel open(Path project, JobRunner jobs) {
        store = ProjectStore.open(project);
        viewModel = new AnalysisViewModel(new AnalysisCatalog(store), new MediaFiles(store.directory()),
                new UiExecutors(DIRECT, DIRECT, DIRECT), jobs, "tester", DIRECT, DIRECT);
        viewModel.showing();
        return viewModel;
    }

    @Test
    void showsTheErrorsMostConfidentFirstAndTheTagTable() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir));

        assertThat(vm.stateProperty().get()).isEqualTo(AnalysisViewModel.State.READY);
        assertThat(vm.runs()).containsExactly("m1");
        assertThat(vm.runProperty().get()).isEqualTo("m1");
        assertThat(keys(vm)).containsExactlyElementsOf(AnalysisProjects.ERRORS);
        assertThat(vm.countTextProperty().get()).isEqualTo("3 errors of 8 predicted items");
        assertThat(vm.summaryProperty().get()).isEqualTo(
                "Accuracy 57.1% · macro F1 0.567 · 7 of 8 predicted items have a ground truth");
        assertThat(vm.truthSummaryProperty().get()).isEqualTo("0 adjudicated · 7 by majority · 1 tie left out");

        ErrorSheet.Row first = vm.rows().get(0).row();
        assertThat(first.truth()).isEqualTo("shirt");
        assertThat(first.predicted()).isEqualTo("t-shirt");
        assertThat(ErrorSheetColumns.confidence(first.confidence())).isEqualTo("0.90");
        assertThat(ErrorSheetColumns.labels(first.labels())).isEqualTo("ana: shirt, ben: shirt");
        assertThat(vm.rows().get(2).row().tags()).containsExactly("dark");

        List<TagTable.Row> table = vm.tagRows();
        assertThat(table).extracting(TagTable.Row::tag).containsExactly(TagTable.ALL, "dark");
        TagTable.Row all = table.get(0);
        assertThat(all.items()).isEqualTo(7);
        assertThat(all.errors()).isEqualTo(3);
        assertThat(TagTableText.percent(all.accuracy())).isEqualTo("57.1%");
        assertThat(TagTableText.hlp(all)).isEqualTo("87.5% (n=8)");
        assertThat(TagTableText.signedPercent(all.gap())).isEqualTo("+30.4%");
        TagTable.Row dark = table.get(1);
        assertThat(dark.items()).isEqualTo(2);
        assertThat(dark.errors()).isEqualTo(1);
        assertThat(TagTableText.percent(dark.shareOfData())).isEqualTo("28.6%");
        assertThat(TagTableText.percent(dark.shareOfErrors())).isEqualTo("33.3%");
        assertThat(TagTableText.gain(dark.potentialGain())).isEqualTo("+14.29%");
        // The intervals pass has run (direct executors): HLP comes with its bootstrap interval.
        assertThat(vm.intervalsPendingProperty().get()).isFalse();
        assertThat(all.hlpInterval()).isPresent();
        assertThat(TagTableText.hlpDetail(all, false)).startsWith("95% interval ");
        assertThat(vm.quickTags()).containsExactly("dark");
        assertThat(vm.tagNames()).containsExactly("dark");
        assertThat(vm.unevaluatedProperty().get()).isEmpty();
    }

    @Test
    void tagsSelectedRowsUpdatesTheTableAndUndoes() throws Exception {
        Path project = AnalysisProjects.clothes(dir);
        AnalysisViewModel vm = open(project);

        vm.addTag("collar", List.of(0, 1));

        assertThat(vm.rows().get(0).row().tags()).containsExactly("collar");
        assertThat(vm.rows().get(1).row().tags()).containsExactly("collar");
        assertThat(tagged("collar")).containsExactly("i0.png", "i2.png");
        assertThat(SqlRows.of(store, "SELECT it.author, it.origin FROM item_tag it JOIN tag t ON t.id = it.tag"
                + " WHERE t.name = 'collar'")).containsOnly(List.of("tester", "manual"));
        assertThat(vm.tagRows()).extracting(TagTable.Row::tag).containsExactly(TagTable.ALL, "collar", "dark");
        TagTable.Row collar = vm.tagRows().get(1);
        assertThat(collar.items()).isEqualTo(2);
        assertThat(collar.errors()).isEqualTo(2);
        assertThat(TagTableText.percent(collar.accuracy())).isEqualTo("0.0%");
        assertThat(TagTableText.hlp(collar)).isEqualTo("100.0% (n=2)");
        assertThat(TagTableText.gain(collar.potentialGain())).isEqualTo("+28.57%");
        assertThat(vm.messageProperty().get()).isEqualTo("Tagged 2 items 'collar' · Ctrl+Z undoes");
        assertThat(vm.canUndoProperty().get()).isTrue();
        assertThat(vm.quickTags()).containsExactly("dark", "collar");
        assertThat(vm.filters()).contains(SheetFilter.tag("collar"));

        vm.undo();

        assertThat(tagged("collar")).isEmpty();
        assertThat(vm.rows().get(0).row().tags()).isEmpty();
        assertThat(vm.tagRows()).extracting(TagTable.Row::tag).containsExactly(TagTable.ALL, "dark");
        assertThat(vm.messageProperty().get()).isEqualTo("Undone: removed 'collar' from 2 items");
        assertThat(vm.canUndoProperty().get()).isFalse();
        // The tag is still defined but no item carries it: TagTable leaves it out and names it.
        assertThat(vm.unevaluatedProperty().get()).isEqualTo("No evaluated items: collar");
        assertThat(vm.canRedoProperty().get()).isTrue();

        vm.redo();

        assertThat(tagged("collar")).containsExactly("i0.png", "i2.png");
        assertThat(vm.rows().get(0).row().tags()).containsExactly("collar");
        assertThat(vm.tagRows()).extracting(TagTable.Row::tag).containsExactly(TagTable.ALL, "collar", "dark");
        assertThat(vm.unevaluatedProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Redone: tagged 2 items 'collar' · Ctrl+Z undoes");
        assertThat(vm.canUndoProperty().get()).isTrue();
        assertThat(vm.canRedoProperty().get()).isFalse();
        vm.redo();
        assertThat(vm.messageProperty().get()).isEqualTo("Nothing to redo");
    }

    @Test
    void aNewTaggingClearsWhatCouldBeRedone() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir));
        vm.addTag("collar", List.of(0));
        vm.undo();
        assertThat(vm.canRedoProperty().get()).isTrue();

        vm.addTag("sleeve", List.of(1));

        assertThat(vm.canRedoProperty().get()).isFalse();
        vm.redo();
        assertThat(tagged("collar")).isEmpty();
        assertThat(tagged("sleeve")).containsExactly("i2.png");
    }

    @Test
    void aCancelledImportOrRuleTagChangesNothing() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir), new CancelledJobRunner());
        Path good = Files.writeString(dir.resolve("m2.csv"), "item,label,confidence\ni0.png,shirt,0.5\n");

        assertThat(vm.importRun(good, "m2").toCompletableFuture().getNow("not answered")).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Import cancelled: nothing was changed");
        assertThat(vm.jobRunningProperty().get()).isFalse();
        assertThat(vm.runs()).containsExactly("m1");
        assertThat(SqlRows.of(store, "SELECT name FROM prediction_run")).containsExactly(List.of("m1"));

        String refused = vm.defineRuleTag("sure", "confidence >= 0.85").toCompletableFuture().getNow("not answered");
        assertThat(refused).isEqualTo("Rule tag not defined: cancelled");
        assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM tag WHERE name = 'sure'")).containsExactly(List.of("0"));
    }

    @Test
    void aPageThatCannotBeReadSaysSoInTheMessageLine() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir));
        vm.errorsOnlyProperty().set(false);
        assertThat(vm.rows()).hasSize(8);
        store.close();
        store = null;

        vm.rows().setSheet(vm.rows().sheet(), List.of()); // forget the page read, so the next get reads it

        vm.rows().get(0);
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Rows could not be read: ");
    }

    /** Runs each job on the calling thread as if Cancel had been pressed before its first check. */
    private static final class CancelledJobRunner implements JobRunner {
        @Override
        public <T> RunningJob start(Job<T> job, JobListener<T> listener) {
            List<Runnable> held = new ArrayList<>();
            RunningJob running = new ExecutorJobRunner(held::add, Runnable::run).start(job, listener);
            running.cancel();
            held.forEach(Runnable::run);
            return running;
        }
    }

    @Test
    void undoingATagLeavesItemsThatCarriedItBefore() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir));

        vm.addTag("dark", List.of(0, 1, 2)); // i4 (row 2) is dark already
        assertThat(tagged("dark")).containsExactly("i0.png", "i2.png", "i3.png", "i4.png");
        assertThat(vm.messageProperty().get()).isEqualTo("Tagged 2 items 'dark' · Ctrl+Z undoes");

        vm.undo();
        assertThat(tagged("dark")).containsExactly("i3.png", "i4.png");
        assertThat(vm.rows().get(2).row().tags()).containsExactly("dark");

        vm.addTag("dark", List.of(2));
        assertThat(vm.messageProperty().get()).isEqualTo("The selected item already carries 'dark'");
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void removesATagAndQuickTagsByNumber() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir));

        vm.removeTag("dark", List.of(2));
        assertThat(tagged("dark")).containsExactly("i3.png");
        assertThat(vm.rows().get(2).row().tags()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Removed 'dark' from 1 item · Ctrl+Z undoes");

        vm.addQuickTag(1, List.of(0)); // 1 = dark, the most used tag
        assertThat(tagged("dark")).containsExactly("i0.png", "i3.png");

        vm.undo();
        vm.undo();
        assertThat(tagged("dark")).containsExactly("i3.png", "i4.png");

        vm.addTag("a,b", List.of(0));
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("tag 'a,b': a tag name cannot contain a comma");
    }

    @Test
    void filtersByTagAndOrdersAndShowsEveryPredictedItem() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir));

        vm.showTag("dark");
        assertThat(keys(vm)).containsExactly("i4.png");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 error tagged 'dark' · 3 errors of 8 predicted items");

        vm.filterProperty().set(SheetFilter.UNTAGGED);
        assertThat(keys(vm)).containsExactly("i0.png", "i2.png");
        assertThat(vm.countTextProperty().get()).isEqualTo("2 untagged errors · 3 errors of 8 predicted items");

        vm.showTag(TagTable.ALL);
        vm.orderProperty().set(ErrorSheet.Order.CONFIDENCE_ASCENDING);
        assertThat(keys(vm)).containsExactly("i4.png", "i2.png", "i0.png");

        vm.errorsOnlyProperty().set(false);
        vm.orderProperty().set(ErrorSheet.Order.ITEM);
        assertThat(keys(vm)).hasSize(8).startsWith("i0.png", "i1.png");
        assertThat(vm.rows().get(5).row().truth()).isNull(); // i5: a tie, no ground truth
        assertThat(vm.countTextProperty().get()).isEqualTo("8 predicted items · 3 errors of 8 predicted items");
    }

    @Test
    void groundTruthFromOneAnnotatorOrATieBreaker() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir));

        assertThat(vm.truthChoices()).extracting(TruthChoice::text).containsExactly("adjudicated, else majority",
                "adjudicated, else majority, else ana on ties", "adjudicated, else majority, else ben on ties",
                "only ana", "only ben");
        vm.truthProperty().set(vm.truthChoices().get(2)); // ben decides i5: t-shirt, the model said shirt
        assertThat(vm.truthProperty().get().source()).isEqualTo(new TruthSource(null, "ben"));
        assertThat(keys(vm)).containsExactly("i0.png", "i2.png", "i4.png", "i5.png");
        assertThat(vm.truthSummaryProperty().get()).isEqualTo(
                "0 adjudicated · 7 by majority · 1 by ben on a tie · 0 ties left out");

        vm.truthProperty().set(vm.truthChoices().get(3)); // only ana: i5 is a shirt, as predicted
        assertThat(keys(vm)).containsExactlyElementsOf(AnalysisProjects.ERRORS);
        assertThat(vm.countTextProperty().get()).isEqualTo("3 errors of 8 predicted items");
        assertThat(vm.truthSummaryProperty().get()).isEqualTo("8 items labeled by ana");
    }

    /**
     * Run p2 is sure of every label but i3's (a coat it calls a shirt with 0.9, as sure as of the
     * real shirts): confident learning flags i3 alone, and the tag makes it a row of the table.
     */
    @Test
    void tagsTheRunsLikelyLabelErrorsAsAJob() throws Exception {
        Path project = AnalysisProjects.clothes(dir);
        try (ProjectStore importing = ProjectStore.open(project)) {
            new org.labelbench.analysis.PredictionService().importFile(importing, "p2", Files.writeString(
                    dir.resolve("p2.csv"), """
                            item,label,p_shirt,p_t-shirt,p_coat
                            i0.png,shirt,0.9,0.05,0.05
                            i1.png,shirt,0.9,0.05,0.05
                            i2.png,t-shirt,0.05,0.9,0.05
                            i3.png,shirt,0.9,0.05,0.05
                            i4.png,coat,0.05,0.05,0.9
                            i5.png,t-shirt,0.3,0.4,0.3
                            i6.png,t-shirt,0.05,0.9,0.05
                            i7.png,coat,0.05,0.05,0.9
                            """), null);
        }
        AnalysisViewModel vm = open(project);
        vm.runProperty().set("p2");

        String refused = vm.tagLabelErrors().toCompletableFuture().getNow("not answered");
        assertThat(refused).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Tag 'label errors: p2': 1 likely label error among 7 items"
                + " with probabilities (confident learning)");
        assertThat(SqlRows.of(store, "SELECT i.key FROM item_tag it JOIN tag t ON t.id = it.tag JOIN item i"
                + " ON i.id = it.item WHERE t.name = 'label errors: p2'")).containsExactly(List.of("i3.png"));
        assertThat(vm.tagRows()).extracting(row -> row.tag()).contains("label errors: p2");
        // the sheet shows the found items beside their media at once, ready for "Create queue…"
        assertThat(vm.filterProperty().get()).isEqualTo(SheetFilter.tag("label errors: p2"));

        vm.runProperty().set("m1"); // no probabilities: refused in one line, nothing tagged
        assertThat(vm.tagLabelErrors().toCompletableFuture().getNow("not answered"))
                .isEqualTo("run 'm1' has no probabilities: finding label errors needs each class's probability"
                        + " (p_<class> columns when importing)");
    }

    @Test
    void createsARelabelingQueueOverATagsItems() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir));
        assertThat(vm.taggedCount("dark")).isEqualTo(2);

        String refused = vm.createQueue("dark", "relabel dark", QueueStrategy.NEEDS_LABELS, 2).toCompletableFuture()
                .getNow("not answered");
        // the queue is over the tag itself, not a list of its items' keys (issue 12)
        assertThat(refused).contains("every item in tag dark has 2 or more labels");

        String created = vm.createQueue("dark", "relabel dark", QueueStrategy.NEEDS_LABELS, 3).toCompletableFuture()
                .getNow("not answered");
        assertThat(created).isNull();
        assertThat(new QueueService().get(store, "relabel dark").items()).isEqualTo(2);
        assertThat(new QueueService().get(store, "relabel dark").scope()).isEqualTo("tag dark");
        assertThat(vm.messageProperty().get()).isEqualTo(
                "Queue 'relabel dark' created over the 2 items tagged 'dark': open it on the Label page");
    }

    @Test
    void definesARuleTagAndTagsFromAnAttributeAndSaysWhyARuleIsRefused() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir));
        String refused = vm.defineRuleTag("sure", "confidence >").toCompletableFuture().getNow("not answered");
        assertThat(refused).startsWith("rule 'confidence >': expected a value after '>'");
        assertThat(vm.tagRows()).extracting(TagTable.Row::tag).containsExactly(TagTable.ALL, "dark");

        String defined = vm.defineRuleTag("sure", "confidence >= 0.85").toCompletableFuture().getNow("not answered");
        assertThat(defined).isNull();
        long sure = store.read(tx -> org.labelbench.analysis.TagMembership.read(tx)).tags().get("sure").length;
        assertThat(vm.messageProperty().get()).isEqualTo("Rule tag 'sure': " + sure + (sure == 1 ? " item" : " items"));
        assertThat(vm.tagRows()).extracting(TagTable.Row::tag).contains("sure");

        assertThat(vm.attributeNames().toCompletableFuture().getNow(List.of())).isEmpty();
        String noAttribute = vm.tagsFromAttribute("colour").toCompletableFuture().getNow("not answered");
        assertThat(noAttribute).contains("colour");
    }

    @Test
    void importsARunAndRefusesABadFileNamingIt() throws Exception {
        AnalysisViewModel vm = open(AnalysisProjects.clothes(dir));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "item,label,confidence\ni0.png,scarf,0.5\n");

        String refusal = vm.importRun(bad, "m2").toCompletableFuture().getNow("not answered");
        assertThat(refusal).contains(bad.toString()).contains("unknown class 'scarf'");
        assertThat(vm.runs()).containsExactly("m1");

        Path good = Files.writeString(dir.resolve("m2.csv"), "item,label,confidence\ni0.png,shirt,0.5\n"
                + "i2.png,t-shirt,0.6\n");
        assertThat(vm.importRun(good, "m2").toCompletableFuture().getNow("not answered")).isNull();
        assertThat(vm.runs()).containsExactly("m1", "m2");
        assertThat(vm.runProperty().get()).isEqualTo("m2");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.countTextProperty().get()).isEqualTo("0 errors of 2 predicted items");
    }

    @Test
    void saysHowToImportARunWhenThereIsNone() throws Exception {
        Path project = dir.resolve("empty.lbproj");
        ProjectStore.create(project, new ProjectSettings("Empty", List.of("a", "b"), false)).close();
        AnalysisViewModel vm = open(project);

        assertThat(vm.stateProperty().get()).isEqualTo(AnalysisViewModel.State.NO_RUNS);
        assertThat(AnalysisViewModel.NO_RUNS).isEqualTo("No prediction runs yet: import one with `labelbench"
                + " predictions import PROJECT --run NAME --file predictions.csv`");
    }

    @Test
    void readsPagesOnDemandNotEveryRow() throws Exception {
        Path folder = dir.resolve("many");
        StringBuilder labels = new StringBuilder("item,annotator,label\n");
        StringBuilder predictions = new StringBuilder("item,label,confidence\n");
        int n = 1000;
        for (int i = 0; i < n; i++) {
            String key = String.format("x%04d.png", i);
            org.labelbench.testing.TestMedia.png(folder.resolve(key), 4, 4, i);
            labels.append(key).append(",ana,a\n");
            predictions.append(key).append(",b,").append(i / (double) n).append('\n');
        }
        Path project = dir.resolve("many.lbproj");
        try (ProjectStore created = ProjectStore.create(project, new ProjectSettings("Many", List.of("a", "b"),
                false))) {
            new org.labelbench.ingest.ImportService(2).run(created, org.labelbench.ingest.ImportRequest.of(
                    org.labelbench.ingest.ImportSource.IMAGES, folder), org.labelbench.jobs.JobContext.silent());
            new org.labelbench.labeling.LabelFileService().importFile(created,
                    Files.writeString(dir.resolve("l.csv"), labels));
            new org.labelbench.analysis.PredictionService().importFile(created, "m",
                    Files.writeString(dir.resolve("p.csv"), predictions), null);
        }
        AnalysisViewModel vm = open(project);

        assertThat(vm.rows()).hasSize(n);
        assertThat(vm.rows().pageReads()).isEqualTo(1);
        assertThat(vm.rows().get(999).row().item().key()).isEqualTo("x0000.png"); // least confident last
        assertThat(vm.rows().pageReads()).isEqualTo(2);

        // Tagging rows whose pages were never read reads them, and only them.
        vm.addTag("far", IntStream.range(600, 610).boxed().toList());
        assertThat(tagged("far")).hasSize(10).contains("x0390.png", "x0399.png");
    }

    private static List<String> keys(AnalysisViewModel vm) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < vm.rows().size(); i++) {
            keys.add(vm.rows().get(i).row().item().key());
        }
        return keys;
    }

    private List<String> tagged(String tag) {
        return SqlRows.of(store, "SELECT i.key FROM item_tag it JOIN tag t ON t.id = it.tag JOIN item i"
                + " ON i.id = it.item WHERE t.name = ? ORDER BY i.key", tag).stream().map(row -> row.get(0)).toList();
    }
}
