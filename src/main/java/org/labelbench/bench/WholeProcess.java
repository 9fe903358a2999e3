package org.labelbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Labelbench command as its own process, as a user runs it, and times it from start to
 * exit (the JVM's start, the engine's load and the project's open included): the figure that
 * stands beside every in-memory one.
 */
final class WholeProcess {
    /**
     * Wall seconds and the exit code; {@code output} is its last line, {@code text} all it printed;
     * {@code peakRssKb} its peak resident memory (-1 where the system does not say).
     */
    record Timed(double seconds, int exitCode, String output, String text, long peakRssKb) {
        /** Peak resident memory in MB (10^6 bytes, as the goals state them), or -1. */
        double peakRssMb() {
            return peakRssKb < 0 ? -1 : Math.round(peakRssKb * 1024 / 1e5) / 10.0;
        }
    }

    private WholeProcess() {
    }

    static Timed run(String... arguments) throws IOException {
        return runWith(List.of(), arguments);
    }

    /** As {@link #run}, with JVM options such as {@code -Dai.djl.pytorch.num_threads=1} before the class. */
    static Timed runWith(List<String> jvmOptions, String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Dai.djl.offline=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.labelbench.Main"));
        command.addAll(List.of(arguments));
        return command(command);
    }

    /** Any program as its own process (a peer such as sha256sum or python3), timed the same way. */
    static Timed command(List<String> command) throws IOException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        long peakKb;
        try (PeakMemory memory = PeakMemory.of(process)) {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            try {
                process.waitFor(30, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            peakKb = memory.peakKb();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Timed(seconds, process.exitValue(), output.lines().reduce((a, b) -> b).orElse(""),
                output, peakKb);
    }
}
