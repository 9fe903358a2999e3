package org.labelbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a peer script with Debian's /usr/bin/python3 (NLTK, numpy), as the benchmarks measure
 * themselves against one in the same run: the words of its last line of output, or why it did
 * not run (no Python, a missing package, a failure), which the figures then say instead.
 */
final class PythonPeer {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** The words of the script's last line, or the reason it gave none. */
    record Outcome(Optional<String[]> words, String unavailable) {
    }

    private PythonPeer() {
    }

    /** Why no peer can run here at all, before any data is written for it; empty when Python is there. */
    static Optional<String> missing() {
        return Files.isExecutable(PYTHON) ? Optional.empty() : Optional.of(PYTHON + " is not installed");
    }

    /** {@code what} names the peer in the reason ("numpy did not run: ..."). */
    static Outcome run(String what, String script, String... arguments) throws IOException {
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            return new Outcome(Optional.empty(), missing.get());
        }
        String[] command = new String[arguments.length + 3];
        command[0] = PYTHON.toString();
        command[1] = "-c";
        command[2] = script;
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String last = output.lines().reduce((a, b) -> b).orElse("");
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                return new Outcome(Optional.empty(), what + " did not run: " + last);
            }
            return new Outcome(Optional.of(last.split(" ")), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Optional.empty(), "interrupted");
        }
    }
}
