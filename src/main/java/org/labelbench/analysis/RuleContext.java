package org.labelbench.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule is checked and compiled against: the project's classes (name to id, in schema
 * order), the prediction run its prediction fields read (null when it reads none, or the project
 * has no run), and the attribute names an {@code attr.NAME} may use (null: not checked, as on a
 * refresh, where an attribute no item has any more simply matches nothing).
 */
public record RuleContext(Map<String, Long> classIds, Run run, Set<String> attributes) {

    /** A prediction run; {@code probabilityClasses} are the classes of its probability vectors, in order (empty: none). */
    public record Run(long id, String name, List<String> probabilityClasses) {
    }
}
