package org.labelbench.ui.dialogs;

import java.util.Map;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;

/**
 * A refusal as a form shows it: a bad value the form has a field for is named by that field's
 * label ("Name 'no/slashes': ..."), the way the CLI names its option; any other refusal keeps
 * the core's words, which say what the value is without naming a face.
 */
public final class FieldRefusal {
    private FieldRefusal() {
    }

    /** {@code refusal}'s text, with {@code labels} (a value's subject → its field's label). */
    public static String of(BadInputException refusal, Map<String, String> labels) {
        if (refusal instanceof BadValueException bad && labels.containsKey(bad.subject())) {
            return bad.namedAs(labels.get(bad.subject()));
        }
        return refusal.getMessage();
    }
}
