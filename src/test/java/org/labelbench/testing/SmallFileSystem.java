package org.labelbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A tmpfs of a few hundred KB mounted on a test's folder: a disk that fills up, or that turns
 * read-only, for real. Needs the right to mount (root here and in CI); {@link #mount} is empty where
 * the system refuses, and the tests that need one are skipped there.
 */
public final class SmallFileSystem implements AutoCloseable {
    private final Path root;

    private SmallFileSystem(Path root) {
        this.root = root;
    }

    public static Optional<SmallFileSystem> mount(Path at, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(at);
        long kib = Math.max(4, (bytes + 4095) / 4096 * 4);
        if (!run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", at.toString())) {
            return Optional.empty();
        }
        return Optional.of(new SmallFileSystem(at));
    }

    public Path root() {
        return root;
    }

    /** Makes the whole file system read-only (every file in it closed first). */
    public void remountReadOnly() throws IOException, InterruptedException {
        if (!run("mount", "-o", "remount,ro", root.toString())) {
            throw new IOException(root + ": could not be remounted read-only");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!run("umount", root.toString())) {
            run("umount", "-l", root.toString()); // still busy: detach it now, freed when let go
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noSuchProgram) {
            return false;
        }
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
