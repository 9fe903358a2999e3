package org.labelbench.analysis;

import org.labelbench.project.LabelChangeListener;
import org.labelbench.project.LabelChanges;
import org.labelbench.project.Transaction;

/**
 * Keeps rule tags over labels ("disagreement", {@code label == cat}, ...) current in the very
 * transaction that changed the labels: for just those items after a few answers (a handful of
 * index lookups per rule), every label rule over the whole project after a bulk change. The store
 * calls it for every write that appended annotations (see {@link LabelChangeListener}).
 */
public final class RuleTagsFollowLabels implements LabelChangeListener {
    private final RuleTagService rules = new RuleTagService();

    @Override
    public void labelsChanged(Transaction tx, LabelChanges changes) {
        if (changes.many()) {
            rules.refreshLabelRules(tx);
        } else {
            rules.refreshItems(tx, changes.items());
        }
    }
}
