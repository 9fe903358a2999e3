package org.labelbench.ui.label;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelbench.labeling.QueueTask;
import org.labelbench.labeling.SubmittedLabel;
import org.labelbench.project.CurrentLabel;
import org.labelbench.ui.DisplayFormats;

/**
 * The lines above the item: the queue's name, where the labeler is and how far the queue is
 * ("item 57 · 56 done by you · 12 % of queue"), the item's key, the labeler's earlier answer,
 * others' labels and the attributes. The counts are kept from the answers, so a key press never
 * asks SQLite for them. FX thread only.
 */
public final class LabelingHeader {
    private final ReadOnlyStringWrapper queueName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper itemKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ownLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper othersLabels = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper attributes = new ReadOnlyStringWrapper("");
    private long finishedByMe;
    private long labelsDone;
    private long labelsWanted;

    /** A queue was opened: its name and counts as read then. */
    void opened(String queue, long finishedByThem, long done, long wanted) {
        queueName.set(queue);
        finishedByMe = finishedByThem;
        labelsDone = done;
        labelsWanted = wanted;
    }

    /**
     * An answer moved {@code from} out of its old state: a label counts once (a relabel not
     * again), and a skip is not a label, so skipping a labeled item takes one back.
     */
    void answered(QueueTask from, boolean skip) {
        long change = (skip ? 0 : 1) - ("done".equals(from.state()) ? 1 : 0);
        finishedByMe += change;
        labelsDone += change;
    }

    /** The lines for {@code task}; null: the queue is done for this labeler. */
    void show(QueueTask task) {
        String done = DisplayFormats.count(finishedByMe) + " done by you · " + percentText(labelsDone, labelsWanted)
                + " % of queue";
        if (task == null) {
            position.set("Queue done · " + done);
            itemKey.set("");
            ownLabel.set("");
            othersLabels.set("");
            attributes.set("");
            return;
        }
        position.set("item " + DisplayFormats.count(task.seq()) + " · " + done);
        itemKey.set(task.item().key());
        ownLabel.set(ownText(task.own()));
        othersLabels.set(othersText(task.othersLabels()));
        attributes.set(task.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" · ")));
    }

    /** What the screen says in place of an item once the queue is done. */
    String doneMessage() {
        return "Queue done: nothing more for you in '" + queueName.get()
                + "'. Backspace goes back to your last item; Escape returns to the queues.";
    }

    /** Rounded down, so 100 means complete: "12", and "0.5" below 10 % so early progress shows. */
    static String percentText(long done, long wanted) {
        if (wanted <= 0 || done >= wanted) {
            return "100";
        }
        long tenths = Math.max(0, done) * 1000 / wanted;
        return tenths >= 100 || tenths == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }

    private static String othersText(List<CurrentLabel> others) {
        if (others.isEmpty()) {
            return "";
        }
        return "Others said: " + others.stream().map(l -> l.annotator() + " → " + l.label())
                .collect(Collectors.joining(" · "));
    }

    private static String ownText(SubmittedLabel own) {
        if (own == null) {
            return "";
        }
        if (own.isSkip()) {
            return "You skipped it: " + own.skipReason();
        }
        String classesText = own.classes().isEmpty() ? "none apply" : String.join(", ", own.classes());
        return "Your label: " + classesText + (own.unsure() ? " (unsure)" : "");
    }

    public ReadOnlyStringProperty queueNameProperty() {
        return queueName.getReadOnlyProperty();
    }

    /** "item 57 · 56 done by you · 12 % of queue", or "Queue done · …". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty itemKeyProperty() {
        return itemKey.getReadOnlyProperty();
    }

    /** On an item labeled before: "Your label: coat", or "You skipped it: bad media". */
    public ReadOnlyStringProperty ownLabelProperty() {
        return ownLabel.getReadOnlyProperty();
    }

    /** In a disagreement queue: "Others said: ana → coat · ben → shirt". */
    public ReadOnlyStringProperty othersLabelsProperty() {
        return othersLabels.getReadOnlyProperty();
    }

    /** The item's attributes, "speaker=s1 · device=phone". */
    public ReadOnlyStringProperty attributesProperty() {
        return attributes.getReadOnlyProperty();
    }
}
