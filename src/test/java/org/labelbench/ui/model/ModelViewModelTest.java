package org.labelbench.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.assist.DeviceChoice;
import org.labelbench.assist.ItemSelection;
import org.labelbench.assist.ModelEngine;
import org.labelbench.assist.StoredModel;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueScope;
import org.labelbench.labeling.QueueService;
import org.labelbench.labeling.QueueStrategy;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ModelRepository;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.jobs.ExecutorJobRunner;
import org.labelbench.ui.shell.CallingThreadJobRunner;

/**
 * The Model page's view model over real pattern projects and real (tiny, CPU) trainings: the
 * chart gets a point per epoch while it trains, the list shows the stored model, a prediction
 * writes a run, refusals open a dialog and change nothing, and a cancel leaves no model.
 */
class ModelViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;
    private ProjectStore store;
    private final List<String> dialogs = new ArrayList<>();
    private final List<ExecutorService> threads = new ArrayList<>();

    @AfterEach
    void tearDown() {
        threads.forEach(ExecutorService::shutdownNow);
        if (store != null) {
            store.close();
        }
    }

    /** Everything inline on the test thread: a job runs to its end inside train() or predict(). */
    private ModelViewModel open(Path project) {
        store = ProjectStore.open(project);
        ModelViewModel vm = new ModelViewModel(store, new UiExecutors(DIRECT, DIRECT, DIRECT),
                new CallingThreadJobRunner(), () -> "tester");
        vm.setOnRefused((title, message) -> dialogs.add(title + ": " + message));
        vm.deviceProperty().set(DeviceChoice.CPU);
        vm.showing();
        return vm;
    }

    private static List<Integer> points(XYChart.Series<Number, Number> series) {
        return series.getData().stream().map(point -> point.getXValue().intValue()).toList();
    }

    @Test
    void trainingDrawsEachEpochAsItEndsAndListsTheStoredModel() throws Exception {
        ModelViewModel vm = open(ModelProjects.patterns(dir, 60, 60));
        assertThat(vm.engineLineProperty().get()).startsWith("Models run on PyTorch ").endsWith(" on cpu");
        assertThat(vm.engineReadyProperty().get()).isTrue();
        assertThat(vm.models()).isEmpty();
        assertThat(vm.modelNameProperty().get()).isEqualTo("model-1");
        assertThat(vm.chartTitleProperty().get()).startsWith("No model yet");

        // The dev-accuracy line as it grows while the training runs (not after, from the stored history).
        List<Integer> drawnWhileTraining = new ArrayList<>();
        XYChart.Series<Number, Number> devAccuracy = vm.chart().accuracy().get(1);
        devAccuracy.getData().addListener((ListChangeListener<XYChart.Data<Number, Number>>) change -> {
            if (vm.trainingProperty().get()) {
                while (change.next()) {
                    change.getAddedSubList().forEach(point -> drawnWhileTraining.add(point.getXValue().intValue()));
                }
            }
        });
        vm.epochsProperty().set("2");
        vm.seedProperty().set("7");
        vm.train();

        assertThat(dialogs).isEmpty();
        assertThat(drawnWhileTraining).containsExactly(1, 2);
        assertThat(vm.models()).extracting(StoredModel::name).containsExactly("model-1");
        StoredModel model = vm.selectedProperty().get();
        assertThat(model.name()).isEqualTo("model-1");
        assertThat(model.seed()).isEqualTo(7L);
        assertThat(model.history()).hasSize(2);
        // The stored history is shown once it ends: one point per epoch on each of the four lines.
        for (XYChart.Series<Number, Number> series : List.of(vm.chart().loss().get(0), vm.chart().loss().get(1),
                vm.chart().accuracy().get(0), vm.chart().accuracy().get(1))) {
            assertThat(points(series)).as(series.getName()).containsExactly(1, 2);
        }
        assertThat(vm.chart().loss()).extracting(XYChart.Series::getName).containsExactly("train loss", "dev loss");
        assertThat(vm.chartTitleProperty().get()).startsWith("'model-1': 2 epochs");
        assertThat(vm.messageProperty().get()).startsWith("Stored model 'model-1' (small-cnn, input 16x16")
                .contains("its dev predictions are run 'model-1'");
        assertThat(vm.details()).extracting(ModelText.Detail::name).contains("Params", "Labels seen", "SHA-256",
                "Folder");
        assertThat(detail(vm, "SHA-256")).isEqualTo(model.modelSha256());
        assertThat(detail(vm, "Folder")).isEqualTo(model.folder().toString());
        assertThat(Path.of(detail(vm, "Folder"))).isDirectory();
        assertThat(detail(vm, "Labels seen")).isEqualTo(model.labelsFingerprint());
        assertThat(detail(vm, "Params")).contains("epochs 2").contains("seed 7");
        assertThat(detail(vm, "Trained on")).startsWith("cpu with PyTorch").endsWith("by tester");
        // The next free names: model-1 and its run are taken now.
        assertThat(vm.modelNameProperty().get()).isEqualTo("model-2");
        assertThat(vm.runNameProperty().get()).isEqualTo("model-1-all");
        assertThat(vm.jobRunningProperty().get()).isFalse();
    }

    private static String detail(ModelViewModel vm, String name) {
        return vm.details().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void predictsTheChosenItemsIntoANewRun() throws Exception {
        ModelViewModel vm = open(ModelProjects.patterns(dir, 60, 45));
        vm.epochsProperty().set("1");
        vm.train();
        assertThat(vm.models()).hasSize(1);

        vm.itemsProperty().set(ItemSelection.UNLABELED);
        assertThat(vm.runNameProperty().get()).isEqualTo("model-1-unlabeled");
        vm.predict();

        assertThat(dialogs).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Wrote run 'model-1-unlabeled': 15 predictions by model"
                + " 'model-1' on cpu in ").endsWith("; Error analysis lists it");
        assertThat(runNames()).containsExactly("model-1", "model-1-unlabeled");
        // That name is taken now: the next suggestion is numbered.
        assertThat(vm.runNameProperty().get()).isEqualTo("model-1-unlabeled-2");

        // A name the user typed is kept, and a taken one is refused with the core's reason.
        vm.runNameProperty().set("model-1-unlabeled");
        vm.predict();
        assertThat(dialogs).containsExactly("Prediction refused: a prediction run named 'model-1-unlabeled' exists;"
                + " runs are never changed, so predict under a new name");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(runNames()).hasSize(2);
    }

    @Test
    void predictsAQueuesItemsChosenFromTheQueuesOfTheProject() throws Exception {
        Path project = ModelProjects.patterns(dir, 60, 45);
        try (ProjectStore setup = ProjectStore.open(project)) {
            new QueueService().create(setup, new QueueDefinition("next batch", QueueScope.keys(List.of("p001.png",
                    "p002.png", "p050.png")), QueueStrategy.SEQUENTIAL, 1, 1, List.of()), "lead", null);
        }
        ModelViewModel vm = open(project);
        vm.epochsProperty().set("1");
        vm.train();
        ItemSelection queue = ItemSelection.parse("queue:next batch");
        assertThat(vm.itemChoices()).containsExactly(ItemSelection.ALL, ItemSelection.UNLABELED, queue);
        vm.itemsProperty().set(queue);
        assertThat(vm.runNameProperty().get()).isEqualTo("model-1-next-batch");
        vm.predict();

        assertThat(dialogs).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Wrote run 'model-1-next-batch': 3 predictions by model");
        // the list was read again: the choice stays on the queue
        assertThat(vm.itemsProperty().get()).isEqualTo(queue);
    }

    @Test
    void crossValidatesTheSelectedModelsRecipeIntoAnOutOfFoldRun() throws Exception {
        ModelViewModel vm = open(ModelProjects.patterns(dir, 60, 45));
        vm.epochsProperty().set("1");
        vm.train();
        assertThat(vm.foldsRunNameProperty().get()).isEqualTo("model-1-cv");

        vm.foldsProperty().set("1");
        vm.crossValidate();
        assertThat(dialogs).containsExactly("Cross-validation refused: Folds 1: expected 2 to 20");
        assertThat(runNames()).containsExactly("model-1");

        dialogs.clear();
        vm.foldsProperty().set("3");
        vm.crossValidate();
        assertThat(dialogs).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Wrote run 'model-1-cv': out-of-fold probabilities of 45"
                + " labeled items from 3 folds of model 'model-1''s recipe (accuracy ");
        assertThat(runNames()).containsExactly("model-1", "model-1-cv");
        assertThat(vm.foldsRunNameProperty().get()).isEqualTo("model-1-cv-2");
    }

    @Test
    void refusedTrainingsOpenADialogAndStoreNothing() throws Exception {
        ModelViewModel vm = open(ModelProjects.patterns(dir, 30, 30, 0));

        vm.train(); // every labeled item is 'rows'
        vm.epochsProperty().set("ten");
        vm.train();
        vm.epochsProperty().set("0");
        vm.train();
        vm.epochsProperty().set("1");
        vm.modelNameProperty().set("  ");
        vm.train();
        vm.modelNameProperty().set("no/slashes");
        vm.train();

        assertThat(dialogs).containsExactly(
                "Training refused: every labeled item is 'rows': a classifier needs labels of at least two classes",
                "Training refused: Epochs 'ten': expected a whole number",
                "Training refused: Epochs 0: expected 1 to 10000",
                "Training refused: a model needs a name",
                "Training refused: Name 'no/slashes': a model name is 1 to 80 letters, digits, '.', '_' or '-',"
                        + " starting with a letter or digit (it names the model's folder)");
        assertThat(vm.messageProperty().get()).startsWith("Training refused: Name 'no/slashes'");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.models()).isEmpty();
        assertThat(modelNames()).isEmpty();
        assertThat(vm.trainingProperty().get()).isFalse();
        assertThat(vm.chartTitleProperty().get()).startsWith("No model yet");
    }

    @Test
    void aTakenNameAndAProjectWithoutLabelsAreRefused() throws Exception {
        ModelViewModel vm = open(ModelProjects.patterns(dir, 30, 30));
        vm.epochsProperty().set("1");
        vm.train();
        String sha = vm.selectedProperty().get().modelSha256();

        vm.modelNameProperty().set("model-1");
        vm.train();
        assertThat(dialogs).containsExactly("Training refused: a model named 'model-1' exists; models are never"
                + " changed, so give the new one another name");
        assertThat(vm.models()).hasSize(1);
        assertThat(vm.models().get(0).modelSha256()).isEqualTo(sha);
        // The chart went back to the selected model's history.
        assertThat(vm.chart().epochs()).isEqualTo(1);
        store.close();
        store = null;

        Path empty = Files.createDirectories(dir.resolve("empty"));
        ModelViewModel unlabeled = open(ModelProjects.patterns(empty, 12, 0));
        unlabeled.train();
        assertThat(dialogs.get(1)).startsWith("Training refused: the project has no labeled items");
        assertThat(unlabeled.models()).isEmpty();
    }

    @Test
    void gpuWithoutOneSaysWhyAndTrainsNothing() throws Exception {
        assumeTrue(noGpu(), "this machine has a GPU");
        ModelViewModel vm = open(ModelProjects.patterns(dir, 30, 30));
        vm.deviceProperty().set(DeviceChoice.GPU);
        assertThat(vm.engineFailedProperty().get()).isTrue();
        assertThat(vm.engineReadyProperty().get()).isFalse();
        assertThat(vm.engineLineProperty().get()).startsWith("Device gpu: PyTorch sees no GPU on this machine");
        vm.deviceProperty().set(DeviceChoice.AUTO);
        assertThat(vm.engineReadyProperty().get()).isTrue();
        assertThat(vm.engineLineProperty().get()).endsWith(" on cpu");
    }

    private static boolean noGpu() {
        try {
            ModelEngine.describe(DeviceChoice.GPU);
            return false;
        } catch (BadInputException e) {
            return true;
        }
    }

    @Test
    void aCancelDuringTrainingStoresNoModel() throws Exception {
        Path project = ModelProjects.patterns(dir, 150, 150);
        store = ProjectStore.open(project);
        // The FX thread is one thread here and the job another, as in the workbench.
        ExecutorService fx = Executors.newSingleThreadExecutor();
        ExecutorService work = Executors.newSingleThreadExecutor();
        threads.add(fx);
        threads.add(work);
        ModelViewModel vm = onThread(fx, () -> {
            ModelViewModel made = new ModelViewModel(store, new UiExecutors(DIRECT, DIRECT, fx),
                    new ExecutorJobRunner(work, fx), () -> "tester");
            made.setOnRefused((title, message) -> dialogs.add(title + ": " + message));
            made.deviceProperty().set(DeviceChoice.CPU);
            made.showing();
            return made;
        });
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger pointsWhenCancelled = new AtomicInteger(-1);
        onThread(fx, () -> {
            // Cancel as soon as the first epoch is drawn: the training is well under way then.
            vm.chart().loss().get(0).getData().addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> {
                if (vm.trainingProperty().get() && pointsWhenCancelled.get() < 0) {
                    pointsWhenCancelled.set(vm.chart().epochs());
                    vm.cancel();
                }
            });
            vm.jobRunningProperty().addListener((observable, was, running) -> {
                if (!running) {
                    finished.countDown();
                }
            });
            vm.epochsProperty().set("40");
            vm.train();
            return null;
        });
        assertThat(finished.await(120, TimeUnit.SECONDS)).as("the training ended").isTrue();

        String message = onThread(fx, () -> vm.messageProperty().get());
        assertThat(message).isEqualTo("Training cancelled: no model 'model-1' was stored and the project is as it was");
        assertThat(pointsWhenCancelled.get()).isEqualTo(1);
        assertThat(dialogs).isEmpty();
        assertThat(onThread(fx, () -> vm.models().size())).isZero();
        assertThat(onThread(fx, () -> vm.chart().epochs())).isZero();
        assertThat(modelNames()).isEmpty();
        assertThat(runNames()).isEmpty();
        Path models = project.resolveSibling("patterns.models");
        if (Files.exists(models)) {
            try (var left = Files.list(models)) {
                assertThat(left).isEmpty();
            }
        }
    }

    private List<String> runNames() {
        List<PredictionRun> runs = store.read(tx -> new PredictionRepository().listRuns(tx));
        return runs.stream().map(PredictionRun::name).toList();
    }

    private List<String> modelNames() {
        List<ModelRepository.ModelRow> rows = store.read(tx -> new ModelRepository().list(tx));
        return rows.stream().map(ModelRepository.ModelRow::name).toList();
    }

    private static <T> T onThread(ExecutorService thread, Callable<T> work) throws Exception {
        return thread.submit(work).get(60, TimeUnit.SECONDS);
    }
}
