package org.labelbench.project;

/**
 * Text a user gave (a rule, a key, a path from a manifest) made fit to quote in a one-line
 * message: line breaks and other control characters shown as escapes, and a long text cut to its
 * start. A refusal that quoted a quoted CSV cell's line break would otherwise print two lines.
 */
public final class OneLine {
    private OneLine() {
    }

    /** {@code text} on one line, at most {@code limit} characters of it (then "…"). */
    public static String of(String text, int limit) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        text.codePoints().limit(limit).forEach(c -> {
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
        return text.codePointCount(0, text.length()) > limit ? line + "…" : line.toString();
    }
}
