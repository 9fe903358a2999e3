package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelbench.analysis.ClassificationMetrics.ThresholdMetrics;
import org.labelbench.analysis.ClassificationMetricsTest.SkewedData;
import org.labelbench.analysis.PrecisionRecallCurve.Point;

class PrecisionRecallCurveTest {
    private static final int X = ClassificationMetrics.MISSING;
    private static final double EXACT = 1e-12;
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * scikit-learn's docstring example: truth 0, 0, 1, 1 with scores 0.1, 0.4, 0.35, 0.8. By hand,
     * "positive if score >= t":
     * t = 0.1: all four, 2 true: P 2/4, R 2/2; t = 0.35: 0.35, 0.4, 0.8: P 2/3, R 1;
     * t = 0.4: 0.4, 0.8: P 1/2, R 1/2; t = 0.8: P 1, R 1/2; then the closing point P 1, R 0.
     * Average precision: each drop in recall times the precision where it drops:
     * (1 - 1/2) * 2/3 + (1/2 - 0) * 1 = 5/6 (scikit-learn prints 0.83...).
     */
    @Test
    void theDocstringExampleByHand() {
        PrecisionRecallCurve curve = PrecisionRecallCurve.of(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}, 1);
        assertThat(curve.points()).containsExactly(new Point(0.1, 0.5, 1), new Point(0.35, 2.0 / 3, 1),
                new Point(0.4, 0.5, 0.5), new Point(0.8, 1, 0.5), new Point(INF, 1, 0));
        assertThat(curve.averagePrecision().value()).isCloseTo(5.0 / 6, within(EXACT));
        assertThat(curve.positives()).isEqualTo(2);
        assertThat(curve.negatives()).isEqualTo(2);
    }

    /**
     * precision_recall_curve(truth == 1, score) and average_precision_score from scikit-learn 1.2.1
     * (numpy 1.24.2) on SkewedData.draw(11, 3000) without the items lacking truth or score, printed
     * by src/test/python/classification_peer.py. Scores come in steps of 1/50, so ties abound.
     */
    @Test
    void matchesScikitLearnOnSkewedSeededData() {
        SkewedData data = SkewedData.draw(11, 3000);
        PrecisionRecallCurve curve = PrecisionRecallCurve.of(data.truth(), data.score(), SkewedData.POSITIVE);
        double[] precision = {0.06129032258064516, 0.06298342541436464, 0.06462585034013606, 0.06648522550544324,
            0.06818181818181818, 0.07048639736191262, 0.07267318317042074, 0.07509881422924901, 0.07713125845737483,
            0.07960893854748603, 0.08197507190795782, 0.08545727136431784, 0.08883116883116883, 0.09253246753246754,
            0.09650112866817155, 0.10076605774896877, 0.10529556650246305, 0.11018041237113402, 0.1144578313253012,
            0.12101910828025478, 0.12837837837837837, 0.1327503974562798, 0.13670886075949368, 0.14350180505415164,
            0.1482194417709336, 0.15527950310559005, 0.16517857142857142, 0.17076167076167076, 0.18281036834924966,
            0.19534883720930232, 0.2168458781362007, 0.2431865828092243, 0.27835051546391754, 0.329073482428115,
            0.425531914893617, 0.5878787878787879, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
            1.0, 1.0, 1.0};
        double[] recall = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
            1.0, 1.0, 1.0, 0.9766081871345029, 0.9473684210526315, 0.9298245614035088, 0.9005847953216374,
            0.8771929824561403, 0.8654970760233918, 0.8128654970760234, 0.783625730994152, 0.7368421052631579,
            0.7076023391812866, 0.6783625730994152, 0.631578947368421, 0.6023391812865497, 0.5847953216374269,
            0.5672514619883041, 0.52046783625731, 0.4619883040935672, 0.4093567251461988, 0.40350877192982454,
            0.32748538011695905, 0.30409356725146197, 0.27485380116959063, 0.24561403508771928, 0.2046783625730994,
            0.15789473684210525, 0.14619883040935672, 0.12280701754385964, 0.08187134502923976, 0.06432748538011696,
            0.023391812865497075, 0.0};
        // scikit-learn's thresholds are 0.0, 0.02, ..., 1.0: every step of 1/50 occurs.
        assertThat(curve.size()).isEqualTo(52);
        List<Point> points = curve.points();
        for (int a = 0; a < 51; a++) {
            assertThat(points.get(a).threshold()).as("threshold %d", a).isEqualTo(a / 50.0);
        }
        assertThat(points.get(51).threshold()).isEqualTo(INF);
        for (int a = 0; a < 52; a++) {
            assertThat(points.get(a).precision()).as("precision at %d", a).isCloseTo(precision[a], within(EXACT));
            assertThat(points.get(a).recall()).as("recall at %d", a).isCloseTo(recall[a], within(EXACT));
        }
        assertThat(curve.averagePrecision().value()).isCloseTo(0.6337795417345904, within(EXACT));
        assertThat(curve.positives()).isEqualTo(171);
        assertThat(curve.positives() + curve.negatives()).isEqualTo(2790);
        assertThat(curve.excluded()).isEqualTo(210);
    }

    @Test
    void everyPointIsTheFiguresAtItsThreshold() {
        SkewedData data = SkewedData.draw(5, 1000);
        PrecisionRecallCurve curve = PrecisionRecallCurve.of(data.truth(), data.score(), SkewedData.POSITIVE);
        List<Point> points = curve.points();
        for (Point point : points.subList(0, points.size() - 1)) {
            ThresholdMetrics at = ClassificationMetrics.atThreshold(data.truth(), data.score(), SkewedData.POSITIVE,
                    point.threshold());
            assertThat(point.precision()).as("precision at %s", point.threshold()).isEqualTo(at.precision().value());
            assertThat(point.recall()).as("recall at %s", point.threshold()).isEqualTo(at.recall().value());
        }
    }

    @Test
    void tiesFormOnePointAndNegativeZeroIsZero() {
        PrecisionRecallCurve curve = PrecisionRecallCurve.of(new int[] {1, 0, 0, 1, 0},
                new double[] {0.0, -0.0, 0.5, 0.5, 0.5}, 1);
        assertThat(curve.points()).extracting(Point::precision).containsExactly(0.4, 1.0 / 3, 1.0);
        assertThat(curve.points()).extracting(Point::recall).containsExactly(1.0, 0.5, 0.0);
        assertThat(curve.points().get(0).threshold()).isZero();
    }

    /**
     * Without a positive item scikit-learn warns and sets every recall to 1 (thresholds 0.2, 0.7,
     * precision 0, 0, 1, recall 1, 1, 0 in classification_peer.py); the curve does the same, but
     * where scikit-learn returns an average precision of -0.0 there is none, and the reason.
     */
    @Test
    void noPositiveItemFollowsScikitLearnsCurveButHasNoAveragePrecision() {
        PrecisionRecallCurve curve = PrecisionRecallCurve.of(new int[] {0, 0, 0}, new double[] {0.2, 0.7, 0.2}, 1);
        assertThat(curve.points()).containsExactly(new Point(0.2, 0, 1), new Point(0.7, 0, 1), new Point(INF, 1, 0));
        assertThat(curve.averagePrecision().unavailableReason())
                .isEqualTo("no item of the positive class in the ground truth");
    }

    @Test
    void itemsWithoutTruthOrScoreAreLeftOut() {
        PrecisionRecallCurve curve = PrecisionRecallCurve.of(new int[] {1, X, 0, 1, 0},
                new double[] {0.9, 0.99, Double.NaN, Double.NaN, 0.3}, 1);
        assertThat(curve.excluded()).isEqualTo(3);
        assertThat(curve.points()).containsExactly(new Point(0.3, 0.5, 1), new Point(0.9, 1, 1), new Point(INF, 1, 0));
        assertThat(curve.averagePrecision().value()).isEqualTo(1.0);

        PrecisionRecallCurve nothing = PrecisionRecallCurve.of(new int[] {1, X}, new double[] {Double.NaN, 0.5}, 1);
        assertThat(nothing.points()).isEmpty();
        assertThat(nothing.excluded()).isEqualTo(2);
        assertThat(nothing.averagePrecision().unavailableReason()).isEqualTo("no item has both a ground truth and a score");
        assertThat(PrecisionRecallCurve.of(new int[0], new double[0], 0).points()).isEmpty();
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> PrecisionRecallCurve.of(new int[] {0}, new double[0], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrecisionRecallCurve.of(new int[] {-2}, new double[] {0.5}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("item 0:");
    }
}
