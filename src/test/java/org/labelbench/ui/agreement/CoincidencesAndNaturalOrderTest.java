package org.labelbench.ui.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelbench.agreement.CoincidenceMatrix;
import org.labelbench.agreement.Ratings;

class CoincidencesAndNaturalOrderTest {
    @Test
    void sliceValuesSortAsPeopleReadNumbers() {
        List<String> values = new ArrayList<>(List.of("site-10", "site-2", "site-1", "Site-3", "site-0", "site-02",
                "b", "a10b", "a9b"));
        values.sort(NaturalOrder.INSTANCE);

        assertThat(values).containsExactly("a9b", "a10b", "b", "site-0", "site-1", "site-02", "site-2", "Site-3",
                "site-10");
    }

    @Test
    void threeDifferentLabelsOnOneItemMakeHalvesAndTheViewSaysWhy() {
        // item 0: cat, dog (two labels: whole pairs); item 1: cat, dog, bird (three labels: each pair weighs ½)
        Ratings twoLabels = Ratings.of(1, 3, new int[] {0, 1, Ratings.MISSING}, 3);
        Ratings threeLabels = Ratings.of(2, 3, new int[] {0, 1, Ratings.MISSING, 0, 1, 2}, 3);
        List<String> classes = List.of("cat", "dog", "bird");

        assertThat(new Coincidences(classes, CoincidenceMatrix.of(twoLabels)).hasFractions()).isFalse();
        Coincidences halves = new Coincidences(classes, CoincidenceMatrix.of(threeLabels));
        assertThat(halves.get(0, 1)).isEqualTo(1.5);
        assertThat(Coincidences.pairs(halves.get(0, 1))).isEqualTo("1.5");
        assertThat(halves.hasFractions()).isTrue();
    }
}
