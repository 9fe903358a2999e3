package org.labelbench.analysis;

/**
 * One token of a rule expression: its kind, its text as typed, and the 1-based column where it
 * starts (what error messages point at). {@code value} is a string literal's unescaped content or
 * a number literal's value (Long or Double); null otherwise.
 */
record RuleToken(Kind kind, String text, Object value, int column) {
    enum Kind {
        WORD, STRING, NUMBER, OPERATOR, OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, COMMA, DOT, END
    }

    boolean is(Kind wanted) {
        return kind == wanted;
    }

    /** A word compared without regard to case: keywords may be typed AND or and. */
    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** How a message quotes the token: "the end" for the end of the expression. */
    String quoted() {
        return kind == Kind.END ? "the end" : kind == Kind.STRING ? text : "'" + text + "'";
    }
}
