package org.labelbench.ui.disagreements;

import org.labelbench.agreement.Disagreement;
import org.labelbench.ui.paging.Slot;

/**
 * One position of the disagreement list: the item's details, or only its id while its page is
 * being read. A value, so a placeholder equals the next placeholder for the same position.
 */
public record DisagreementSlot(int index, long itemId, Disagreement disagreement) implements Slot<Disagreement> {

    @Override
    public Disagreement row() {
        return disagreement;
    }
}
