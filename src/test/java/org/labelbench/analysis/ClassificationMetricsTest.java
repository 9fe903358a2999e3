package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbench.agreement.Estimate;
import org.labelbench.analysis.ClassificationMetrics.ThresholdMetrics;

class ClassificationMetricsTest {
    private static final int X = ClassificationMetrics.MISSING;
    private static final double EXACT = 1e-12;

    /** Seeded skewed data, drawn exactly as skewed_data in src/test/python/classification_peer.py. */
    record SkewedData(int[] truth, int[] predicted, double[] score) {
        static final List<String> CLASSES = List.of("background", "cat", "dog", "fox", "owl");
        static final int POSITIVE = 1;

        /**
         * Class 0 about 80 % of the ground truth, fox (3) present but never predicted, owl (4)
         * predicted but never present, some items with no truth or prediction; the score of cat (1)
         * in steps of 1/50, higher for true cats, NaN for about 1 item in 40.
         */
        static SkewedData draw(long seed, int items) {
            long x = seed;
            int[] truth = new int[items];
            int[] predicted = new int[items];
            double[] score = new double[items];
            for (int i = 0; i < items; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                int t = (x >>> 33) % 100 < 80 ? 0 : 1 + (int) ((x >>> 40) % 3);
                if ((x >>> 50) % 25 == 0) {
                    t = X;
                }
                x = x * 6364136223846793005L + 1442695040888963407L;
                int p;
                if ((x >>> 33) % 100 < 70 && t != X) {
                    p = t == 3 ? 0 : t;
                } else {
                    p = new int[] {0, 1, 2, 4}[(int) ((x >>> 40) % 4)];
                }
                if ((x >>> 50) % 30 == 0) {
                    p = X;
                }
                x = x * 6364136223846793005L + 1442695040888963407L;
                double s = (t == POSITIVE ? 20 + (x >>> 33) % 31 : (x >>> 33) % 36) / 50.0;
                if ((x >>> 45) % 40 == 0) {
                    s = Double.NaN;
                }
                truth[i] = t;
                predicted[i] = p;
                score[i] = s;
            }
            return new SkewedData(truth, predicted, score);
        }
    }

    /**
     * The 27 animals of Wikipedia's "Confusion matrix" article, rows true, columns predicted:
     * <pre>
     *            cat dog rabbit | support
     *   cat        5   3   0    |  8
     *   dog        2   3   1    |  6
     *   rabbit     0   2  11    | 13
     *   predicted  7   8  12    | 27
     * </pre>
     * plus three items the metrics must leave out (no truth, no prediction, neither).
     */
    @Test
    void theWorkedThreeClassExampleByHand() {
        int[][] cells = {{0, 0, 5}, {0, 1, 3}, {1, 0, 2}, {1, 1, 3}, {1, 2, 1}, {2, 1, 2}, {2, 2, 11},
            {X, 0, 1}, {1, X, 1}, {X, X, 1}};
        int[] truth = new int[30];
        int[] predicted = new int[30];
        int i = 0;
        for (int[] cell : cells) {
            for (int n = 0; n < cell[2]; n++, i++) {
                truth[i] = cell[0];
                predicted[i] = cell[1];
            }
        }
        ClassificationMetrics m = ClassificationMetrics.of(truth, predicted, List.of("cat", "dog", "rabbit"));

        assertThat(m.items()).isEqualTo(27);
        assertThat(m.excluded()).isEqualTo(3);
        assertThat(m.confusion()).isEqualTo(new long[][] {{5, 3, 0}, {2, 3, 1}, {0, 2, 11}});
        // Accuracy: the diagonal, (5 + 3 + 11) / 27.
        assertThat(m.accuracy().value()).isCloseTo(19.0 / 27, within(EXACT));
        // cat: P = 5/7, R = 5/8, F1 = 2*5 / (8 + 7) = 2/3.
        // dog: P = 3/8, R = 3/6, F1 = 2*3 / (6 + 8) = 3/7.
        // rabbit: P = 11/12, R = 11/13, F1 = 2*11 / (13 + 12) = 22/25.
        double[][] expected = {{5.0 / 7, 5.0 / 8, 2.0 / 3}, {3.0 / 8, 3.0 / 6, 3.0 / 7}, {11.0 / 12, 11.0 / 13, 22.0 / 25}};
        long[] support = {8, 6, 13};
        long[] predictedCounts = {7, 8, 12};
        for (int c = 0; c < 3; c++) {
            ClassMetrics row = m.perClass().get(c);
            assertThat(row.name()).isEqualTo(List.of("cat", "dog", "rabbit").get(c));
            assertThat(row.precision().value()).as("precision " + row.name()).isCloseTo(expected[c][0], within(EXACT));
            assertThat(row.recall().value()).as("recall " + row.name()).isCloseTo(expected[c][1], within(EXACT));
            assertThat(row.f1().value()).as("f1 " + row.name()).isCloseTo(expected[c][2], within(EXACT));
            assertThat(row.support()).isEqualTo(support[c]);
            assertThat(row.predicted()).isEqualTo(predictedCounts[c]);
        }
        // Macro: the plain mean over the three classes.
        assertThat(m.macro().precision().value()).isCloseTo((5.0 / 7 + 3.0 / 8 + 11.0 / 12) / 3, within(EXACT));
        assertThat(m.macro().recall().value()).isCloseTo((5.0 / 8 + 3.0 / 6 + 11.0 / 13) / 3, within(EXACT));
        assertThat(m.macro().f1().value()).isCloseTo((2.0 / 3 + 3.0 / 7 + 22.0 / 25) / 3, within(EXACT));
        // Weighted by support 8, 6, 13; weighted recall is always the accuracy.
        assertThat(m.weighted().precision().value())
                .isCloseTo((8 * 5.0 / 7 + 6 * 3.0 / 8 + 13 * 11.0 / 12) / 27, within(EXACT));
        assertThat(m.weighted().recall().value()).isCloseTo(19.0 / 27, within(EXACT));
        assertThat(m.weighted().f1().value()).isCloseTo((8 * 2.0 / 3 + 6 * 3.0 / 7 + 13 * 22.0 / 25) / 27, within(EXACT));
        assertThat(m.macro().name()).isEqualTo("macro");
        assertThat(m.weighted().support()).isEqualTo(27);
        // Rows over support: the diagonal is the recall.
        assertThat(m.normalizedConfusion()[1]).containsExactly(new double[] {2.0 / 6, 3.0 / 6, 1.0 / 6}, within(EXACT));
        assertThat(m.notes()).isEmpty();
    }

    /**
     * scikit-learn 1.2.1 (numpy 1.24.2) on SkewedData.draw(11, 3000), printed by
     * src/test/python/classification_peer.py: accuracy_score, precision_recall_fscore_support with
     * labels=range(5) and zero_division=0, its macro and weighted averages, confusion_matrix.
     */
    @Test
    void matchesScikitLearnOnSkewedSeededData() {
        SkewedData data = SkewedData.draw(11, 3000);
        ClassificationMetrics m = ClassificationMetrics.of(data.truth(), data.predicted(), SkewedData.CLASSES);

        assertThat(m.items()).isEqualTo(2770);
        assertThat(m.excluded()).isEqualTo(230);
        assertThat(m.accuracy().value()).isCloseTo(0.728158844765343, within(EXACT));
        double[] precision = {0.9200214707461084, 0.3861111111111111, 0.47674418604651164, 0.0, 0.0};
        double[] recall = {0.7692998204667864, 0.7897727272727273, 0.8, 0.0, 0.0};
        double[] f1 = {0.8379369347347836, 0.5186567164179106, 0.5974499089253188, 0.0, 0.0};
        long[] support = {2228, 176, 205, 161, 0};
        long[] predicted = {1863, 360, 344, 0, 203};
        for (int c = 0; c < 5; c++) {
            ClassMetrics row = m.perClass().get(c);
            assertThat(row.precision().value()).as("precision " + row.name()).isCloseTo(precision[c], within(EXACT));
            assertThat(row.recall().value()).as("recall " + row.name()).isCloseTo(recall[c], within(EXACT));
            assertThat(row.f1().value()).as("f1 " + row.name()).isCloseTo(f1[c], within(EXACT));
            assertThat(row.support()).as("support " + row.name()).isEqualTo(support[c]);
            assertThat(row.predicted()).as("predicted " + row.name()).isEqualTo(predicted[c]);
        }
        assertFigures(m.macro(), 0.3565753535807462, 0.4718145095479027, 0.3908087120156026);
        assertFigures(m.weighted(), 0.799818032677769, 0.728158844765343, 0.7511495682340579);
        assertThat(m.confusion()).isEqualTo(new long[][] {{1714, 193, 158, 0, 163}, {11, 139, 11, 0, 15},
            {17, 14, 164, 0, 10}, {121, 14, 11, 0, 15}, {0, 0, 0, 0, 0}});
        assertThat(m.normalizedConfusion()[2]).containsExactly(
                new double[] {0.08292682926829269, 0.06829268292682927, 0.8, 0.0, 0.04878048780487805}, within(EXACT));
        // The owl row has no support: all 0, as confusion_matrix(normalize="true") gives it.
        assertThat(m.normalizedConfusion()[4]).containsOnly(0.0);

        // The zeros that are scikit-learn's convention, not a measurement, are named. Fox is never
        // predicted (precision), owl never true (recall); the averages say which zeros they include.
        // Owl's recall weighs nothing in the weighted average, so only fox's precision is noted there.
        String zero = "counted as 0, as scikit-learn's zero_division=0";
        assertThat(m.notes()).containsExactly(
                Map.entry("precision.fox", "never predicted: " + zero),
                Map.entry("recall.owl", "not in the ground truth: " + zero),
                Map.entry("precision.macro", "includes fox " + zero),
                Map.entry("recall.macro", "includes owl " + zero),
                Map.entry("precision.weighted", "includes fox " + zero));
    }

    /** precision_score, recall_score, f1_score of (score >= 0.5) for cat, from classification_peer.py. */
    @Test
    void atThresholdMatchesScikitLearn() {
        SkewedData data = SkewedData.draw(11, 3000);
        ThresholdMetrics at = ClassificationMetrics.atThreshold(data.truth(), data.score(), SkewedData.POSITIVE, 0.5);
        assertThat(new long[] {at.tp(), at.fp(), at.fn(), at.tn()}).containsExactly(150, 816, 21, 1803);
        assertThat(at.excluded()).isEqualTo(210);
        assertThat(at.precision().value()).isCloseTo(0.15527950310559005, within(EXACT));
        assertThat(at.recall().value()).isCloseTo(0.8771929824561403, within(EXACT));
        assertThat(at.f1().value()).isCloseTo(0.2638522427440633, within(EXACT));
    }

    @Test
    void atThresholdCountsScoresEqualToTheThresholdAsPositiveAndLeavesOutNaN() {
        int[] truth = {1, 0, 1, 0, X, 1};
        double[] score = {0.5, 0.5, 0.2, 0.1, 0.9, Double.NaN};
        ThresholdMetrics at = ClassificationMetrics.atThreshold(truth, score, 1, 0.5);
        assertThat(new long[] {at.tp(), at.fp(), at.fn(), at.tn(), at.excluded()}).containsExactly(1, 1, 1, 1, 2);
        assertThat(at.precision().value()).isEqualTo(0.5);
        assertThat(at.f1().value()).isEqualTo(0.5);

        ThresholdMetrics nothingAbove = ClassificationMetrics.atThreshold(truth, score, 1, 0.95);
        assertThat(nothingAbove.precision().unavailableReason()).isEqualTo("no item scored at or above the threshold");
        assertThat(nothingAbove.recall().value()).isEqualTo(0.0);
        assertThat(nothingAbove.f1().value()).isEqualTo(0.0);

        ThresholdMetrics noPositive = ClassificationMetrics.atThreshold(truth, score, 2, 0.5);
        assertThat(noPositive.recall().unavailableReason()).isEqualTo("no item of the positive class in the ground truth");
        assertThat(noPositive.precision().value()).isEqualTo(0.0);

        ThresholdMetrics allNaN = ClassificationMetrics.atThreshold(new int[] {0, 1},
                new double[] {Double.NaN, Double.NaN}, 1, 0.5);
        assertThat(allNaN.excluded()).isEqualTo(2);
        assertThat(List.of(allNaN.precision(), allNaN.recall(), allNaN.f1())).extracting(Estimate::unavailableReason)
                .containsOnly("no item has both a ground truth and a score");
    }

    @Test
    void emptyInputAndAllExcludedSayWhyInsteadOfZeroOrNaN() {
        List<String> classes = List.of("cat", "dog");
        ClassificationMetrics empty = ClassificationMetrics.of(new int[0], new int[0], classes);
        ClassificationMetrics allMissing = ClassificationMetrics.of(new int[] {X, 0, X}, new int[] {1, X, X}, classes);
        assertThat(allMissing.excluded()).isEqualTo(3);
        for (ClassificationMetrics m : List.of(empty, allMissing)) {
            assertThat(m.items()).isZero();
            assertThat(m.accuracy().unavailableReason()).isEqualTo("no item has both a ground truth and a prediction");
            assertThat(m.perClass()).extracting(ClassMetrics::name).containsExactly("cat", "dog");
            for (ClassMetrics row : concat(m.perClass(), m.macro(), m.weighted())) {
                assertThat(List.of(row.precision(), row.recall(), row.f1())).as(row.name())
                        .extracting(Estimate::unavailableReason)
                        .containsOnly("no item has both a ground truth and a prediction");
                assertThat(row.support()).isZero();
            }
            assertThat(m.confusion()).isEqualTo(new long[2][2]);
            assertThat(m.normalizedConfusion()).isEqualTo(new double[2][2]);
            assertThat(m.notes()).isEmpty();
        }
    }

    @Test
    void oneClassOnlyIsPerfect() {
        ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 0, 0}, new int[] {0, 0, 0}, List.of("cat"));
        for (ClassMetrics row : concat(m.perClass(), m.macro(), m.weighted())) {
            assertThat(List.of(row.precision(), row.recall(), row.f1())).extracting(Estimate::value).containsOnly(1.0);
        }
        assertThat(m.accuracy().value()).isEqualTo(1.0);
        assertThat(m.notes()).isEmpty();
    }

    /**
     * One class used of two: the unused one is neither true nor predicted, is 0 everywhere and
     * halves the macro average, as precision_recall_fscore_support([0, 0], [0, 0], labels=[0, 1],
     * zero_division=0, average="macro") = (0.5, 0.5, 0.5) in classification_peer.py; the weighted
     * average gives it no weight.
     */
    @Test
    void aClassNeitherTrueNorPredictedCountsInTheMacroAverageWithANote() {
        ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 0}, new int[] {0, 0}, List.of("cat", "dog"));
        ClassMetrics dog = m.perClass().get(1);
        assertThat(List.of(dog.precision(), dog.recall(), dog.f1())).extracting(Estimate::value).containsOnly(0.0);
        assertThat(dog.support()).isZero();
        assertThat(List.of(m.macro().precision(), m.macro().recall(), m.macro().f1())).extracting(Estimate::value)
                .containsOnly(0.5);
        assertThat(List.of(m.weighted().precision(), m.weighted().recall(), m.weighted().f1()))
                .extracting(Estimate::value).containsOnly(1.0);
        assertThat(m.notes()).containsOnlyKeys("precision.dog", "recall.dog", "f1.dog", "precision.macro",
                "recall.macro", "f1.macro");
        assertThat(m.notes().get("f1.dog")).startsWith("neither in the ground truth nor predicted");
    }

    @Test
    void fromConfusionGivesTheSameFiguresAsCountingTheItems() {
        SkewedData data = SkewedData.draw(11, 3000);
        ClassificationMetrics counted = ClassificationMetrics.of(data.truth(), data.predicted(), SkewedData.CLASSES);
        ClassificationMetrics given = ClassificationMetrics.fromConfusion(counted.confusion(), SkewedData.CLASSES,
                counted.excluded());
        assertThat(given.perClass()).isEqualTo(counted.perClass());
        assertThat(given.macro()).isEqualTo(counted.macro());
        assertThat(given.weighted()).isEqualTo(counted.weighted());
        assertThat(given.notes()).isEqualTo(counted.notes());
        assertThat(given.excluded()).isEqualTo(230);
    }

    @Test
    void codesOutsideTheSchemaAreRejectedNamingTheItem() {
        List<String> classes = List.of("cat", "dog");
        assertThatThrownBy(() -> ClassificationMetrics.of(new int[] {0, 2}, new int[] {0, 1}, classes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("item 1: truth 2, predicted 1");
        assertThatThrownBy(() -> ClassificationMetrics.of(new int[] {X}, new int[] {-3}, classes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("item 0:");
        assertThatThrownBy(() -> ClassificationMetrics.of(new int[] {0}, new int[0], classes))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClassificationMetrics.fromConfusion(new long[][] {{1, 0}}, classes, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertFigures(ClassMetrics row, double precision, double recall, double f1) {
        assertThat(row.precision().value()).as(row.name() + " precision").isCloseTo(precision, within(EXACT));
        assertThat(row.recall().value()).as(row.name() + " recall").isCloseTo(recall, within(EXACT));
        assertThat(row.f1().value()).as(row.name() + " f1").isCloseTo(f1, within(EXACT));
    }

    private static List<ClassMetrics> concat(List<ClassMetrics> rows, ClassMetrics macro, ClassMetrics weighted) {
        return java.util.stream.Stream.concat(rows.stream(), java.util.stream.Stream.of(macro, weighted)).toList();
    }
}
