package org.labelbench.analysis;

import org.labelbench.project.BadInputException;

/** The one-line message of a rule the user must fix: the rule as typed, then what is wrong and where. */
final class RuleError {
    private RuleError() {
    }

    static BadInputException of(String rule, String detail) {
        return new BadInputException("rule '" + rule + "': " + detail);
    }
}
