package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The galloping search the tag table walks its sorted ids with agrees with a plain binary search. */
class TagTableSearchTest {

    @Test
    void gallopingFromTheLastHitFindsWhatABinarySearchFinds() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            long[] sorted = random.longs(random.nextInt(0, 300), 0, 1000).sorted().distinct().toArray();
            long[] keys = random.longs(random.nextInt(0, 100), -5, 1005).sorted().distinct().toArray();
            int from = 0;
            for (long key : keys) {
                int found = TagTable.search(sorted, from, key);
                int expected = Arrays.binarySearch(sorted, key);
                if (expected >= 0) {
                    assertThat(found).as("key %d", key).isEqualTo(expected);
                } else {
                    assertThat(found).as("key %d", key).isNegative();
                    assertThat(-found - 1).as("insertion point of %d", key).isEqualTo(-expected - 1);
                }
                from = found >= 0 ? found + 1 : -found - 1;
            }
        }
    }
}
