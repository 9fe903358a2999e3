package org.labelbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitPlannerTest {
    @Test
    void fourGroupsInEightyTenTenLeaveNoSplitEmpty() {
        // Four speakers of 60 clips, as in the spoken-commands sample: 2/1/1, not 3/1/0.
        int[] unitOfItem = new int[240];
        int[] stratum = new int[240];
        for (int i = 0; i < 240; i++) {
            unitOfItem[i] = i / 60;
            stratum[i] = i % 10;
        }
        int[] splitOfUnit = SplitPlanner.assign(unitOfItem, new String[] {"a", "b", "c", "d"}, stratum, 10,
                new double[] {0.8, 0.1, 0.1}, 7);
        assertThat(splitOfUnit).containsExactlyInAnyOrder(0, 0, 1, 2);
    }

    @Test
    void aFrozenRulePlacesANameInTheSameSplitEveryTimeAndByTheRatios() {
        SplitRule rule = SplitRule.parse("0.8,0.1,0.1", null, 3, null, null);
        int[] counts = new int[3];
        for (int i = 0; i < 10_000; i++) {
            String split = SplitPlacement.byHash(rule, "key" + i);
            assertThat(SplitPlacement.byHash(rule, "key" + i)).isEqualTo(split);
            counts[rule.names().indexOf(split)]++;
        }
        // Binomial spread at n = 10,000: 1 % of the items is about 3 standard deviations of the small splits.
        assertThat(counts[0]).isBetween(7_900, 8_100);
        assertThat(counts[1]).isBetween(900, 1_100);
        assertThat(counts[2]).isBetween(900, 1_100);
    }
}
