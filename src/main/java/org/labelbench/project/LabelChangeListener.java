package org.labelbench.project;

/**
 * Told, inside the write transaction and just before it commits, which items' labels it changed
 * (a label submitted in a queue, a gold set, a label file imported, an import's labels). Rule
 * tags over labels use it to follow the labels in the same commit, whoever wrote them.
 *
 * <p>The store finds its listeners with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/org.labelbench.project.LabelChangeListener}), so no caller can forget
 * to wire one: the tag services sit above the store, which cannot name them.
 */
public interface LabelChangeListener {
    void labelsChanged(Transaction tx, LabelChanges changes);
}
