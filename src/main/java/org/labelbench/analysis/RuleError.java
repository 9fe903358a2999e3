package org.labelbench.analysis;

import org.labelbench.project.BadInputException;

/** The one-line message of a rule the user must fix: the rule as typed, then what is wrong and where. */
final class RuleError {
    private RuleError() {
    }

    /** Rules longer than this are quoted by their start: the message stays one readable line. */
    private static final int QUOTED = 100;

    static BadInputException of(String rule, String detail) {
        return new BadInputException("rule '" + quoted(rule) + "': " + detail);
    }

    /** The rule as typed, on one line: line breaks and other control characters shown as escapes. */
    static String quoted(String rule) {
        StringBuilder line = new StringBuilder();
        rule.codePoints().limit(QUOTED).forEach(c -> {
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format("\\u%04x", c));
                    } else {
                        line.appendCodePoint(c);
                    }
                }
            }
        });
        return rule.codePointCount(0, rule.length()) > QUOTED ? line + "…" : line.toString();
    }
}
