package org.labelbench.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Labelbench command in its own JVM ({@code org.labelbench.Main} on this test's class path),
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux: no shutdown hook, no close)
 * after a delay or once a line it printed matches. What it printed is kept line by line, and only
 * whole lines count: a line the kill cut off before its newline was never told.
 */
public final class KilledCommand {
    /** The lines it finished printing; {@code killedAlive}: it was still running when the kill came. */
    public record Outcome(List<String> lines, boolean killedAlive, int exitCode) {
    }

    private KilledCommand() {
    }

    /**
     * Runs the command and kills it {@code delayMillis} after its start, or as soon as a printed line
     * matches {@code killOn} (null: none), whichever comes first; stderr is thrown away.
     */
    public static Outcome run(long delayMillis, Predicate<String> killOn, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.labelbench.Main"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        Object matched = new Object();
        boolean[] sawMatch = {false};
        Thread reader = new Thread(() -> readWholeLines(process.getInputStream(), line -> {
            synchronized (matched) {
                lines.add(line);
                if (killOn != null && killOn.test(line)) {
                    sawMatch[0] = true;
                    matched.notifyAll();
                }
            }
        }), "killed-command-output");
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        synchronized (matched) {
            while (!sawMatch[0] && process.isAlive()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                matched.wait(Math.min(left, 20));
            }
        }
        boolean alive = process.isAlive();
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the killed process did not end");
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        synchronized (matched) {
            return new Outcome(List.copyOf(lines), alive, process.exitValue());
        }
    }

    private static void readWholeLines(InputStream in, java.util.function.Consumer<String> sink) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (in) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    sink.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException closed) {
            // the process died: what was read so far is all it told
        }
    }
}
