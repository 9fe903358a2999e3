package org.labelbench.ui.label;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.labeling.AnnotatorProgress;
import org.labelbench.labeling.Queue;
import org.labelbench.labeling.QueueDefinition;
import org.labelbench.labeling.QueueProgress;
import org.labelbench.labeling.QueueService;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.DisplayFormats;
import org.labelbench.ui.UiExecutors;

/**
 * The project's queues with their progress, the selected queue's annotators (done, skipped,
 * pace), and creating a queue. Reads and the creating write run on the reads executor.
 */
public final class QueueListViewModel {
    /** The attribute-value box offers at most this many values. */
    private static final int ATTRIBUTE_VALUES_SHOWN = 1_000;

    private final ProjectStore store;
    private final UiExecutors executors;
    private final QueueService queueService = new QueueService();
    private final ItemRepository items = new ItemRepository();

    private final ObservableList<QueueProgress> queues = FXCollections.observableArrayList();
    private final ObjectProperty<QueueProgress> selected = new SimpleObjectProperty<>();
    private final ObservableList<AnnotatorProgress> annotators = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    /** Bumped per refresh: an older answer arriving late is dropped. */
    private long refreshing;

    public QueueListViewModel(ProjectStore store, UiExecutors executors) {
        this.store = store;
        this.executors = executors;
        selected.addListener((observable, was, now) -> annotators.setAll(now == null ? List.of() : now.annotators()));
    }

    /** Reads the queues and their progress again; keeps the selection (by name), or selects {@code select}. */
    public void refresh() {
        refresh(null);
    }

    private void refresh(String select) {
        long token = ++refreshing;
        loading.set(true);
        executors.reads().execute(() -> {
            List<QueueProgress> read = new ArrayList<>();
            String failure = null;
            try {
                for (Queue queue : queueService.list(store)) {
                    read.add(queueService.progress(store, queue.name()));
                }
            } catch (RuntimeException e) {
                failure = "Cannot read the queues: " + e.getMessage();
            }
            String failed = failure;
            executors.fx().execute(() -> {
                if (token != refreshing) {
                    return;
                }
                loading.set(false);
                if (failed != null) {
                    error(failed);
                    return;
                }
                String keep = select != null ? select : selected.get() == null ? null : selected.get().queue().name();
                queues.setAll(read);
                summary.set(read.isEmpty() ? "No queues yet. Create one with New queue…"
                        : DisplayFormats.count(read.size(), "queue", "queues"));
                QueueProgress again = read.stream().filter(q -> q.queue().name().equals(keep)).findFirst()
                        .orElse(read.isEmpty() ? null : read.get(0));
                selected.set(again);
            });
        });
    }

    /** A blank form for the New queue dialog; the project's attribute names arrive in it shortly. */
    public NewQueueForm newForm() {
        NewQueueForm form = new NewQueueForm();
        executors.reads().execute(() -> {
            try {
                List<String> names = store.read(items::attributeNames);
                executors.fx().execute(() -> form.attributeNames().addAll(names));
            } catch (RuntimeException e) {
                // the filter offers no attributes; the queue can still be made
            }
        });
        form.attributeNameProperty().addListener((observable, was, name) -> loadValues(form, name));
        return form;
    }

    private void loadValues(NewQueueForm form, String name) {
        form.attributeValues().clear();
        form.attributeValueProperty().set("");
        if (name == null || NewQueueForm.ANY_ATTRIBUTE.equals(name)) {
            return;
        }
        executors.reads().execute(() -> {
            try {
                List<String> values = store.read(c -> items.attributeValues(c, name, ATTRIBUTE_VALUES_SHOWN));
                executors.fx().execute(() -> {
                    if (name.equals(form.attributeNameProperty().get())) {
                        form.attributeValues().setAll(values);
                    }
                });
            } catch (RuntimeException e) {
                // the value can still be typed
            }
        });
    }

    /**
     * Creates the queue the form describes. Completes with true once it exists (and is selected);
     * with false when the core refused it, the form then showing the one-line reason. Nothing is
     * changed by a refused queue.
     */
    public CompletionStage<Boolean> create(NewQueueForm form, String createdBy) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        QueueDefinition definition;
        try {
            definition = form.definition();
        } catch (RuntimeException e) {
            form.showError(e.getMessage());
            done.complete(false);
            return done;
        }
        form.showError("");
        executors.reads().execute(() -> {
            try {
                Queue queue = queueService.create(store, definition, createdBy);
                executors.fx().execute(() -> {
                    info("Created queue '" + queue.name() + "': " + DisplayFormats.count(queue.items(), "item", "items"));
                    refresh(queue.name());
                    done.complete(true);
                });
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                executors.fx().execute(() -> {
                    form.showError(reason);
                    done.complete(false);
                });
            }
        });
        return done;
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
