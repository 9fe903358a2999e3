package org.labelbench.analysis;

import java.util.ArrayList;
import java.util.List;
import org.labelbench.analysis.RuleToken.Kind;

/**
 * Splits a rule expression into tokens: words, double-quoted strings (with {@code \"} and
 * {@code \\} escapes), numbers, comparison operators and punctuation. Columns are 1-based.
 */
final class RuleTokenizer {
    private final String text;
    private int position;

    private RuleTokenizer(String text) {
        this.text = text;
    }

    static List<RuleToken> tokens(String text) {
        return new RuleTokenizer(text).all();
    }

    private List<RuleToken> all() {
        List<RuleToken> tokens = new ArrayList<>();
        while (true) {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            if (position >= text.length()) {
                tokens.add(new RuleToken(Kind.END, "", null, text.length() + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private RuleToken next() {
        int start = position;
        char c = text.charAt(position);
        if (c == '"') {
            return string();
        }
        if (isDigit(c) || c == '-' && position + 1 < text.length() && isDigit(text.charAt(position + 1))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            while (position < text.length()
                    && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                position++;
            }
            return token(Kind.WORD, start);
        }
        String two = text.substring(position, Math.min(position + 2, text.length()));
        if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=")) {
            position += 2;
            return token(Kind.OPERATOR, start);
        }
        position++;
        return switch (c) {
            case '<', '>' -> token(Kind.OPERATOR, start);
            case '(' -> token(Kind.OPEN_PAREN, start);
            case ')' -> token(Kind.CLOSE_PAREN, start);
            case '[' -> token(Kind.OPEN_BRACKET, start);
            case ']' -> token(Kind.CLOSE_BRACKET, start);
            case ',' -> token(Kind.COMMA, start);
            case '.' -> token(Kind.DOT, start);
            case '=' -> throw RuleError.of(text, "expected '==' to compare at column " + (start + 1) + ", found '='");
            case '!' -> throw RuleError.of(text, "expected '!=' at column " + (start + 1)
                    + " (write 'not' to negate)");
            default -> throw RuleError.of(text, "unexpected character '" + c + "' at column " + (start + 1));
        };
    }

    private RuleToken token(Kind kind, int start) {
        return new RuleToken(kind, text.substring(start, position), null, start + 1);
    }

    private RuleToken string() {
        int start = position;
        StringBuilder value = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return new RuleToken(Kind.STRING, text.substring(start, position), value.toString(), start + 1);
            }
            if (c == '\\' && position < text.length()
                    && (text.charAt(position) == '"' || text.charAt(position) == '\\')) {
                c = text.charAt(position++);
            }
            value.append(c);
        }
        throw RuleError.of(text, "expected '\"' to close the string that starts at column " + (start + 1)
                + ", at column " + (text.length() + 1));
    }

    private RuleToken number() {
        int start = position;
        if (text.charAt(position) == '-') {
            position++;
        }
        digits();
        boolean decimal = false;
        if (position < text.length() && text.charAt(position) == '.') {
            decimal = true;
            position++;
            digits();
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int mark = position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            if (position < text.length() && isDigit(text.charAt(position))) {
                decimal = true;
                digits();
            } else {
                position = mark;
            }
        }
        String literal = text.substring(start, position);
        Object value;
        if (decimal) {
            value = Double.parseDouble(literal);
        } else {
            try {
                value = Long.parseLong(literal);
            } catch (NumberFormatException tooLong) {
                value = Double.parseDouble(literal);
            }
        }
        return new RuleToken(Kind.NUMBER, literal, value, start + 1);
    }

    private void digits() {
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
    }

    /** ASCII digits only: the digits Java parses as a number. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
