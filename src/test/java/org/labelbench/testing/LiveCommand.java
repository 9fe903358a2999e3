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
 * A Labelbench command running in its own JVM while the test does something to its project:
 * its whole stdout lines as they come, its stderr, its exit code.
 */
public final class LiveCommand implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread outReader;
    private final Thread errReader;

    private LiveCommand(Process process) {
        this.process = process;
        this.outReader = new Thread(this::readOut, "live-command-out");
        this.errReader = new Thread(() -> {
            try (InputStream in = process.getErrorStream()) {
                in.transferTo(err);
            } catch (IOException closed) {
                // the process ended
            }
        }, "live-command-err");
        outReader.start();
        errReader.start();
    }

    /** Starts {@code org.labelbench.Main} with {@code arguments} on this test's class path. */
    public static LiveCommand start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.labelbench.Main"));
        command.addAll(List.of(arguments));
        return new LiveCommand(new ProcessBuilder(command).start());
    }

    private void readOut() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    synchronized (lines) {
                        lines.add(line.toString(StandardCharsets.UTF_8));
                        lines.notifyAll();
                    }
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException closed) {
            // the process ended: a line cut off before its newline was never told
        }
        synchronized (lines) {
            lines.notifyAll();
        }
    }

    /** Waits until {@code count} printed lines match; false when the process ended or time ran out first. */
    public boolean awaitLines(Predicate<String> match, int count, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (lines) {
            while (lines.stream().filter(match).count() < count) {
                if (!outReader.isAlive() || System.nanoTime() > deadline) {
                    return false;
                }
                lines.wait(20);
            }
            return true;
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    public int waitFor(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end within " + timeoutSeconds + " s");
        }
        outReader.join(10_000);
        errReader.join(10_000);
        return process.exitValue();
    }

    /** SIGKILL, and waits for it to end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        waitFor(60);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The keys of its {@code committed KEY} lines. */
    public List<String> committedKeys() {
        return lines().stream().filter(l -> l.startsWith("committed ")).map(l -> l.substring("committed ".length()))
                .toList();
    }

    public String stderr() throws InterruptedException {
        errReader.join(10_000);
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
