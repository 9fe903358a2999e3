package org.labelbench.ui.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.PredictionService;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.assist.ModelCatalog;
import org.labelbench.assist.RetrainingSchedule;
import org.labelbench.assist.ScheduledRetraining;
import org.labelbench.assist.StoredModel;
import org.labelbench.labeling.AnnotatorProgress;
import org.labelbench.labeling.ItemPriority;
import org.labelbench.labeling.Queue;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueProgress;
import org.labelbench.labeling.QueueService;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.PredictionRepository.PredictionRun;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.TagRepository;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.jobs.ExecutorJobRunner;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.jobs.ShownJob;

/**
 * The project's queues with their progress, the selected queue's annotators (done, skipped,
 * pace), and creating a queue. Reads run on the reads executor; creating a queue is a job (it
 * may write a million rows), with its progress and a cancel that leaves no queue behind.
 */
public final class QueueListViewModel {
    /** The attribute-value box offers at most this many values. */
    private static final int ATTRIBUTE_VALUES_SHOWN = 1_000;

    private final ProjectStore store;
    private final UiExecutors executors;
    private final QueueService queueService = new QueueService();
    private final ItemRepository items = new ItemRepository();
    private final TagRepository tags = new TagRepository();
    private final PredictionService predictions = new PredictionService();
    private final ScheduledRetraining schedules = new ScheduledRetraining();
    /** Each queue's background retraining, read with the queues (FX thread only). */
    private final Map<String, RetrainingSchedule> retraining = new HashMap<>();

    private final ObservableList<QueueProgress> queues = FXCollections.observableArrayList();
    private final ObjectProperty<QueueProgress> selected = new SimpleObjectProperty<>();
    private final ObservableList<AnnotatorProgress> annotators = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    /** The queue being created, as the New queue form shows it. */
    private final ShownJob job;
    /** An older refresh's answer arriving late is dropped. */
    private final BackgroundCall.Latest refreshing = new BackgroundCall.Latest();

    /**
     * For view-model tests over plain executors: queues are created on {@code executors.reads()},
     * which the workbench never does (it passes its {@link JobRunner}).
     */
    QueueListViewModel(ProjectStore store, UiExecutors executors) {
        this(store, executors, new ExecutorJobRunner(executors.reads(), executors.fx()));
    }

    public QueueListViewModel(ProjectStore store, UiExecutors executors, JobRunner jobs) {
        this.store = store;
        this.executors = executors;
        this.job = new ShownJob(jobs);
        selected.addListener((observable, was, now) -> annotators.setAll(now == null ? List.of() : now.annotators()));
    }

    /** Reads the queues and their progress again; keeps the selection (by name), or selects {@code select}. */
    public void refresh() {
        refresh(null);
    }

    private void refresh(String select) {
        loading.set(true);
        BackgroundCall.of(() -> {
            List<QueueProgress> read = new ArrayList<>();
            Map<String, RetrainingSchedule> retrains = new HashMap<>();
            for (Queue queue : queueService.list(store)) {
                read.add(queueService.progress(store, queue.name()));
                schedules.find(store, queue.name()).ifPresent(s -> retrains.put(queue.name(), s));
            }
            return new Read(read, retrains);
        }).onSuccess(both -> {
            List<QueueProgress> read = both.queues();
            retraining.clear();
            retraining.putAll(both.retraining());
            loading.set(false);
            String keep = select != null ? select : selected.get() == null ? null : selected.get().queue().name();
            queues.setAll(read);
            summary.set(read.isEmpty() ? "No queues yet. Create one with New queue…"
                    : DisplayFormats.count(read.size(), "queue", "queues"));
            QueueProgress again = read.stream().filter(q -> q.queue().name().equals(keep)).findFirst()
                    .orElse(read.isEmpty() ? null : read.get(0));
            selected.set(again);
        }).onFailure(failure -> {
            loading.set(false);
            error("Cannot read the queues: " + FailureText.of(failure));
        }).unlessStale(refreshing.next()).runOn(executors);
    }

    private record Read(List<QueueProgress> queues, Map<String, RetrainingSchedule> retraining) {
    }

    /** A blank form for the New queue dialog; the project's attribute names arrive in it shortly. */
    public NewQueueForm newForm() {
        NewQueueForm form = new NewQueueForm();
        BackgroundCall.of(() -> store.read(items::attributeNames))
                .onSuccess(names -> form.attributeNames().addAll(names))
                .onFailure(failure -> form.showError("Cannot read the attribute names: " + FailureText.of(failure)))
                .runOn(executors);
        BackgroundCall.of(() -> store.read(tx -> tags.list(tx).stream().map(TagRepository.TagInfo::name).toList()))
                .onSuccess(names -> form.tagNames().setAll(names))
                .onFailure(failure -> form.showError("Cannot read the tags: " + FailureText.of(failure)))
                .runOn(executors);
        BackgroundCall.of(() -> predictions.runs(store))
                .onSuccess(runs -> {
                    form.uncertaintyRuns().setAll(runs.stream().filter(run -> run.classes() != null)
                            .map(PredictionRun::name).toList());
                    form.suggestionRuns().setAll(runs.stream().map(PredictionRun::name).toList());
                })
                .onFailure(failure -> form.showError("Cannot read the prediction runs: " + FailureText.of(failure)))
                .runOn(executors);
        form.attributeNameProperty().addListener((observable, was, name) -> loadValues(form, name));
        return form;
    }

    private void loadValues(NewQueueForm form, String name) {
        form.attributeValues().clear();
        form.attributeValueProperty().set("");
        if (name == null || NewQueueForm.ANY_ATTRIBUTE.equals(name)) {
            return;
        }
        BackgroundCall.of(() -> store.read(tx -> items.attributeValues(tx, name, ATTRIBUTE_VALUES_SHOWN)))
                .onSuccess(form.attributeValues()::setAll)
                .onFailure(failure -> form.showError("Cannot read the values of '" + name + "': "
                        + FailureText.of(failure)))
                .unlessStale(() -> name.equals(form.attributeNameProperty().get()))
                .runOn(executors);
    }

    /**
     * Creates the queue the form describes, as a job. Completes with true once it exists (and is
     * selected); with false when the core refused it or it was cancelled, the form then showing
     * the one-line reason. A refused or cancelled queue changes nothing. Ignored (false) while
     * another queue is being created.
     */
    public CompletionStage<Boolean> create(NewQueueForm form, String createdBy) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        QueueDefinition definition;
        ItemPriority priority;
        try {
            definition = form.definition();
            priority = form.priority();
        } catch (RuntimeException e) {
            form.showError(e.getMessage());
            done.complete(false);
            return done;
        }
        if (job.runningProperty().get()) {
            done.complete(false);
            return done;
        }
        form.showError("");
        job.start("Creating queue '" + definition.name() + "'…",
                context -> queueService.create(store, definition, createdBy, priority, context),
                new ShownJob.Outcome<Queue>() {
                    @Override
                    public void succeeded(Queue queue) {
                        info("Created queue '" + queue.name() + "': "
                                + DisplayFormats.count(queue.items(), "item", "items"));
                        refresh(queue.name());
                        done.complete(true);
                    }

                    @Override
                    public void cancelled() {
                        form.showError("Cancelled: queue '" + definition.name() + "' was not created");
                        done.complete(false);
                    }

                    @Override
                    public void failed(Throwable error) {
                        form.showError(FailureText.of(error));
                        done.complete(false);
                    }
                });
        return done;
    }

    /**
     * The Retraining dialog's form for {@code queue}: the trained models and the queue's schedule
     * arrive in it shortly.
     */
    public RetrainingForm retrainingForm(String queue) {
        RetrainingForm form = new RetrainingForm(queue);
        BackgroundCall.of(() -> new Retraining(ModelCatalog.list(store).stream()
                        .filter(model -> StoredModel.TRAINED.equals(model.origin())).map(StoredModel::name).toList(),
                        schedules.find(store, queue)))
                .onSuccess(read -> {
                    read.schedule().ifPresent(form::showSchedule);
                    form.showModels(read.trained());
                })
                .onFailure(failure -> form.showError("Cannot read the models: " + FailureText.of(failure)))
                .runOn(executors);
        return form;
    }

    private record Retraining(List<String> trained, Optional<RetrainingSchedule> schedule) {
    }

    /**
     * Sets the form's retraining on its queue (the count of labels starts now). Completes with
     * true once stored; with false when refused, the form then showing the one-line reason.
     */
    public CompletionStage<Boolean> saveRetraining(RetrainingForm form, String author) {
        String model = form.modelProperty().get();
        if (model == null || model.isBlank()) {
            form.showError("Choose the model to retrain");
            return CompletableFuture.completedFuture(false);
        }
        int every = form.everyProperty().get();
        Uncertainty measure = form.uncertaintyProperty().get();
        return changeRetraining(form, () -> schedules.set(store, form.queue(), model, every, measure, author),
                String.format(java.util.Locale.ROOT, "Queue '%s' retrains '%s' in the background every %s, while it"
                        + " is labeled", form.queue(), model, DisplayFormats.count(every, "label", "labels")));
    }

    /** Turns the queue's background retraining off. */
    public CompletionStage<Boolean> stopRetraining(RetrainingForm form) {
        return changeRetraining(form, () -> schedules.off(store, form.queue()),
                "Queue '" + form.queue() + "' no longer retrains in the background");
    }

    /** Stores a change of the form's queue in the background; says {@code done} and reads the queues again. */
    private CompletionStage<Boolean> changeRetraining(RetrainingForm form, java.util.function.Supplier<?> change,
            String said) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        BackgroundCall.of(change)
                .onSuccess(changed -> {
                    info(said);
                    refresh(form.queue());
                    done.complete(true);
                })
                .onFailure(failure -> {
                    form.showError(FailureText.of(failure));
                    done.complete(false);
                })
                .runOn(executors);
        return done;
    }

    /** "m1 every 50" for a queue that retrains in the background; "—" for one that does not. */
    public String retrainingOf(String queue) {
        RetrainingSchedule schedule = retraining.get(queue);
        return schedule == null ? "—" : "'" + schedule.model() + "' every " + DisplayFormats.count(schedule.everyLabels());
    }

    /** Asks the queue being created to stop; its transaction is rolled back and nothing is left. */
    public void cancelCreate() {
        job.cancel();
    }

    /** True while a queue is being created. */
    public ReadOnlyBooleanProperty creatingProperty() {
        return job.runningProperty();
    }

    /** How far the queue being created is written, 0 to 1; negative while its items are chosen. */
    public ReadOnlyDoubleProperty creatingProgressProperty() {
        return job.progressProperty();
    }

    /** What the queue being created is doing now. */
    public ReadOnlyStringProperty creatingMessageProperty() {
        return job.messageProperty();
    }

    public void info(String text) {
        message.set(text);
        messageIsError.set(false);
    }

    public void error(String text) {
        message.set(text);
        messageIsError.set(true);
    }

    public ObservableList<QueueProgress> queues() {
        return queues;
    }

    public ObjectProperty<QueueProgress> selectedProperty() {
        return selected;
    }

    /** The selected queue's annotators, by name. */
    public ObservableList<AnnotatorProgress> annotators() {
        return annotators;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "3 queues", or how to make the first one. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
