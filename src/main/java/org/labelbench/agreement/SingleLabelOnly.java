package org.labelbench.agreement;

import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.Transaction;

/**
 * The one refusal of work that needs one class per item (disagreements, adjudication, error
 * analysis, metrics...) in a multi-label project, worded the same in the CLI and on every screen.
 * Agreement and HLP are not refused: they are measured per class there.
 */
public final class SingleLabelOnly {
    private SingleLabelOnly() {
    }

    /**
     * The refusal of {@code what} ("error analysis", "adjudication"), e.g. "Labelbench does not
     * offer error analysis for multi-label projects yet, only for single-label ones".
     */
    public static String refusal(String what) {
        return "Labelbench does not offer " + what + " for multi-label projects yet, only for single-label ones";
    }

    /** Refuses {@code what} with {@link #refusal} when the project is multi-label. */
    public static void require(Transaction tx, String what) {
        if (ProjectMeta.isMultiLabel(tx)) {
            throw new BadInputException(refusal(what));
        }
    }
}
