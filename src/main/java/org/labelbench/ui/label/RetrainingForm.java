package org.labelbench.ui.label;

import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.assist.RetrainingSchedule;
import org.labelbench.ui.DisplayFormats;

/**
 * What the Retraining dialog edits for one queue: the trained model whose recipe each round
 * reuses, every how many new labels, and how unsure is measured; with the queue's schedule as it
 * stands (read in the background, so the lists fill shortly after the dialog opens).
 */
public final class RetrainingForm {
    /** A round every this many labels unless the queue already says otherwise. */
    static final int DEFAULT_EVERY = 50;

    private final String queue;
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final StringProperty model = new SimpleStringProperty();
    private final IntegerProperty every = new SimpleIntegerProperty(DEFAULT_EVERY);
    private final ObjectProperty<Uncertainty> uncertainty = new SimpleObjectProperty<>(Uncertainty.MARGIN);
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean scheduled;

    RetrainingForm(String queue) {
        this.queue = queue;
    }

    /** The trained models arrived: the first is chosen unless the queue's own model is among them. */
    void showModels(java.util.List<String> trained) {
        models.setAll(trained);
        if (model.get() == null && !trained.isEmpty()) {
            model.set(trained.get(trained.size() - 1)); // the newest: most likely the one just trained
        }
        if (trained.isEmpty()) {
            error.set("No model is trained in this project yet: train one on the Model page first");
        }
    }

    /** The queue's schedule as it stands: the fields start from it. */
    void showSchedule(RetrainingSchedule schedule) {
        scheduled = true;
        model.set(schedule.model());
        every.set(schedule.everyLabels());
        uncertainty.set(schedule.uncertainty());
        current.set(String.format(Locale.ROOT, "Now: retrains '%s' every %s, %s to the next round%s", schedule.model(),
                DisplayFormats.count(schedule.everyLabels(), "label", "labels"),
                DisplayFormats.count(schedule.labelsToNext()),
                schedule.lastModel() == null ? "" : "; the last round made '" + schedule.lastModel() + "'"));
    }

    void showError(String text) {
        error.set(text == null ? "" : text);
    }

    public String queue() {
        return queue;
    }

    /** True when the queue retrains already (Turn off is offered). */
    public boolean isScheduled() {
        return scheduled;
    }

    public ObservableList<String> models() {
        return models;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public IntegerProperty everyProperty() {
        return every;
    }

    public ObjectProperty<Uncertainty> uncertaintyProperty() {
        return uncertainty;
    }

    /** The queue's schedule in words; empty when it retrains nothing. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Why the last save was refused, or why nothing can be set; empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
