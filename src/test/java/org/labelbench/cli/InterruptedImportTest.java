package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.TestMedia;

/** Ctrl-C (SIGINT/SIGTERM) during `import --copy` in a real second JVM leaves the project as it was. */
class InterruptedImportTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedCopyingImportLeavesNoCopiedFilesAndNoItems() throws Exception {
        for (int i = 0; i < 4000; i++) {
            TestMedia.png(dir.resolve("images/" + i + ".png"), 24, 24, i);
        }
        Path project = dir.resolve("p.lbproj");
        assertThat(CliRunner.run("init", project.toString(), "--name", "p").exitCode()).isZero();
        Process importer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.labelbench.Main", "import", project.toString(),
                "--images", dir.resolve("images").toString(), "--copy").redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        Path media = dir.resolve("media");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (countFiles(media) == 0 && importer.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(importer.isAlive()).as("the import is still copying when it is interrupted").isTrue();
        importer.destroy(); // SIGTERM: the JVM's shutdown hooks run, as on Ctrl-C
        assertThat(importer.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(countFiles(media)).as("copied files are removed").isZero();
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(ProjectOverview.of(store).items()).isZero();
        }
    }

    private static long countFiles(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
