package org.labelbench.project;

/**
 * Told, inside the write transaction, that an item's labels changed (a label submitted in a
 * queue, a gold set). Rule tags over labels use it to follow the label in the same commit;
 * labeling and adjudication sit below the tag services, so they take it as a parameter.
 */
@FunctionalInterface
public interface LabelChangeListener {
    LabelChangeListener NONE = (tx, item) -> {
    };

    void labelsChanged(Transaction tx, long item);
}
