package org.labelbench.analysis;

import org.labelbench.project.BadInputException;
import org.labelbench.project.OneLine;

/** The one-line message of a rule the user must fix: the rule as typed, then what is wrong and where. */
final class RuleError {
    private RuleError() {
    }

    /** Rules longer than this are quoted by their start: the message stays one readable line. */
    private static final int QUOTED = 100;

    static BadInputException of(String rule, String detail) {
        return new BadInputException("rule '" + OneLine.of(rule, QUOTED) + "': " + detail);
    }
}
