package org.labelbench.analysis;

import java.util.List;

/** A parsed rule expression: a tree of and/or/not over comparisons and true-or-false fields. */
sealed interface RuleNode {

    record Or(List<RuleNode> operands) implements RuleNode {
    }

    record And(List<RuleNode> operands) implements RuleNode {
    }

    record Not(RuleNode operand) implements RuleNode {
    }

    /**
     * {@code field op value}, or {@code field in [values]} (operator "in"). {@code operatorToken}
     * is what the messages about a misplaced value point after.
     */
    record Comparison(FieldRef field, RuleToken operatorToken, List<Literal> values) implements RuleNode {
        String operator() {
            return operatorToken.text().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A true-or-false field standing alone ({@code disagreement}); {@code end} is the column after it. */
    record Flag(FieldRef field, int end) implements RuleNode {
    }

    /** A field as written: {@code argument} is the NAME of attr.NAME or the CLASS of p.CLASS, else null. */
    record FieldRef(RuleField field, String argument, String text, int column) {
    }

    /** A literal: a String, a Long or Double, or a Boolean. */
    record Literal(Object value, RuleToken token) {
        int column() {
            return token.column();
        }
    }
}
