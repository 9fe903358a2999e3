package org.labelbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelbench.analysis.TruthSource;
import org.labelbench.dataset.VersionEntry;
import org.labelbench.dataset.VersionManifest;
import org.labelbench.dataset.VersionScope;
import org.labelbench.dataset.VersionService;
import org.labelbench.dataset.export.ExportFormat;
import org.labelbench.dataset.export.ExportRequest;
import org.labelbench.dataset.export.Exporter;
import org.labelbench.dataset.export.MediaMode;
import org.labelbench.dataset.export.StoredVersion;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ProjectStore;

/**
 * {@code bench export}: a synthetic project of N images (real files on disk) → {@code version
 * create}, an export with paths only, an export with {@code --copy} beside a plain copy of the same
 * files in the same run ({@code cp -r} and Java's {@code Files.copy}), and the manifest hash of 1M
 * entries in memory. Commands are timed in-process (warm) and as their own processes.
 */
public final class ExportBenchmark {
    private static final int MANIFEST_ENTRIES = 1_000_000;

    public Map<String, Object> run(int items, Path work) throws Exception {
        Path project = work.resolve("bench-export" + ProjectStore.EXTENSION);
        Files.deleteIfExists(project);
        long buildStart = System.nanoTime();
        SyntheticProject.build(project, items);
        List<Path> files = writeMedia(work, items);
        double buildSeconds = seconds(buildStart);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("suite", "export");
        result.put("items", items);
        result.put("media_bytes", bytes);
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("build_seconds", round(buildSeconds));

        WholeProcess.Timed create = WholeProcess.run("version", "create", project.toString(), "--name", "v1",
                "--json");
        check(create);
        result.put("version_create_process_seconds", round(create.seconds()));
        VersionService versions = new VersionService();
        double createWarm;
        try (ProjectStore store = ProjectStore.open(project)) {
            versions.create(store, "warmup", null, VersionScope.ALL, TruthSource.DEFAULT, "bench");
            long start = System.nanoTime();
            versions.create(store, "v2", null, VersionScope.ALL, TruthSource.DEFAULT, "bench");
            createWarm = seconds(start);
        }
        result.put("version_create_in_process_seconds", round(createWarm));

        WholeProcess.Timed pathsProcess = WholeProcess.run("export", project.toString(), "--version", "v1",
                "--format", "jsonl", "--out", work.resolve("paths-process").toString(), "--json");
        check(pathsProcess);
        result.put("export_paths_jsonl_process_seconds", round(pathsProcess.seconds()));
        WholeProcess.Timed csvProcess = WholeProcess.run("export", project.toString(), "--version", "v1",
                "--format", "csv", "--out", work.resolve("csv-process").toString(), "--json");
        check(csvProcess);
        result.put("export_paths_csv_process_seconds", round(csvProcess.seconds()));

        try (ProjectStore store = ProjectStore.open(project)) {
            StoredVersion version = new StoredVersion(versions, store, "v1", null);
            Exporter exporter = new Exporter();
            exporter.export(version, request(MediaMode.PATHS, work.resolve("paths-warmup")), JobContext.silent());
            long start = System.nanoTime();
            exporter.export(version, request(MediaMode.PATHS, work.resolve("paths-warm")), JobContext.silent());
            result.put("export_paths_jsonl_in_process_seconds", round(seconds(start)));

            // Copy against the same files copied plainly, alternating, best of two each: the page
            // cache holds the sources for all of them, and each writes N new files.
            double exportCopy = Double.MAX_VALUE;
            double javaCopy = Double.MAX_VALUE;
            double cpCopy = Double.MAX_VALUE;
            for (int round = 0; round < 2; round++) {
                javaCopy = Math.min(javaCopy, javaCopy(files, work.resolve("plain-java-" + round)));
                cpCopy = Math.min(cpCopy, cpCopy(files.get(0).getParent(), work.resolve("plain-cp-" + round)));
                start = System.nanoTime();
                exporter.export(version, request(MediaMode.COPY, work.resolve("copy-" + round)), JobContext.silent());
                exportCopy = Math.min(exportCopy, seconds(start));
            }
            result.put("export_copy_jsonl_in_process_seconds", round(exportCopy));
            result.put("plain_files_copy_seconds", round(javaCopy));
            result.put("plain_cp_r_seconds", cpCopy < 0 ? null : round(cpCopy));
            result.put("export_copy_vs_plain_files_copy", round(javaCopy / exportCopy));
            result.put("export_copy_vs_cp_r", cpCopy < 0 ? null : round(cpCopy / exportCopy));
        }
        WholeProcess.Timed copyProcess = WholeProcess.run("export", project.toString(), "--version", "v1",
                "--format", "jsonl", "--out", work.resolve("copy-process").toString(), "--copy", "--json");
        check(copyProcess);
        result.put("export_copy_jsonl_process_seconds", round(copyProcess.seconds()));

        result.put("manifest_entries", MANIFEST_ENTRIES);
        manifestSeconds(MANIFEST_ENTRIES / 10); // JIT warm-up
        result.put("manifest_hash_1m_seconds", round(manifestSeconds(MANIFEST_ENTRIES)));
        result.put("goals", "version create < 2 s, export paths < 2 s (100k items), export --copy >= 0.8 of a plain"
                + " copy, manifest hash of 1M entries < 2 s");
        return result;
    }

    private static ExportRequest request(MediaMode media, Path out) {
        return new ExportRequest(ExportFormat.JSONL, media, out, false, null);
    }

    /** The files SyntheticProject's items point at: media/img/NNNNNNN.png beside the project, of its sizes. */
    private static List<Path> writeMedia(Path work, int items) throws IOException {
        Path folder = Files.createDirectories(work.resolve("media/img"));
        List<Path> files = new ArrayList<>(items);
        for (int i = 1; i <= items; i++) {
            Path file = folder.resolve(String.format("%07d.png", i));
            byte[] content = new byte[(int) SyntheticProject.syntheticBytes(i)];
            content[0] = (byte) i;
            content[1] = (byte) (i >> 8);
            content[2] = (byte) (i >> 16);
            Files.write(file, content);
            files.add(file);
        }
        return files;
    }

    private static double javaCopy(List<Path> files, Path target) throws IOException {
        long start = System.nanoTime();
        Path folder = Files.createDirectories(target);
        for (Path file : files) {
            Files.copy(file, folder.resolve(file.getFileName().toString()));
        }
        return seconds(start);
    }

    /** {@code cp -r} of the media folder, or -1 where there is no cp. */
    private static double cpCopy(Path source, Path target) throws InterruptedException {
        long start = System.nanoTime();
        try {
            Process cp = new ProcessBuilder("cp", "-r", source.toString(), target.toString()).inheritIO().start();
            return cp.waitFor() == 0 ? seconds(start) : -1;
        } catch (IOException noCp) {
            return -1;
        }
    }

    /**
     * The manifest hash of {@code entries} entries already in memory (built first, untimed: the
     * figure is the hash, not the making of test objects).
     */
    private static double manifestSeconds(int entries) {
        List<String> tags = List.of("blurry");
        List<String> annotators = List.of("ana", "ben");
        String[] labels = {"cat", "dog", "bird", "fish"};
        String[] splits = {"train", "dev", "test"};
        List<VersionEntry> list = new ArrayList<>(entries);
        for (int i = 1; i <= entries; i++) {
            TreeMap<String, String> attributes = new TreeMap<>();
            attributes.put("site", "site-" + (i % 17));
            attributes.put("source", i % 3 == 0 ? "phone" : "camera");
            list.add(new VersionEntry(String.format("img/%07d.png", i), "media/img/" + i + ".png",
                    String.format("%064x", i), "image", 28, 28, labels[i % 4], "majority", splits[i % 3], tags,
                    attributes, 1, annotators, 2, null));
        }
        long start = System.nanoTime();
        VersionManifest.Hasher hasher = new VersionManifest.Hasher();
        for (VersionEntry entry : list) {
            hasher.add(entry);
        }
        hasher.sha256();
        return seconds(start);
    }

    private static void check(WholeProcess.Timed timed) {
        if (timed.exitCode() != 0) {
            throw new IllegalStateException("bench command failed (" + timed.exitCode() + "): " + timed.text());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
