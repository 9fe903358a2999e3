package org.labelbench.ui.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.assist.CrossValidation;
import org.labelbench.assist.DeviceChoice;
import org.labelbench.assist.ItemSelection;
import org.labelbench.assist.ModelCatalog;
import org.labelbench.assist.ModelEngine;
import org.labelbench.assist.PredictService;
import org.labelbench.assist.StoredModel;
import org.labelbench.assist.TrainingOptions;
import org.labelbench.assist.TrainingService;
import org.labelbench.labeling.QueueService;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.dialogs.FieldRefusal;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.ShownJob;

/**
 * The Model page: which engine and device models run on, training a model on the project's
 * labels as a job with its epochs drawn as they end, the models stored with the project, and
 * predicting with the selected one as a job that writes a new run. One job at a time; a refused
 * or failed job changes nothing and says why in a dialog and in the message line. FX thread only.
 */
public final class ModelViewModel {
    /** The epochs the Train form offers first: enough for a small net to settle on the samples. */
    static final int DEFAULT_EPOCHS = TrainingOptions.DEFAULT_EPOCHS;
    /** The core's subjects of the values this page's fields give → the fields' labels. */
    private static final Map<String, String> FIELDS = Map.of("model name", "Name", "epochs", "Epochs", "folds",
            "Folds", "device", "Device", "items", "Items");
    private static final String NO_MODEL = "No model yet: train one on the project's labels";

    private final ProjectStore store;
    private final UiExecutors executors;
    private final Supplier<String> author;
    private final TrainingService training = new TrainingService();
    private final PredictService prediction = new PredictService();
    private final ShownJob job;
    private final LearningCurveViewModel learningCurve;
    private final BackgroundCall.Latest loads = new BackgroundCall.Latest();
    private final BackgroundCall.Latest engineLoads = new BackgroundCall.Latest();

    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>(DeviceChoice.AUTO);
    private final ObservableList<DeviceChoice> devices = FXCollections.observableArrayList(DeviceChoice.values());
    private final ReadOnlyStringWrapper engineLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper engineReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper engineFailed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    private final StringProperty modelName = new SimpleStringProperty("");
    private final StringProperty epochs = new SimpleStringProperty(String.valueOf(DEFAULT_EPOCHS));
    private final StringProperty seed = new SimpleStringProperty(String.valueOf(TrainingOptions.DEFAULT_SEED));

    private final ObservableList<StoredModel> models = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<StoredModel> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ModelText.Detail> details = FXCollections.observableArrayList();
    private final EpochChart chart = new EpochChart();
    private final ReadOnlyStringWrapper chartTitle = new ReadOnlyStringWrapper(NO_MODEL);
    private final ReadOnlyBooleanWrapper trainingNow = new ReadOnlyBooleanWrapper();

    private final ObservableList<ItemSelection> itemChoices =
            FXCollections.observableArrayList(ItemSelection.ALL, ItemSelection.UNLABELED);
    private final ObjectProperty<ItemSelection> items = new SimpleObjectProperty<>(ItemSelection.ALL);
    private final StringProperty runName = new SimpleStringProperty("");
    private final StringProperty folds = new SimpleStringProperty("5");
    private final StringProperty foldsRunName = new SimpleStringProperty("");
    private final CrossValidation crossValidation = new CrossValidation();

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private BiConsumer<String, String> onRefused = (title, text) -> { };

    /** Names models and runs use (a training writes a run of its model's name): what a suggestion avoids. */
    private Set<String> taken = Set.of();
    private String suggestedName = "";
    private String suggestedRun = "";
    private String suggestedFoldsRun = "";
    private boolean shownOnce;
    private long trainingCount;

    public ModelViewModel(ProjectStore store, UiExecutors executors, JobRunner jobs, Supplier<String> author) {
        this.store = store;
        this.executors = executors;
        this.author = author;
        this.job = new ShownJob(jobs);
        this.learningCurve = new LearningCurveViewModel(store, job);
        device.addListener((observable, was, now) -> describeEngine());
        selected.addListener((observable, was, now) -> selectionChanged(now));
        items.addListener((observable, was, now) -> suggestRun());
    }

    /** The page was shown: reads the engine on the first showing, and the models every time. */
    public void showing() {
        if (!shownOnce) {
            shownOnce = true;
            describeEngine();
        }
        reload();
    }

    /** Reads the stored models and the names taken; then selects {@code select} (or keeps the selection). */
    public void reload() {
        reload(null);
    }

    private void reload(String select) {
        record Listing(List<StoredModel> models, Set<String> taken, List<ItemSelection> queues) {
        }
        busy.set(true);
        BackgroundCall.of(() -> {
            List<StoredModel> list = ModelCatalog.list(store);
            Set<String> names = new HashSet<>();
            list.forEach(model -> names.add(model.name()));
            store.read(tx -> new PredictionRepository().listRuns(tx)).stream().map(PredictionRun::name)
                    .forEach(names::add);
            List<ItemSelection> queues = new QueueService().list(store).stream()
                    .map(queue -> ItemSelection.parse("queue:" + queue.name())).toList();
            return new Listing(list, names, queues);
        }).onSuccess(listing -> {
            busy.set(false);
            taken = Set.copyOf(listing.taken());
            showQueues(listing.queues());
            String keep = select != null ? select : selected.get() == null ? null : selected.get().name();
            models.setAll(listing.models());
            StoredModel chosen = listing.models().stream().filter(m -> m.name().equals(keep)).findFirst()
                    .orElse(listing.models().isEmpty() ? null : listing.models().get(listing.models().size() - 1));
            select(chosen);
            suggestName();
            suggestRun();
        }).onFailure(error -> {
            busy.set(false);
            error("Could not read the models: " + FailureText.of(error));
        }).unlessStale(loads.next()).runOn(executors);
    }

    /** All items, the unlabeled ones, then each queue's items: what Predict can cover; the choice kept if it still exists. */
    private void showQueues(List<ItemSelection> queues) {
        ItemSelection kept = items.get();
        List<ItemSelection> choices = new java.util.ArrayList<>(List.of(ItemSelection.ALL, ItemSelection.UNLABELED));
        choices.addAll(queues);
        if (!choices.equals(itemChoices)) {
            itemChoices.setAll(choices);
        }
        items.set(choices.contains(kept) ? kept : ItemSelection.ALL);
    }

    private void describeEngine() {
        DeviceChoice choice = device.get();
        engineReady.set(false);
        engineFailed.set(false);
        engineLine.set("Starting the model engine…");
        // Loading PyTorch's natives takes a moment the first time: not on the reads thread the other views share.
        BackgroundCall.of(() -> ModelEngine.describe(choice)).onSuccess(description -> {
            engineLine.set("Models run on " + description.summary());
            engineReady.set(true);
        }).onFailure(error -> {
            // "Device gpu: PyTorch sees no GPU…" names the field; any other failure says which choice failed.
            engineLine.set(error instanceof BadValueException bad ? FieldRefusal.of(bad, FIELDS)
                    : choice.id() + ": " + FailureText.of(error));
            engineFailed.set(true);
        }).unlessStale(engineLoads.next()).runOn(executors.media(), executors.fx());
    }

    /** Selects a model in the list: its details, and its history in the chart unless a training is drawing there. */
    public void select(StoredModel model) {
        selected.set(model);
    }

    private void selectionChanged(StoredModel model) {
        details.setAll(model == null ? List.of() : ModelText.details(model));
        if (!trainingNow.get()) {
            showSelectedHistory();
        }
        suggestRun();
    }

    private void showSelectedHistory() {
        StoredModel model = selected.get();
        if (model == null) {
            chart.clear();
            chartTitle.set(NO_MODEL);
        } else {
            chart.show(model.history());
            chartTitle.set(ModelText.history(model));
        }
    }

    // ---- train ----

    /** Trains a model with the form's name, epochs and seed, as a job; refused input opens a dialog and starts nothing. */
    public void train() {
        String name = modelName.get() == null ? "" : modelName.get().strip();
        if (name.isEmpty()) {
            refuse("Training refused", "a model needs a name");
            return;
        }
        TrainingOptions options = formOptions("Training refused");
        if (options == null) {
            return;
        }
        if (job.runningProperty().get()) {
            info("Another job of this page is running: wait for it or cancel it");
            return;
        }
        String who = author.get();
        long count = ++trainingCount;
        DeviceChoice choice = device.get();
        trainingNow.set(true);
        chart.start(options.epochs());
        chartTitle.set("Training '" + name + "' (" + options.epochs() + " epochs at most)");
        message.set("");
        job.start("Training '" + name + "' on " + choice.id(), context -> training.train(store, name,
                options, who, context, epoch -> executors.fx().execute(() -> {
                    if (trainingNow.get() && trainingCount == count) {
                        chart.add(epoch);
                    }
                })), new ShownJob.Outcome<StoredModel>() {
                    @Override
                    public void succeeded(StoredModel model) {
                        trainingNow.set(false);
                        info(ModelText.trained(model));
                        suggestedName = modelName.get(); // used now: the list's reload offers the next free name
                        reload(model.name());
                    }

                    @Override
                    public void cancelled() {
                        trainingNow.set(false);
                        showSelectedHistory();
                        info("Training cancelled: no model '" + name + "' was stored and the project is as it was");
                    }

                    @Override
                    public void failed(Throwable error) {
                        trainingNow.set(false);
                        showSelectedHistory();
                        jobFailed("Training", error);
                    }
                });
    }

    /** The form's epochs and seed on the chosen device; null after a dialog said why they are refused. */
    private TrainingOptions formOptions(String refusal) {
        try {
            int epochCount = whole("Epochs", epochs.get(), 1, 10_000);
            long seedValue = whole("Seed", seed.get(), Long.MIN_VALUE, Long.MAX_VALUE);
            return TrainingOptions.builder().epochs(epochCount).seed(seedValue).device(device.get()).build();
        } catch (BadInputException e) {
            refuse(refusal, e.getMessage());
            return null;
        }
    }

    // ---- learning curve ----

    /** Measures the learning curve with the Train form's epochs and seed, as the page's job. */
    public void runLearningCurve() {
        message.set("");
        learningCurve.run(() -> formOptions("Learning curve refused"), this::info,
                error -> jobFailed("Learning curve", error));
    }

    public LearningCurveViewModel learningCurve() {
        return learningCurve;
    }

    private static long whole(String what, String text, long min, long max) {
        String value = text == null ? "" : text.strip();
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadInputException(what + " '" + value + "': expected a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new BadInputException(what + " " + parsed + ": expected " + min + " to " + max);
        }
        return parsed;
    }

    private static int whole(String what, String text, int min, int max) {
        return (int) whole(what, text, (long) min, (long) max);
    }

    // ---- predict ----

    /** Predicts the chosen items with the selected model into a new run named in the form, as a job. */
    public void predict() {
        StoredModel model = selected.get();
        String run = runName.get() == null ? "" : runName.get().strip();
        if (model == null) {
            refuse("Prediction refused", "select a model in the list first");
            return;
        }
        if (run.isEmpty()) {
            refuse("Prediction refused", "a prediction run needs a name");
            return;
        }
        if (job.runningProperty().get()) {
            info("Another job of this page is running: wait for it or cancel it");
            return;
        }
        ItemSelection selection = items.get();
        DeviceChoice choice = device.get();
        message.set("");
        job.start("Predicting " + selection.describe() + " with '" + model.name() + "'",
                context -> prediction.predict(store, model.name(), run, selection, choice, context),
                new ShownJob.Outcome<PredictService.Predicted>() {
                    @Override
                    public void succeeded(PredictService.Predicted predicted) {
                        info(ModelText.predicted(predicted));
                        suggestedRun = runName.get(); // used now: the reload offers the next free one
                        reload();
                    }

                    @Override
                    public void cancelled() {
                        info("Prediction cancelled: no run '" + run + "' was written");
                    }

                    @Override
                    public void failed(Throwable error) {
                        jobFailed("Prediction", error);
                    }
                });
    }

    // ---- cross-validate ----

    /**
     * Out-of-fold answers of every labeled item with the selected model's recipe, as a job: K
     * trainings, each answering the fold it never saw, written as the run named in the form.
     */
    public void crossValidate() {
        StoredModel model = selected.get();
        String run = foldsRunName.get() == null ? "" : foldsRunName.get().strip();
        if (model == null) {
            refuse("Cross-validation refused", "select a model in the list first");
            return;
        }
        int foldCount;
        try {
            foldCount = whole("Folds", folds.get(), 2, CrossValidation.MAX_FOLDS);
        } catch (BadInputException e) {
            refuse("Cross-validation refused", e.getMessage());
            return;
        }
        if (job.runningProperty().get()) {
            info("Another job of this page is running: wait for it or cancel it");
            return;
        }
        DeviceChoice choice = device.get();
        String who = author.get();
        message.set("");
        job.start("Cross-validating '" + model.name() + "' in " + foldCount + " folds",
                context -> crossValidation.run(store, model.name(), foldCount, run, choice, who, context),
                new ShownJob.Outcome<CrossValidation.Result>() {
                    @Override
                    public void succeeded(CrossValidation.Result result) {
                        info(ModelText.crossValidated(result));
                        suggestedFoldsRun = foldsRunName.get();
                        reload();
                    }

                    @Override
                    public void cancelled() {
                        info("Cross-validation cancelled: no run '" + run + "' was written");
                    }

                    @Override
                    public void failed(Throwable error) {
                        jobFailed("Cross-validation", error);
                    }
                });
    }

    /** Asks the running training or prediction to stop; it then leaves the project as it was. */
    public void cancel() {
        job.cancel();
    }

    // ---- names ----

    /** "model-N", the first N from the number of models on that no model or run uses; kept once the user typed. */
    private void suggestName() {
        String current = modelName.get() == null ? "" : modelName.get().strip();
        if (!current.isEmpty() && !current.equals(suggestedName)) {
            return;
        }
        int n = models.size() + 1;
        while (taken.contains("model-" + n)) {
            n++;
        }
        suggestedName = "model-" + n;
        modelName.set(suggestedName);
    }

    /** "MODEL-cv", numbered when taken; kept once the user typed. */
    private void suggestFoldsRun() {
        String current = foldsRunName.get() == null ? "" : foldsRunName.get().strip();
        if (!current.isEmpty() && !current.equals(suggestedFoldsRun)) {
            return;
        }
        StoredModel model = selected.get();
        suggestedFoldsRun = model == null ? "" : free(model.name() + "-cv");
        foldsRunName.set(suggestedFoldsRun);
    }

    /** {@code base}, or base-2, base-3… when a model or run has it. */
    private String free(String base) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** "MODEL-all" or "MODEL-unlabeled", numbered when taken; kept once the user typed. */
    private void suggestRun() {
        suggestFoldsRun();
        String current = runName.get() == null ? "" : runName.get().strip();
        if (!current.isEmpty() && !current.equals(suggestedRun)) {
            return;
        }
        StoredModel model = selected.get();
        if (model == null) {
            suggestedRun = "";
        } else {
            ItemSelection chosen = items.get();
            String base = model.name() + "-" + (chosen.queue() != null ? chosen.queue().replace(' ', '-') : chosen.kind());
            suggestedRun = free(base);
        }
        runName.set(suggestedRun);
    }

    // ---- messages ----

    private void jobFailed(String what, Throwable error) {
        boolean refused = error instanceof BadInputException;
        String text = refused ? FieldRefusal.of((BadInputException) error, FIELDS) : FailureText.of(error);
        refuse(what + (refused ? " refused" : " failed"), text);
    }

    private void refuse(String title, String text) {
        error(title + ": " + text);
        onRefused.accept(title, text);
    }

    private void info(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    public void dismissMessage() {
        message.set("");
    }

    /** Where a refusal's dialog is shown: the title and the one-line reason. */
    public void setOnRefused(BiConsumer<String, String> handler) {
        this.onRefused = handler;
    }

    /** Stops the job for good: the project is closing (a training half-way stores nothing). */
    public void dispose() {
        job.cancel();
        loads.dropAll();
        engineLoads.dropAll();
    }

    // ---- properties ----

    public ObjectProperty<DeviceChoice> deviceProperty() {
        return device;
    }

    public ObservableList<DeviceChoice> devices() {
        return devices;
    }

    /** "Models run on PyTorch 2.5.1 (DJL 0.31.0, cpu natives) on cpu", or why the chosen device cannot be used. */
    public ReadOnlyStringProperty engineLineProperty() {
        return engineLine.getReadOnlyProperty();
    }

    /** True once the engine answered for the chosen device: Train and Predict may run. */
    public ReadOnlyBooleanProperty engineReadyProperty() {
        return engineReady.getReadOnlyProperty();
    }

    /** True when the chosen device cannot be used (gpu where there is none): the line says why. */
    public ReadOnlyBooleanProperty engineFailedProperty() {
        return engineFailed.getReadOnlyProperty();
    }

    /** True while the model list is being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty modelNameProperty() {
        return modelName;
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObservableList<StoredModel> models() {
        return models;
    }

    public ReadOnlyObjectProperty<StoredModel> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<ModelText.Detail> details() {
        return details;
    }

    public EpochChart chart() {
        return chart;
    }

    public ReadOnlyStringProperty chartTitleProperty() {
        return chartTitle.getReadOnlyProperty();
    }

    /** True while a training runs and its epochs are drawn in the chart. */
    public ReadOnlyBooleanProperty trainingProperty() {
        return trainingNow.getReadOnlyProperty();
    }

    public ObservableList<ItemSelection> itemChoices() {
        return itemChoices;
    }

    public ObjectProperty<ItemSelection> itemsProperty() {
        return items;
    }

    public StringProperty runNameProperty() {
        return runName;
    }

    public StringProperty foldsProperty() {
        return folds;
    }

    /** The out-of-fold run's name: "MODEL-cv" until the user types one. */
    public StringProperty foldsRunNameProperty() {
        return foldsRunName;
    }

    public ReadOnlyBooleanProperty jobRunningProperty() {
        return job.runningProperty();
    }

    public ReadOnlyDoubleProperty jobProgressProperty() {
        return job.progressProperty();
    }

    /** The job's step: "Epoch 3 of 10: loss 0.412, dev accuracy 0.871". */
    public ReadOnlyStringProperty jobMessageProperty() {
        return job.messageProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }
}
