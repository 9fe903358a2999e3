package org.labelbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticProjectTest {
    @Test
    void sizesStayPlausiblePastWhereAnIntProductOverflows() {
        // i * 7919 passes Integer.MAX_VALUE at i = 271,182: those items used to get negative sizes.
        assertThat(IntStream.of(1, 271_181, 271_182, 500_000, 999_999, 1_000_000, 5_000_000)
                .mapToLong(SyntheticProject::syntheticBytes))
                .allSatisfy(bytes -> assertThat(bytes).isBetween(500L, 1_999L));
        assertThat(IntStream.rangeClosed(999_000, 1_000_000).mapToLong(SyntheticProject::syntheticBytes).distinct()
                .count()).as("spread, not one size").isGreaterThan(500);
    }
}
