package org.labelbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbench.agreement.AlphaBootstrap;
import org.labelbench.agreement.CoincidenceMatrix;
import org.labelbench.agreement.CohenKappa;
import org.labelbench.agreement.FleissKappa;
import org.labelbench.agreement.KrippendorffAlpha;
import org.labelbench.agreement.Metric;
import org.labelbench.agreement.PercentAgreement;
import org.labelbench.agreement.Ratings;

/**
 * {@code bench agreement}: every agreement figure (without the bootstrap) on N items x 5
 * annotators x 10 classes held in memory; Krippendorff's alpha beside NLTK's AnnotationTask on
 * the first 100k items of the same data, in the same run (when /usr/bin/python3 has nltk); and
 * 1,000 bootstrap resamples of alpha on 100k items.
 */
public final class AgreementBenchmark {
    static final int RATERS = 5;
    static final int CLASSES = 10;
    private static final int PEER_UNITS = 100_000;

    public Map<String, Object> run(int units, Path workDir) throws IOException {
        Ratings ratings = ratings(units);
        double allMetricsMs = median(3, () -> allMetrics(ratings));
        Ratings peerSlice = ratings.select(firstUnits(Math.min(units, PEER_UNITS)));
        double[] oursAlpha = {0};
        double alphaMs = median(3, () -> oursAlpha[0] = KrippendorffAlpha.of(peerSlice, Metric.NOMINAL).value());
        long bootStart = System.nanoTime();
        AlphaBootstrap.interval(peerSlice, Metric.NOMINAL, 1000, 1);
        double bootstrapSeconds = (System.nanoTime() - bootStart) / 1e9;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("suite", "agreement");
        result.put("units", units);
        result.put("annotators", RATERS);
        result.put("classes", CLASSES);
        result.put("all_metrics_ms", ImportBenchmark.round(allMetricsMs));
        result.put("peer_units", peerSlice.units());
        result.put("alpha_nominal_ms_on_peer_units", ImportBenchmark.round(alphaMs));
        result.put("bootstrap_1000_alpha_seconds_on_peer_units", ImportBenchmark.round(bootstrapSeconds));
        Map<String, Object> nltk = nltk(peerSlice, workDir);
        result.put("nltk", nltk);
        if (nltk.get("alpha_seconds") instanceof Double seconds) {
            result.put("alpha_vs_nltk_speedup", ImportBenchmark.round(seconds * 1000 / alphaMs));
            result.put("alpha_matches_nltk", Math.abs((Double) nltk.get("alpha") - oursAlpha[0]) < 1e-9);
        }
        return result;
    }

    private static void allMetrics(Ratings ratings) {
        CoincidenceMatrix matrix = CoincidenceMatrix.of(ratings);
        for (Metric metric : Metric.values()) {
            KrippendorffAlpha.of(ratings, matrix, metric);
        }
        FleissKappa.of(ratings);
        PercentAgreement.of(ratings);
        for (int a = 0; a < RATERS; a++) {
            for (int b = a + 1; b < RATERS; b++) {
                CohenKappa.of(ratings, a, b, CohenKappa.Weights.NONE);
            }
        }
    }

    /** Annotators who agree more often than chance, 10 % of labels missing; seeded. */
    static Ratings ratings(int units) {
        int[] codes = new int[units * RATERS];
        long x = 42;
        for (int unit = 0; unit < units; unit++) {
            for (int rater = 0; rater < RATERS; rater++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                int code = Ratings.MISSING;
                if (Long.remainderUnsigned(x >>> 40, 10) != 0) {
                    code = ((x >>> 20) & 1) == 0 ? unit % CLASSES : (int) Long.remainderUnsigned(x >>> 33, CLASSES);
                }
                codes[unit * RATERS + rater] = code;
            }
        }
        return Ratings.of(units, RATERS, codes, CLASSES);
    }

    private static int[] firstUnits(int n) {
        int[] units = new int[n];
        Arrays.setAll(units, i -> i);
        return units;
    }

    private static double median(int runs, Runnable work) {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    /** NLTK's alpha on the same items, timed inside Python (its start-up is not counted). */
    private static Map<String, Object> nltk(Ratings ratings, Path workDir) throws IOException {
        Map<String, Object> peer = new LinkedHashMap<>();
        if (PythonPeer.missing().isPresent()) {
            peer.put("unavailable", PythonPeer.missing().get());
            return peer;
        }
        Path data = workDir.resolve("agreement-peer.tsv");
        try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            for (int unit = 0; unit < ratings.units(); unit++) {
                for (int rater = 0; rater < ratings.raters(); rater++) {
                    int code = ratings.code(unit, rater);
                    if (code != Ratings.MISSING) {
                        out.write(rater + "\t" + unit + "\t" + code + "\n");
                    }
                }
            }
        }
        String script = "import sys, time\n"
                + "from nltk.metrics.agreement import AnnotationTask\n"
                + "from nltk.metrics.distance import binary_distance\n"
                + "rows = [l.split('\\t') for l in open(sys.argv[1])]\n"
                + "data = [(r, u, int(c)) for r, u, c in rows]\n"
                + "t = time.perf_counter()\n"
                + "a = AnnotationTask(data, distance=binary_distance).alpha()\n"
                + "print(repr(a), time.perf_counter() - t)\n";
        try {
            PythonPeer.Outcome outcome = PythonPeer.run("nltk", script, data.toString());
            if (outcome.words().isEmpty()) {
                peer.put("unavailable", outcome.unavailable());
                return peer;
            }
            String[] parts = outcome.words().get();
            peer.put("alpha", Double.parseDouble(parts[0]));
            peer.put("alpha_seconds", Double.parseDouble(parts[1]));
        } finally {
            Files.deleteIfExists(data);
        }
        return peer;
    }

}
