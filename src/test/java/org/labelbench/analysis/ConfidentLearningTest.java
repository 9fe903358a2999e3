package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Confident learning against src/test/python/confident_learning_peer.py (cleanlab's
 * find_label_issues at its defaults, written again in numpy) on the same seeded data, and by hand
 * on a small case.
 */
class ConfidentLearningTest {
    /** How many suggestions are the true class (confident_learning_peer.py prints it too). */
    static final long SUGGESTED_RIGHT = 290;
    record Data(int[] labels, int[] truth, float[] probabilities) {
    }

    /** Drawn exactly as noisy_data in confident_learning_peer.py: a label flipped 1 time in {@code flipOneIn}. */
    static Data noisyData(long seed, int n, int k, int flipOneIn) {
        long x = seed;
        int[] labels = new int[n];
        int[] truth = new int[n];
        float[] p = new float[n * k];
        double[] scores = new double[k];
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            int t = (int) Long.remainderUnsigned(x >>> 33, k);
            for (int c = 0; c < k; c++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                double u = ((x >>> 11) & ((1L << 53) - 1)) / (double) (1L << 53);
                scores[c] = u + (c == t ? 0.9 : 0.0);
            }
            double total = 0;
            for (double s : scores) {
                total += s;
            }
            for (int c = 0; c < k; c++) {
                p[i * k + c] = (float) (scores[c] / total);
            }
            x = x * 6364136223846793005L + 1442695040888963407L;
            int given = t;
            if (Long.remainderUnsigned(x >>> 40, flipOneIn) == 0) {
                given = (int) ((t + 1 + Long.remainderUnsigned(x >>> 20, k - 1)) % k);
            }
            labels[i] = given;
            truth[i] = t;
        }
        return new Data(labels, truth, p);
    }

    @Test
    void findsWhatTheNumpyPeerFindsAndTheFlippedLabels() {
        Data data = noisyData(20261203L, 3000, 4, 10);
        ConfidentLearning.Result result = ConfidentLearning.find(data.labels(), data.probabilities(), 4);

        // confident_learning_peer.py printed:
        assertThat(result.confidentJoint()).isEqualTo(new long[][] {
            {627, 23, 41, 26}, {37, 615, 20, 47}, {24, 24, 703, 31}, {31, 35, 31, 685}});
        List<ConfidentLearning.Issue> issues = result.issues();
        assertThat(issues).hasSize(291);
        assertThat(issues.stream().mapToInt(ConfidentLearning.Issue::row).limit(10).toArray())
                .containsExactly(591, 266, 2373, 2496, 1096, 2259, 87, 322, 2834, 1471);
        assertThat(issues.stream().mapToLong(ConfidentLearning.Issue::row).sum()).isEqualTo(422_314);

        // 358 labels were flipped: every issue is one of them (precision 1.0), 291 of 358 found (recall 0.81),
        // and 290 of the 291 suggestions are the true class
        long flipped = 0;
        for (int i = 0; i < data.labels().length; i++) {
            flipped += data.labels()[i] != data.truth()[i] ? 1 : 0;
        }
        assertThat(flipped).isEqualTo(358);
        assertThat(issues).allSatisfy(issue -> assertThat(issue.given()).isNotEqualTo(data.truth()[issue.row()]));
        assertThat(issues.stream().filter(issue -> issue.suggested() == data.truth()[issue.row()]).count())
                .as("the suggestion is the true class").isEqualTo(SUGGESTED_RIGHT);
        assertThat(issues).isSortedAccordingTo((a, b) -> Double.compare(a.selfConfidence(), b.selfConfidence()));
    }

    /**
     * By hand, 2 classes: thresholds are t0 = (0.9 + 0.8 + 0.3) / 3 = 0.667 and t1 = (0.9 + 0.7) / 2
     * = 0.8. Item 2 (labeled 0, p = 0.3/0.7) reaches no threshold; item 3 (labeled 1, p = 0.1/0.9)
     * is confidently 1; nothing is confidently off its label but item 2 is not confident, so the
     * joint is diag(2, 2) and, calibrated to the label counts 3 and 2, [[3, 0], [0, 2]]: no issues,
     * although item 2's model prefers class 1. Make item 2 confident (p1 = 0.85) and it is the one
     * issue, suggested 1.
     */
    @Test
    void aSmallCaseByHand() {
        int[] labels = {0, 0, 0, 1, 1};
        float[] unsure = {0.9f, 0.1f, 0.8f, 0.2f, 0.3f, 0.7f, 0.1f, 0.9f, 0.3f, 0.7f};
        ConfidentLearning.Result none = ConfidentLearning.find(labels, unsure, 2);
        assertThat(none.confidentJoint()).isEqualTo(new long[][] {{3, 0}, {0, 2}});
        assertThat(none.issues()).isEmpty();

        float[] confident = {0.9f, 0.1f, 0.8f, 0.2f, 0.15f, 0.85f, 0.1f, 0.9f, 0.3f, 0.7f};
        ConfidentLearning.Result one = ConfidentLearning.find(labels, confident, 2);
        assertThat(one.issues()).extracting(ConfidentLearning.Issue::row, ConfidentLearning.Issue::suggested)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1));
        assertThat(one.issues().get(0).selfConfidence()).isEqualTo(0.15f);
    }

    @Test
    void roundingKeepsTheRoundedTotalAsNumpyDoes() {
        assertThat(ConfidentLearning.roundPreservingSum(new double[] {0.5, 0.5, 0.5, 0.5})).containsExactly(0, 0, 1, 1);
        assertThat(ConfidentLearning.roundPreservingSum(new double[] {1.4, 1.4, 1.2})).containsExactly(1, 2, 1);
    }

    @Test
    void selectingTheSmallestKeysPicksTheSameSetAsSortingDoes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(400);
            long[] values = random.longs(n).distinct().toArray();
            if (trial % 3 == 0) {
                java.util.Arrays.sort(values); // sorted input, the median-of-three case
            }
            int count = random.nextInt(values.length + 1);
            long[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            long[] selected = values.clone();
            ConfidentLearning.selectSmallest(selected, count);
            long[] front = java.util.Arrays.copyOf(selected, count);
            java.util.Arrays.sort(front);
            assertThat(front).as("n %d, count %d", values.length, count)
                    .containsExactly(java.util.Arrays.copyOf(sorted, count));
        }
    }
}
