package org.labelbench.project;

import java.io.UncheckedIOException;

/**
 * What is wrong with a CSV file, in the user's words, from what Commons CSV threw: its own
 * reason without the wrapping class names and "(startline N)", the two common ones said plainly.
 */
public final class CsvProblem {
    private CsvProblem() {
    }

    public static String of(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
        message = message.replaceFirst("^\\(startline \\d+\\) ", "");
        if (message.startsWith("EOF reached before encapsulated token finished")) {
            return "a quoted cell is never closed (a \" without its closing \")";
        }
        if (message.startsWith("Invalid character between encapsulated token and delimiter")) {
            return "text after a quoted cell's closing \" (quote a \" inside a cell as \"\")";
        }
        return OneLine.of(message, 160);
    }
}
