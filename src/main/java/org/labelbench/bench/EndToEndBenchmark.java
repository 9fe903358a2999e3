package org.labelbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.labelbench.agreement.Ratings;
import org.labelbench.project.Annotator;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.SampleProjects;
import org.labelbench.project.SyntheticRows;

/**
 * {@code bench e2e}: what a user waits for, each command as its own process (JVM start, project
 * open and output included) beside a peer on the same data in the same run, the median of three
 * runs each, with the peak resident memory of both:
 * start-up ({@code info --json} on the sample against {@code java -version}); {@code analyze --json}
 * on N predictions against Python's sqlite3 reading every row the analysis needs; {@code agreement
 * --json} with and without its bootstrap on N/10 units × 5 annotators × 10 classes (10 % missing)
 * against NLTK computing alpha and the mean pairwise kappa from the same ratings as a file;
 * {@code import --images} of N/10 small PNGs against {@code sha256sum} of the same files;
 * {@code labels import} of 0.45 N rows; and the project file's bytes per item. The load average
 * before and after says how quiet the machine was.
 */
public final class EndToEndBenchmark {
    private static final int RUNS = 3;
    private static final int RATERS = AgreementBenchmark.RATERS;
    private static final int CLASSES = AgreementBenchmark.CLASSES;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sections, in the order they run; {@code --only} names some of them. */
    public static final List<String> SECTIONS = List.of("startup", "analyze", "project_file", "agreement",
            "import", "labels_import");

    /** Every section. */
    public Map<String, Object> run(int items, Path workDir) throws Exception {
        return run(items, workDir, java.util.Set.of());
    }

    /** The named sections ({@link #SECTIONS}) only; none named: every section. */
    public Map<String, Object> run(int items, Path workDir, java.util.Set<String> only) throws Exception {
        for (String section : only) {
            if (!SECTIONS.contains(section)) {
                throw new org.labelbench.project.BadInputException("unknown e2e section '" + section + "' ("
                        + String.join(", ", SECTIONS) + ")");
            }
        }
        java.util.function.Predicate<String> wanted = section -> only.isEmpty() || only.contains(section);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("suite", "e2e");
        result.put("items", items);
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("runs_per_figure", RUNS);
        result.put("load_average_before", loadAverage());
        if (wanted.test("startup")) {
            result.put("startup", startup(workDir));
        }
        if (wanted.test("analyze") || wanted.test("project_file")) {
            Path analyzed = AnalyzeBenchmark.project(items, workDir);
            if (wanted.test("analyze")) {
                result.put("analyze", analyze(analyzed));
            }
            if (wanted.test("project_file")) {
                result.put("project_file", projectFile(analyzed, items));
            }
        }
        if (wanted.test("agreement")) {
            result.put("agreement", agreement(Math.max(100, items / 10), workDir));
        }
        if (wanted.test("import")) {
            result.put("import", importImages(Math.max(100, items / 10), workDir));
        }
        if (wanted.test("labels_import")) {
            result.put("labels_import", labelsImport(Math.max(100, items * 45 / 100), workDir));
        }
        result.put("load_average_after", loadAverage());
        return result;
    }

    private static Map<String, Object> startup(Path workDir) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        Path sample;
        try {
            Path folder = workDir.resolve("e2e-sample");
            SampleProjects.deleteTree(folder);
            sample = SampleProjects.standard().copyInto("fashion-mnist", Files.createDirectories(folder));
        } catch (RuntimeException e) {
            figures.put("unavailable", e.getMessage());
            return figures;
        }
        WholeProcess.Timed info = median(() -> WholeProcess.run("info", sample.toString(), "--json"));
        WholeProcess.Timed java = median(() -> WholeProcess.command(List.of(javaCommand(), "-version")));
        figures.put("info_json_seconds", round(info.seconds()));
        figures.put("info_json_exit", info.exitCode());
        figures.put("java_version_seconds", round(java.seconds()));
        figures.put("info_minus_java_version_seconds", round(info.seconds() - java.seconds()));
        figures.put("goal_within_seconds_of_java_version", 0.3);
        return figures;
    }

    private static Map<String, Object> analyze(Path project) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        WholeProcess.Timed ours = median(() -> WholeProcess.run("analyze", project.toString(), "--run",
                AnalyzeBenchmark.RUN, "--json"));
        put(figures, "labelbench", ours);
        String script = "import sqlite3, sys\n"
                + "con = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)\n"
                + "n = 0\n"
                + "for r in con.execute('SELECT p.item, p.label_class, p.confidence FROM prediction p"
                + " JOIN prediction_run r ON r.id = p.run WHERE r.name = ?', (sys.argv[2],)): n += 1\n"
                + "for r in con.execute(\"SELECT item, annotator, label_class, id FROM annotation"
                + " WHERE kind = 'class'\"): n += 1\n"
                + "for r in con.execute('SELECT tag, item FROM item_tag'): n += 1\n"
                + "print(n)\n";
        peer(figures, "python_sqlite3_reading_every_row", ours, () -> python(script, project.toString(),
                AnalyzeBenchmark.RUN));
        figures.put("goal_seconds", 1.5);
        figures.put("goal_peak_rss_mb", 512);
        return figures;
    }

    private static Map<String, Object> projectFile(Path project, int items) throws IOException {
        long bytes = 0;
        for (String suffix : List.of("", "-wal")) {
            Path file = project.resolveSibling(project.getFileName() + suffix);
            bytes += Files.exists(file) ? Files.size(file) : 0;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("bytes", bytes);
        figures.put("bytes_per_item", Math.round((double) bytes / items));
        figures.put("goal_bytes_per_item", 300);
        return figures;
    }

    private static Map<String, Object> agreement(int units, Path workDir) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("units", units);
        figures.put("annotators", RATERS);
        figures.put("classes", CLASSES);
        Ratings ratings = AgreementBenchmark.ratings(units);
        Path project = workDir.resolve("e2e-agreement-" + units + ProjectStore.EXTENSION);
        Path tsv = workDir.resolve("e2e-agreement-" + units + ".tsv");
        if (!Files.exists(project)) {
            writeRatings(project, tsv, ratings);
        }
        WholeProcess.Timed withIntervals = median(() -> WholeProcess.run("agreement", project.toString(), "--json"));
        WholeProcess.Timed noBootstrap = median(() -> WholeProcess.run("agreement", project.toString(), "--json",
                "--bootstrap", "0"));
        put(figures, "labelbench_with_intervals", withIntervals);
        put(figures, "labelbench_bootstrap_0", noBootstrap);
        // NLTK's kappa() fails on an item one of a pair left unrated (StopIteration in 3.8), so
        // each pair's Cohen's kappa is taken on the items both rated, as Labelbench takes it.
        String script = "import sys, itertools\n"
                + "from collections import defaultdict\n"
                + "from nltk.metrics.agreement import AnnotationTask\n"
                + "from nltk.metrics.distance import binary_distance\n"
                + "data = [tuple(l.rstrip('\\n').split('\\t')) for l in open(sys.argv[1])]\n"
                + "alpha = AnnotationTask(data, distance=binary_distance).alpha()\n"
                + "by = defaultdict(dict)\n"
                + "for c, u, v in data: by[c][u] = v\n"
                + "kappas = []\n"
                + "for a, b in itertools.combinations(sorted(by), 2):\n"
                + "    both = by[a].keys() & by[b].keys()\n"
                + "    pair = [(a, u, by[a][u]) for u in both] + [(b, u, by[b][u]) for u in both]\n"
                + "    kappas.append(AnnotationTask(pair, distance=binary_distance).kappa())\n"
                + "print(repr(alpha), repr(sum(kappas) / len(kappas)))\n";
        WholeProcess.Timed nltk = peer(figures, "nltk_alpha_and_mean_pairwise_kappa", withIntervals,
                () -> python(script, tsv.toString()));
        if (nltk.exitCode() == 0 && noBootstrap.exitCode() == 0) {
            String[] words = nltk.output().split(" ");
            figures.put("nltk_alpha", Double.parseDouble(words[0]));
            figures.put("nltk_mean_pairwise_kappa", Double.parseDouble(words[1]));
            JsonNode ours = JSON.readTree(noBootstrap.text().substring(noBootstrap.text().indexOf('{')));
            double alpha = ours.path("krippendorff_alpha").path("nominal").asDouble(Double.NaN);
            double kappa = ours.path("cohen_kappa").path("mean").asDouble(Double.NaN);
            figures.put("labelbench_alpha", alpha);
            figures.put("labelbench_mean_pairwise_kappa", kappa);
            figures.put("same_values_as_nltk", Math.abs(alpha - Double.parseDouble(words[0])) < 1e-9
                    && Math.abs(kappa - Double.parseDouble(words[1])) < 1e-9);
            figures.put("nltk_vs_bootstrap_0_speedup", round(nltk.seconds() / noBootstrap.seconds()));
        }
        figures.put("goal_speedup_vs_peer", 5); // with intervals
        return figures;
    }

    /** The same ratings as a project (items with ids 1..units) and as NLTK's (coder, item, label) rows. */
    private static void writeRatings(Path project, Path tsv, Ratings ratings) throws IOException {
        List<String> classes = IntStream.range(0, CLASSES).mapToObj(c -> "c" + c).toList();
        try (ProjectStore store = ProjectStore.create(project, new ProjectSettings("e2e agreement", classes, false));
                BufferedWriter out = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
            store.write(tx -> {
                List<Annotator> raters = new ArrayList<>();
                for (int r = 0; r < RATERS; r++) {
                    raters.add(new AnnotatorRepository().findOrCreate(tx, "rater-" + r, "labeler"));
                }
                try (SyntheticRows rows = SyntheticRows.in(tx)) {
                    long batch = rows.importBatch("images");
                    for (int unit = 0; unit < ratings.units(); unit++) {
                        String key = String.format("img/%07d.png", unit + 1);
                        rows.pngItem(unit + 1, key, "media/" + key, String.format("%064x", unit + 1),
                                SyntheticProject.syntheticBytes(unit + 1), 28, 28, batch);
                        for (int r = 0; r < RATERS; r++) {
                            int code = ratings.code(unit, r);
                            if (code != Ratings.MISSING) {
                                rows.classLabel(unit + 1, raters.get(r).id(), 1 + code);
                                writeLine(out, r + "\t" + unit + "\t" + code);
                            }
                        }
                    }
                }
                return null;
            });
        }
    }

    private static void writeLine(BufferedWriter out, String line) {
        try {
            out.write(line + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> importImages(int files, Path workDir) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        Path images = workDir.resolve("e2e-images-" + files);
        if (!Files.exists(images)) {
            ImportBenchmark.writeImages(images, files);
        }
        figures.put("files", files);
        figures.put("bytes", folderBytes(images));
        int[] attempt = {0};
        WholeProcess.Timed ours = median(() -> {
            Path project = fresh(workDir.resolve("e2e-import-" + attempt[0]++ + ProjectStore.EXTENSION));
            ProjectStore.create(project, new ProjectSettings("e2e import", List.of("a", "b"), false)).close();
            return WholeProcess.run("import", project.toString(), "--images", images.toString());
        });
        put(figures, "labelbench", ours);
        peer(figures, "sha256sum", ours, () -> WholeProcess.command(List.of("bash", "-c",
                "find \"$0\" -type f -print0 | xargs -0 sha256sum > /dev/null", images.toString())));
        figures.put("goal_speedup_vs_peer", 0.4); // 40 % of sha256sum's throughput
        return figures;
    }

    private static Map<String, Object> labelsImport(int rows, Path workDir) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rows", rows);
        Path built = workDir.resolve("e2e-labels-" + rows + ProjectStore.EXTENSION);
        Path csv = workDir.resolve("e2e-labels-" + rows + ".csv");
        if (!Files.exists(built)) {
            SyntheticProject.build(built, rows);
            List<String> classes = List.of("cat", "dog", "bird", "fish");
            try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write("item,annotator,label\n");
                for (int i = 1; i <= rows; i++) {
                    out.write(String.format("img/%07d.png", i) + ",dee," + classes.get((i * 31) % 4) + "\n");
                }
            }
        }
        int[] attempt = {0};
        WholeProcess.Timed ours = median(() -> {
            Path project = fresh(workDir.resolve("e2e-labels-run-" + attempt[0]++ + ProjectStore.EXTENSION));
            Files.copy(built, project, StandardCopyOption.REPLACE_EXISTING);
            return WholeProcess.run("labels", "import", project.toString(), "--file", csv.toString());
        });
        put(figures, "labelbench", ours);
        figures.put("goal_seconds", 1.5);
        figures.put("goal_peak_rss_mb", 512);
        return figures;
    }

    /** {@code project} with no file of an earlier run left under its name (a kept work folder). */
    private static Path fresh(Path project) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(project.resolveSibling(project.getFileName() + suffix));
        }
        return project;
    }

    @FunctionalInterface
    private interface Measured {
        WholeProcess.Timed once() throws IOException;
    }

    /** The run with the median wall time of {@link #RUNS}; a failing run is returned at once. */
    private static WholeProcess.Timed median(Measured measured) throws IOException {
        List<WholeProcess.Timed> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            WholeProcess.Timed run = measured.once();
            if (run.exitCode() != 0) {
                return run;
            }
            runs.add(run);
        }
        runs.sort(Comparator.comparingDouble(WholeProcess.Timed::seconds));
        return runs.get(RUNS / 2);
    }

    private static void put(Map<String, Object> figures, String name, WholeProcess.Timed timed) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("seconds", round(timed.seconds()));
        run.put("peak_rss_mb", timed.peakRssMb());
        run.put("exit", timed.exitCode());
        if (timed.exitCode() != 0) {
            run.put("output", timed.output());
        }
        figures.put(name, run);
    }

    /** Measures the peer, records it under {@code name} and how many times faster ours is. */
    private static WholeProcess.Timed peer(Map<String, Object> figures, String name, WholeProcess.Timed ours,
            Measured peer) throws IOException {
        WholeProcess.Timed timed = median(peer);
        put(figures, name, timed);
        if (timed.exitCode() == 0 && ours.exitCode() == 0) {
            figures.put("speedup_vs_peer", round(timed.seconds() / ours.seconds()));
        }
        return timed;
    }

    private static WholeProcess.Timed python(String script, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        command.addAll(List.of(arguments));
        return WholeProcess.command(command);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double round(double value) {
        return ImportBenchmark.round(value);
    }
}
