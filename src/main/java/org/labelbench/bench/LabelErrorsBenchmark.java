package org.labelbench.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbench.analysis.ConfidentLearning;

/**
 * Confident learning on {@code items} × 10 classes of seeded noisy labels (one in ten flipped) held
 * in memory, timed as the median of three, beside the same algorithm in numpy on the same data in
 * the same run (when /usr/bin/python3 has numpy; timed inside Python, its start-up not counted),
 * with how many of the flipped labels each finds.
 */
public final class LabelErrorsBenchmark {
    private static final int CLASSES = 10;

    public Map<String, Object> run(int items, Path workDir) throws IOException {
        int[] labels = new int[items];
        int[] truth = new int[items];
        float[] probabilities = new float[items * CLASSES];
        draw(labels, truth, probabilities);
        ConfidentLearning.Result[] result = new ConfidentLearning.Result[1];
        double[] times = new double[3];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            result[0] = ConfidentLearning.find(labels, probabilities, CLASSES);
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        long flipped = 0;
        for (int i = 0; i < items; i++) {
            flipped += labels[i] != truth[i] ? 1 : 0;
        }
        long found = result[0].issues().stream().filter(issue -> labels[issue.row()] != truth[issue.row()]).count();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("suite", "label-errors");
        figures.put("items", items);
        figures.put("classes", CLASSES);
        figures.put("flipped_labels", flipped);
        figures.put("issues", result[0].issues().size());
        figures.put("issues_that_were_flipped", found);
        figures.put("precision", ImportBenchmark.round(found / (double) Math.max(1, result[0].issues().size())));
        figures.put("recall", ImportBenchmark.round(found / (double) Math.max(1, flipped)));
        figures.put("seconds", ImportBenchmark.round(times[1]));
        figures.put("whole_process", wholeProcess(labels, probabilities, workDir, result[0]));
        Map<String, Object> numpy = numpy(labels, probabilities, workDir);
        figures.put("numpy_peer", numpy);
        if (numpy.get("seconds") instanceof Double peerSeconds) {
            figures.put("seconds_vs_numpy", ImportBenchmark.round(times[1] / peerSeconds));
            figures.put("same_issues_as_numpy", numpy.get("issues").equals((long) result[0].issues().size())
                    && numpy.get("sum_of_rows").equals(result[0].issues().stream().mapToLong(ConfidentLearning.Issue::row)
                            .sum()));
        }
        return figures;
    }

    /** A true class, ten scores with a bonus of 0.9 for it, normalised; one label in ten moved to another class. */
    static void draw(int[] labels, int[] truth, float[] p) {
        long x = 20261203L;
        double[] scores = new double[CLASSES];
        for (int i = 0; i < labels.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            int t = (int) Long.remainderUnsigned(x >>> 33, CLASSES);
            double total = 0;
            for (int c = 0; c < CLASSES; c++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                scores[c] = ((x >>> 11) & ((1L << 53) - 1)) / (double) (1L << 53) + (c == t ? 0.9 : 0.0);
                total += scores[c];
            }
            for (int c = 0; c < CLASSES; c++) {
                p[i * CLASSES + c] = (float) (scores[c] / total);
            }
            x = x * 6364136223846793005L + 1442695040888963407L;
            truth[i] = t;
            labels[i] = Long.remainderUnsigned(x >>> 40, 10) == 0
                    ? (int) ((t + 1 + Long.remainderUnsigned(x >>> 20, CLASSES - 1)) % CLASSES) : t;
        }
    }

    /** The numpy form of cleanlab's find_label_issues defaults (as src/test/python/confident_learning_peer.py). */
    private static final String PEER = String.join("\n",
            "import sys, time",
            "import numpy as np",
            "n, k = int(sys.argv[2]), int(sys.argv[3])",
            "raw = np.fromfile(sys.argv[1], dtype='<i4', count=n)",
            "probs = np.fromfile(sys.argv[1], dtype='<f4', offset=4 * n).reshape(n, k).astype(np.float64)",
            "labels = raw.astype(np.int64)",
            "t0 = time.perf_counter()") + "\n" + Algorithm.LINES + "\n"
            + "print(int(mask.sum()), int(np.flatnonzero(mask).sum()), time.perf_counter() - t0)";

    /**
     * The whole-process peer: Python reads the run's probabilities and the labels from the project
     * file with sqlite3 (as {@code label-errors} does), then the same numpy lines; it prints the
     * issues, the sum of their row numbers, and the seconds spent reading and finding.
     */
    private static final String SQLITE_PEER = String.join("\n",
            "import sys, time, json, sqlite3",
            "t0 = time.perf_counter()",
            "import numpy as np",
            "con = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)",
            "rid, names = con.execute('SELECT id, classes FROM prediction_run WHERE name = ?', (sys.argv[2],)).fetchone()",
            "names = json.loads(names); k = len(names)",
            "code = {i: names.index(nm) for i, nm in con.execute('SELECT id, name FROM label_class')}",
            "rows = con.execute(\"SELECT a.label_class, p.probabilities FROM prediction p JOIN annotation a ON a.item ="
                    + " p.item AND a.kind = 'class' WHERE p.run = ? ORDER BY p.item\", (rid,)).fetchall()",
            "n = len(rows)",
            "labels = np.fromiter((code[r[0]] for r in rows), dtype=np.int64, count=n)",
            "probs = np.frombuffer(b''.join(r[1] for r in rows), dtype='<f4').reshape(n, k).astype(np.float64)",
            "del rows",
            "t1 = time.perf_counter()") + "\n" + Algorithm.LINES + "\n"
            + "print(int(mask.sum()), int(np.flatnonzero(mask).sum()), t1 - t0, time.perf_counter() - t1)";

    /** cleanlab's find_label_issues defaults in numpy, on {@code labels}, {@code probs}, n and k; leaves {@code mask}. */
    private static final class Algorithm {
        static final String LINES = String.join("\n",
            "def rps(f):",
            "    ints = f.round(); target = np.sum(f).round(); s = np.sum(ints).round()",
            "    while abs(s - target) > 1e-6:",
            "        d = np.round(target - s); inc = -1 if d < 0 else 1",
            "        for i in np.argsort(f - ints)[::-inc][:min(int(abs(d)), len(f))]: ints[i] += inc",
            "        s = np.sum(ints).round()",
            "    return ints.astype(int)",
            "counts = np.bincount(labels, minlength=k)",
            "th = np.clip(np.array([probs[labels == c, c].mean() if counts[c] else 2.0 for c in range(k)]), 2e-6, None)",
            "conf = probs >= th - 1e-6; nc = conf.sum(axis=1)",
            "guess = np.where(nc > 1, probs.argmax(axis=1), conf.argmax(axis=1))",
            "cj = np.zeros((k, k), dtype=np.int64); np.add.at(cj, (labels[nc > 0], guess[nc > 0]), 1)",
            "np.fill_diagonal(cj, cj.diagonal().clip(min=1))",
            "cal = (cj.T / np.clip(cj.sum(axis=1), 1e-100, None) * counts).T",
            "cal = cal / np.clip(cal.sum(), 1e-100, None) * counts.sum()",
            "cj = np.apply_along_axis(rps, 1, cal).astype(int)",
            "pcm = cj.T.astype(float); dg = np.diagonal(pcm).copy(); nd = np.maximum(dg, 1)",
            "new = pcm - (nd - dg) / np.maximum(np.count_nonzero(pcm, axis=0) - 1.0, 1.0)",
            "new[new < 0] = 0; np.fill_diagonal(new, nd); prune = new.astype(int)",
            "mask = np.zeros(n, dtype=bool)",
            "for c in range(k):",
            "    rows = np.flatnonzero(labels == c)",
            "    if len(rows) <= 1: continue",
            "    for j in range(k):",
            "        if j != c and prune[j, c] > 0:",
            "            m = probs[rows, j] - probs[rows, c]",
            "            mask[rows[np.argsort(-m, kind='stable')[:prune[j, c]]]] = True",
            "adj = probs.copy(); adj[np.arange(n), labels] += 1e-6",
            "mask[adj.argmax(axis=1) == labels] = False");
    }

    /**
     * The same data as a project file, {@code label-errors PROJECT --run bench --json} timed as its
     * own process (JVM start, project open, reading the run and the labels, finding, printing),
     * beside the sqlite3 + numpy peer reading the same file, also timed from outside as a process.
     */
    private static Map<String, Object> wholeProcess(int[] labels, float[] probabilities, Path workDir,
            ConfidentLearning.Result inMemory) throws IOException {
        Path project = workDir.resolve("label-errors-" + labels.length + ".lbproj");
        Files.deleteIfExists(project);
        long buildStart = System.nanoTime();
        LabelErrorsProject.build(project, labels, probabilities, CLASSES);
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("build_seconds", ImportBenchmark.round((System.nanoTime() - buildStart) / 1e9));
        whole.put("command", "labelbench label-errors PROJECT --run " + LabelErrorsProject.RUN + " --json (its own JVM)");
        double[] times = new double[3];
        String line = "";
        int exit = 0;
        for (int i = 0; i < times.length; i++) {
            WholeProcess.Timed timed = WholeProcess.run("label-errors", project.toString(), "--run",
                    LabelErrorsProject.RUN, "--json");
            times[i] = timed.seconds();
            line = timed.text();
            exit = Math.max(exit, timed.exitCode());
        }
        Arrays.sort(times);
        whole.put("exit_code", exit);
        whole.put("seconds_median_of_3", ImportBenchmark.round(times[1]));
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"label_errors\"\\s*:\\s*(\\d+)").matcher(line);
        whole.put("label_errors", count.find() ? Long.parseLong(count.group(1)) : -1L);
        whole.put("same_count_as_in_memory", whole.get("label_errors").equals((long) inMemory.issues().size()));
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("what", "/usr/bin/python3: sqlite3 reads the run and the labels from the same file, then the same"
                + " numpy confident learning; the process timed from outside as the Java one");
        if (PythonPeer.missing().isPresent()) {
            peer.put("unavailable", PythonPeer.missing().get());
        } else {
            double[] peerTimes = new double[3];
            String[] words = null;
            for (int i = 0; i < peerTimes.length; i++) {
                long start = System.nanoTime();
                PythonPeer.Outcome outcome = PythonPeer.run("sqlite3 + numpy", SQLITE_PEER, project.toString(),
                        LabelErrorsProject.RUN);
                peerTimes[i] = (System.nanoTime() - start) / 1e9;
                if (outcome.words().isEmpty()) {
                    peer.put("unavailable", outcome.unavailable());
                    break;
                }
                words = outcome.words().get();
            }
            if (words != null && !peer.containsKey("unavailable")) {
                Arrays.sort(peerTimes);
                peer.put("issues", Long.parseLong(words[0]));
                peer.put("same_issues_as_in_memory", Long.parseLong(words[0]) == inMemory.issues().size()
                        && Long.parseLong(words[1]) == inMemory.issues().stream().mapToLong(ConfidentLearning.Issue::row)
                                .sum());
                peer.put("seconds_median_of_3", ImportBenchmark.round(peerTimes[1]));
                peer.put("last_read_seconds", ImportBenchmark.round(Double.parseDouble(words[2])));
                peer.put("last_find_seconds", ImportBenchmark.round(Double.parseDouble(words[3])));
                whole.put("seconds_vs_python_peer", ImportBenchmark.round(times[1] / peerTimes[1]));
            }
        }
        whole.put("python_peer", peer);
        whole.put("project", project.toString()); // kept with the work folder (--dir), for profiling
        return whole;
    }

    private static Map<String, Object> numpy(int[] labels, float[] probabilities, Path workDir) throws IOException {
        Map<String, Object> peer = new LinkedHashMap<>();
        if (PythonPeer.missing().isPresent()) {
            peer.put("unavailable", PythonPeer.missing().get());
            return peer;
        }
        Path data = workDir.resolve("label-errors-peer.bin");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(data), 1 << 20)) {
            ByteBuffer buffer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            for (int label : labels) {
                out.write(buffer.clear().putInt(label).array());
            }
            for (float p : probabilities) {
                out.write(buffer.clear().putFloat(p).array());
            }
        }
        try {
            PythonPeer.Outcome outcome = PythonPeer.run("numpy", PEER, data.toString(), String.valueOf(labels.length),
                    String.valueOf(CLASSES));
            if (outcome.words().isEmpty()) {
                peer.put("unavailable", outcome.unavailable());
                return peer;
            }
            String[] parts = outcome.words().get();
            peer.put("issues", Long.parseLong(parts[0]));
            peer.put("sum_of_rows", Long.parseLong(parts[1]));
            peer.put("seconds", ImportBenchmark.round(Double.parseDouble(parts[2])));
        } finally {
            Files.deleteIfExists(data);
        }
        return peer;
    }
}
