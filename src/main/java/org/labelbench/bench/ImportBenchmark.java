package org.labelbench.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.labelbench.ingest.ImportReport;
import org.labelbench.ingest.ImportRequest;
import org.labelbench.ingest.ImportService;
import org.labelbench.ingest.ImportSource;
import org.labelbench.jobs.JobContext;
import org.labelbench.media.Sha256;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;

/**
 * {@code bench import}: imports N small PNGs into a fresh project and, in the same run, hashes
 * the same bytes with a plain single-threaded SHA-256, so the figures read as ratios on any
 * machine. Files are written first, so both passes read from the page cache.
 */
public final class ImportBenchmark {

    public Map<String, Object> run(int items, Path workDir) throws IOException {
        Path images = workDir.resolve("images");
        writeImages(images, items);
        long totalBytes;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(images)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        plainSha256(files); // once to warm the JIT, as the warm import is measured warm
        long hashStart = System.nanoTime();
        totalBytes = plainSha256(files);
        double plainSeconds = (System.nanoTime() - hashStart) / 1e9;

        // Cold: the first import in a fresh JVM, as a user's first import runs. Warm: the same
        // files again into a second new project, once the JIT has compiled the import path.
        Timed cold = importInto(workDir.resolve("bench-import-cold" + ProjectStore.EXTENSION), images);
        Timed warm = importInto(workDir.resolve("bench-import-warm" + ProjectStore.EXTENSION), images);
        ImportReport report = warm.report();
        double importSeconds = warm.seconds();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("suite", "import");
        result.put("items", items);
        result.put("added", report.added());
        result.put("bytes", totalBytes);
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("cold_import_seconds", round(cold.seconds()));
        result.put("cold_import_items_per_s", Math.round(cold.report().added() / cold.seconds()));
        result.put("warm_import_seconds", round(importSeconds));
        result.put("warm_import_items_per_s", Math.round(report.added() / importSeconds));
        result.put("warm_import_mb_per_s", round(totalBytes / 1e6 / importSeconds));
        result.put("plain_sha256_read_mb_per_s", round(totalBytes / 1e6 / plainSeconds));
        result.put("plain_sha256_read_items_per_s", Math.round(files.size() / plainSeconds));
        result.put("warm_import_vs_plain_sha256", round(plainSeconds / importSeconds));
        return result;
    }

    /** Reads and hashes every file on one thread: the floor any import must pay. */
    private static long plainSha256(List<Path> files) throws IOException {
        MessageDigest digest = Sha256.digest();
        long bytes = 0;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            digest.reset();
            digest.update(content);
            digest.digest();
            bytes += content.length;
        }
        return bytes;
    }

    private record Timed(ImportReport report, double seconds) {
    }

    private static Timed importInto(Path project, Path images) {
        long start = System.nanoTime();
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("bench", List.of(), false))) {
            ImportReport report = new ImportService().run(store, ImportRequest.of(ImportSource.IMAGES, images),
                    JobContext.silent());
            return new Timed(report, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Small noisy PNGs (about 1 KB each, like thumbnails or MNIST-sized data). */
    static void writeImages(Path folder, int count) throws IOException {
        Random random = new Random(42);
        List<Path> classes = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            classes.add(Files.createDirectories(folder.resolve("class-" + c)));
        }
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < count; i++) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    image.getRaster().setSample(x, y, 0, (x * y + random.nextInt(64) + i) & 0xff);
                }
            }
            ImageIO.write(image, "png", classes.get(i % 10).resolve(String.format("%07d.png", i)).toFile());
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
