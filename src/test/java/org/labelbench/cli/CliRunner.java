package org.labelbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what a terminal would show. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabelbenchCli.execute(args, new PrintWriter(out), new PrintWriter(err), project -> {
            throw new AssertionError("tests never open a window");
        });
        return new Result(code, out.toString(), err.toString());
    }
}
