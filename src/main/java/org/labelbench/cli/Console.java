package org.labelbench.cli;

import java.io.PrintWriter;

/** Where a command writes: JSON on stdout with --json, human text otherwise; messages on stderr. */
final class Console {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;

    Console(PrintWriter out, PrintWriter err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** True on a terminal: progress bars are drawn only there. */
    boolean interactive() {
        return interactive;
    }

    void json(Object value) {
        out.println(JsonText.of(value));
        out.flush();
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }
}
