package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.labelbench.project.BadInputException;

/** The three uncertainty-sampling measures (Settles 2009, §3.1), by hand. */
class UncertaintyTest {
    private static final float[] SPREAD = {0.5f, 0.3f, 0.2f};

    @Test
    void leastConfidenceMarginAndEntropyOfOneItem() {
        assertThat(Uncertainty.LEAST_CONFIDENCE.of(SPREAD)).isCloseTo(0.5, within(1e-7));
        // the two largest are 0.5 and 0.3: 1 - 0.2
        assertThat(Uncertainty.MARGIN.of(SPREAD)).isCloseTo(0.8, within(1e-7));
        // -(0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2) / ln 3 = 1.0296530 / 1.0986123 = 0.9372306
        assertThat(Uncertainty.ENTROPY.of(SPREAD)).isCloseTo(0.9372306, within(1e-6));
    }

    @Test
    void aSureItemIsZeroAndAnEvenOneTheMostForEveryMeasure() {
        float[] sure = {0f, 1f, 0f, 0f};
        float[] even = {0.25f, 0.25f, 0.25f, 0.25f};
        for (Uncertainty measure : Uncertainty.values()) {
            assertThat(measure.of(sure)).as(measure.id()).isZero();
        }
        assertThat(Uncertainty.LEAST_CONFIDENCE.of(even)).isCloseTo(0.75, within(1e-7));
        assertThat(Uncertainty.MARGIN.of(even)).isCloseTo(1.0, within(1e-7));
        assertThat(Uncertainty.ENTROPY.of(even)).isCloseTo(1.0, within(1e-7));
    }

    @Test
    void theMeasuresOrderItemsDifferently() {
        // close call between two classes, third empty vs. spread over three: margin and entropy disagree
        float[] twoWay = {0.45f, 0.45f, 0.10f};
        float[] threeWay = {0.5f, 0.25f, 0.25f};
        assertThat(Uncertainty.MARGIN.of(twoWay)).isGreaterThan(Uncertainty.MARGIN.of(threeWay));
        assertThat(Uncertainty.LEAST_CONFIDENCE.of(twoWay)).isGreaterThan(Uncertainty.LEAST_CONFIDENCE.of(threeWay));
        assertThat(Uncertainty.ENTROPY.of(twoWay)).isLessThan(Uncertainty.ENTROPY.of(threeWay));
    }

    @Test
    void anUnknownMeasureIsRefusedNamingTheChoices() {
        assertThat(Uncertainty.parse("entropy")).isEqualTo(Uncertainty.ENTROPY);
        assertThatThrownBy(() -> Uncertainty.parse("vibes")).isInstanceOf(BadInputException.class)
                .hasMessage("unknown uncertainty 'vibes' (one of: least-confidence, margin, entropy)");
    }
}
