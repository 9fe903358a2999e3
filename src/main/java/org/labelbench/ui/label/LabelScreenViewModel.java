package org.labelbench.ui.label;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.jobs.JobRunner;
import org.labelbench.ui.preview.MediaFiles;

/**
 * The Label page: the queue list, or one queue being labeled, and who is labeling. The labeler
 * is remembered between sessions ({@link LabelerFile}); the first start asks for it.
 */
public final class LabelScreenViewModel {
    private final QueueListViewModel queueList;
    private final LabelingViewModel labeling;
    private final LabelerFile labelerFile;
    private final ReadOnlyObjectWrapper<Labeler> labeler = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper labelerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper labelingShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();
    private String openQueue;
    private Runnable onLabelsChanged = () -> { };

    public LabelScreenViewModel(ProjectStore store, MediaFiles media, UiExecutors executors, JobRunner jobs,
            LabelerFile labelerFile) {
        this(new QueueListViewModel(store, executors, jobs), new LabelingViewModel(store, media, executors, jobs),
                labelerFile);
    }

    LabelScreenViewModel(QueueListViewModel queueList, LabelingViewModel labeling, LabelerFile labelerFile) {
        this.queueList = queueList;
        this.labeling = labeling;
        this.labelerFile = labelerFile;
        labeler.addListener((observable, was, now) -> labelerText.set(now == null ? "Not signed in"
                : "Labeling as " + now.describe()));
        labeler.set(labelerFile.load().orElse(null));
        labelerText.set(labeler.get() == null ? "Not signed in" : "Labeling as " + labeler.get().describe());
    }

    /** Remembers who labels from now on; reopens the queue being labeled under the new name. */
    public void setLabeler(Labeler who) {
        labeler.set(who);
        labelerFile.save(who);
        if (labelingShown.get() && openQueue != null) {
            start(openQueue);
        }
    }

    /**
     * Opens {@code queue} for the current labeler and switches to the labeling screen; a refusal
     * (not allowed on this queue, say) stays on the queue list with the reason. Completes with
     * whether the labeling screen is shown.
     */
    public CompletionStage<Boolean> start(String queue) {
        Labeler who = labeler.get();
        if (who == null || queue == null || starting.get()) {
            return CompletableFuture.completedFuture(false);
        }
        starting.set(true);
        queueList.info("Opening '" + queue + "'…");
        return labeling.open(queue, who).handle((opened, error) -> {
            starting.set(false);
            if (error != null && (error instanceof java.util.concurrent.CancellationException
                    || error.getCause() instanceof java.util.concurrent.CancellationException)) {
                queueList.info("");
                return false; // closed, or another queue opened, before this one was ready
            }
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                queueList.error("Cannot label '" + queue + "': " + cause.getMessage());
                labelingShown.set(false);
                openQueue = null;
                return false;
            }
            queueList.info("");
            openQueue = queue;
            labelingShown.set(true);
            return true;
        });
    }

    /** Escape / "Back to queues": closes the session and shows the queues with fresh progress. */
    public void backToQueues() {
        boolean wasLabeling = labelingShown.get();
        labeling.close();
        openQueue = null;
        labelingShown.set(false);
        queueList.refresh();
        if (wasLabeling) {
            onLabelsChanged.run();
        }
    }

    /** Called after a labeling session ended, so views showing labels read them again. */
    public void setOnLabelsChanged(Runnable action) {
        this.onLabelsChanged = action;
    }

    /** The page became visible: fresh progress (another labeler may have worked meanwhile). */
    public void shown() {
        if (!labelingShown.get()) {
            queueList.refresh();
        }
    }

    public void dispose() {
        labeling.dispose();
    }

    public QueueListViewModel queueList() {
        return queueList;
    }

    public LabelingViewModel labeling() {
        return labeling;
    }

    public ReadOnlyObjectProperty<Labeler> labelerProperty() {
        return labeler.getReadOnlyProperty();
    }

    /** "Labeling as ana (labeler)", or "Not signed in". */
    public ReadOnlyStringProperty labelerTextProperty() {
        return labelerText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty labelingShownProperty() {
        return labelingShown.getReadOnlyProperty();
    }

    /** True while a queue is being opened. */
    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }
}
