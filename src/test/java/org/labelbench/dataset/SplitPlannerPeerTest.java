package org.labelbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The greedy group assignment against its model, scikit-learn's StratifiedGroupKFold, on the same
 * labels and groups: 10 folds of sklearn's taken as 8 train, 1 dev, 1 test, against an 0.8/0.1/0.1
 * split here. Class shares must stay at least as close to the whole as sklearn's (within half a
 * point), and no group may straddle splits in either.
 */
class SplitPlannerPeerTest {
    private static final String PEER = String.join("\n",
            "import sys",
            "from sklearn.model_selection import StratifiedGroupKFold",
            "rows = [line.split() for line in sys.stdin.read().strip().split('\\n')]",
            "y = [int(r[0]) for r in rows]",
            "g = [int(r[1]) for r in rows]",
            "fold = [0] * len(y)",
            "for f, (_, test) in enumerate(StratifiedGroupKFold(n_splits=10).split(y, y, g)):",
            "    for i in test:",
            "        fold[i] = f",
            "print(' '.join(map(str, fold)))");

    @ParameterizedTest(name = "{0} groups, {1} classes, seed {2}")
    @CsvSource({"60, 3, 1", "200, 5, 2", "40, 4, 3", "500, 10, 4"})
    void classSharesAreAsCloseAsStratifiedGroupKFolds(int groups, int classes, long seed) throws Exception {
        Random random = new Random(seed);
        int n = groups * 8;
        int[] label = new int[n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            // Uneven groups (sizes skewed), each leaning to one class: what speakers or sources look like.
            group[i] = (int) (groups * Math.pow(random.nextDouble(), 1.5));
            label[i] = random.nextDouble() < 0.6 ? group[i] % classes : random.nextInt(classes);
        }
        String[] unitNames = new String[groups];
        for (int u = 0; u < groups; u++) {
            unitNames[u] = "group:" + u;
        }
        int[] ours = SplitPlanner.assign(group, unitNames, label, classes, new double[] {0.8, 0.1, 0.1}, seed);
        int[] splitOfItem = new int[n];
        for (int i = 0; i < n; i++) {
            splitOfItem[i] = ours[group[i]];
        }
        int[] folds = sklearnFolds(label, group);
        int[] theirs = new int[n];
        for (int i = 0; i < n; i++) {
            theirs[i] = folds[i] < 8 ? 0 : folds[i] - 7;
        }
        assertThat(straddling(group, splitOfItem, groups)).isZero();
        assertThat(straddling(group, theirs, groups)).isZero();
        double oursDeviation = largestDeviation(label, splitOfItem, classes);
        double theirDeviation = largestDeviation(label, theirs, classes);
        System.out.printf("peer %d groups %d classes: largest class-share deviation %.4f here, %.4f sklearn%n",
                groups, classes, oursDeviation, theirDeviation);
        assertThat(oursDeviation).isLessThanOrEqualTo(theirDeviation + 0.005);
    }

    private static int[] sklearnFolds(int[] label, int[] group) throws IOException, InterruptedException {
        Process python;
        try {
            python = new ProcessBuilder("/usr/bin/python3", "-c", PEER).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no /usr/bin/python3: " + e.getMessage());
            return null;
        }
        try (OutputStream in = python.getOutputStream()) {
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < label.length; i++) {
                rows.append(label[i]).append(' ').append(group[i]).append('\n');
            }
            in.write(rows.toString().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(python.waitFor() == 0 || !out.contains("No module named 'sklearn'"),
                "python3-sklearn missing: " + out);
        assertThat(python.exitValue()).as(out).isZero();
        String[] lastLine = out.substring(out.lastIndexOf('\n') + 1).split(" ");
        int[] folds = new int[lastLine.length];
        for (int i = 0; i < folds.length; i++) {
            folds[i] = Integer.parseInt(lastLine[i]);
        }
        return folds;
    }

    private static int straddling(int[] group, int[] split, int groups) {
        int[] seen = new int[groups];
        java.util.Arrays.fill(seen, -1);
        int straddling = 0;
        for (int i = 0; i < group.length; i++) {
            if (seen[group[i]] >= 0 && seen[group[i]] != split[i]) {
                straddling++;
            }
            seen[group[i]] = split[i];
        }
        return straddling;
    }

    /** The largest |share of a class in a split − its share of the whole|, as the split report gives it. */
    static double largestDeviation(int[] label, int[] split, int classes) {
        long[][] counts = new long[3][classes];
        long[] splitSize = new long[3];
        long[] classSize = new long[classes];
        for (int i = 0; i < label.length; i++) {
            counts[split[i]][label[i]]++;
            splitSize[split[i]]++;
            classSize[label[i]]++;
        }
        double largest = 0;
        for (int s = 0; s < 3; s++) {
            for (int c = 0; c < classes; c++) {
                if (splitSize[s] > 0) {
                    largest = Math.max(largest, Math.abs((double) counts[s][c] / splitSize[s]
                            - (double) classSize[c] / label.length));
                }
            }
        }
        return largest;
    }
}
