package org.labelbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** HLP on the items of one class, and how the classes add up to the project's HLP. */
class HlpPerClassTest {

    private static LabelMatrix matrix(int units, int raters, int[] codes, int[] gold, int classes) {
        List<String> names = java.util.stream.IntStream.range(0, classes).mapToObj(i -> "c" + i).toList();
        List<String> annotators = java.util.stream.IntStream.range(0, raters).mapToObj(i -> "r" + i).toList();
        long[] items = new long[units];
        Arrays.setAll(items, i -> i + 1);
        String[] guidelines = new String[units];
        Arrays.fill(guidelines, "none");
        return new LabelMatrix(Ratings.of(units, raters, codes, classes), annotators, names, items, gold, guidelines);
    }

    @Test
    void handWorkedItemsWithAndWithoutGold() {
        int m = Ratings.MISSING;
        // Item 1: gold c0, labels c0 c0 c1. Item 2: no gold, c1 c1 c0. Item 3: no gold, c0 c1 (a split pair).
        LabelMatrix labels = matrix(3, 3, new int[] {0, 0, 1, 1, 1, 0, 0, 1, m}, new int[] {0, m, m}, 2);
        HumanLevelPerformance c0 = HumanLevelPerformance.ofClass(labels, 0, 0, 1);
        // c0: item 1 weighs 1 and scores 2/3; item 2 weighs 1/3 and scores 0 (nobody agrees with the one c0);
        // item 3 weighs 1/2 and scores 0.
        assertThat(c0.hlp().value()).isCloseTo((2.0 / 3) / (1 + 1.0 / 3 + 0.5), within(1e-12));
        assertThat(c0.items()).isEqualTo(3);
        assertThat(c0.itemsWithGold()).isEqualTo(1);
        assertThat(c0.annotators()).extracting(a -> a.accuracy().value()).containsExactly(1.0, 1.0, 0.0);
        HumanLevelPerformance c1 = HumanLevelPerformance.ofClass(labels, 1, 0, 1);
        // c1: item 1 is gold c0, so not a c1 item; item 2 weighs 2/3 and scores 1/2; item 3 weighs 1/2, scores 0.
        assertThat(c1.hlp().value()).isCloseTo((2.0 / 3 * 0.5) / (2.0 / 3 + 0.5), within(1e-12));
        assertThat(c1.itemsWithGold()).isZero();
        assertThat(c1.annotators()).isEmpty();
    }

    @Test
    void theClassesWeightedByTheirItemsGiveTheProjectsHlp() {
        SplittableRandom random = new SplittableRandom(7);
        int units = 500;
        int raters = 4;
        int classes = 5;
        int[] codes = new int[units * raters];
        int[] gold = new int[units];
        for (int unit = 0; unit < units; unit++) {
            int truth = random.nextInt(classes);
            for (int rater = 0; rater < raters; rater++) {
                codes[unit * raters + rater] = random.nextInt(4) == 0 ? Ratings.MISSING
                        : random.nextInt(3) == 0 ? random.nextInt(classes) : truth;
            }
            gold[unit] = random.nextInt(5) == 0 ? truth : Ratings.MISSING;
        }
        LabelMatrix labels = matrix(units, raters, codes, gold, classes);
        HumanLevelPerformance overall = HumanLevelPerformance.of(labels, 0, 1);
        double[] weights = new double[classes];
        for (int unit = 0; unit < units; unit++) {
            int[] counts = new int[classes];
            int n = 0;
            for (int rater = 0; rater < raters; rater++) {
                int code = codes[unit * raters + rater];
                if (code != Ratings.MISSING) {
                    counts[code]++;
                    n++;
                }
            }
            if (gold[unit] != Ratings.MISSING && n >= 1) {
                weights[gold[unit]]++;
            } else if (gold[unit] == Ratings.MISSING && n >= 2) {
                for (int c = 0; c < classes; c++) {
                    weights[c] += (double) counts[c] / n;
                }
            }
        }
        double mixture = 0;
        for (int c = 0; c < classes; c++) {
            mixture += weights[c] * HumanLevelPerformance.ofClass(labels, c, 0, 1).hlp().value();
        }
        assertThat(mixture / overall.items()).isCloseTo(overall.hlp().value(), within(1e-12));
        HumanLevelPerformance withInterval = HumanLevelPerformance.ofClass(labels, 2, 500, 3);
        assertThat(withInterval.interval()).hasValueSatisfying(i -> {
            assertThat(i.low()).isLessThan(withInterval.hlp().value());
            assertThat(i.high()).isGreaterThan(withInterval.hlp().value());
        });
    }
}
