package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelbench.labeling.LabelSchema;
import org.labelbench.project.LabelClass;

/** One button per offered class; choosing toggles in a multi-label project, else picks the one. */
class ClassButtonsTest {
    private static final LabelClass COAT = new LabelClass(1, "coat", "1", null, 0, false);
    private static final LabelClass SHIRT = new LabelClass(2, "shirt", "2", null, 1, false);
    private static final LabelClass OLD = new LabelClass(3, "old", "3", null, 2, true);

    private final ClassButtons buttons = new ClassButtons();

    @Test
    void offersTheClassesNotRetired() {
        assertThat(buttons.withHotkey("1")).isEmpty();
        buttons.show(new LabelSchema(List.of(COAT, SHIRT, OLD), false, true));

        assertThat(buttons.all()).extracting(ClassChoice::name).containsExactly("coat", "shirt");
        assertThat(buttons.withHotkey("2")).contains(SHIRT);
        assertThat(buttons.withHotkey("3")).isEmpty();
        assertThat(buttons.of(OLD)).isEmpty();
        assertThat(buttons.takeTranscripts()).isTrue();
        assertThat(buttons.isMultiLabel()).isFalse();
    }

    @Test
    void singleLabelChoosesOneMultiLabelToggles() {
        buttons.show(new LabelSchema(List.of(COAT, SHIRT), false, false));
        buttons.choose(buttons.of(COAT).orElseThrow());
        buttons.choose(buttons.of(SHIRT).orElseThrow());
        assertThat(buttons.chosen()).containsExactly(SHIRT);

        buttons.show(new LabelSchema(List.of(COAT, SHIRT), true, false));
        buttons.choose(buttons.of(COAT).orElseThrow());
        buttons.choose(buttons.of(SHIRT).orElseThrow());
        assertThat(buttons.chosen()).containsExactly(COAT, SHIRT);
        buttons.choose(buttons.of(COAT).orElseThrow());
        assertThat(buttons.chosen()).containsExactly(SHIRT);

        buttons.chooseOnly(List.of("coat"));
        assertThat(buttons.chosen()).containsExactly(COAT);
        buttons.chooseOnly(List.of());
        assertThat(buttons.chosen()).isEmpty();
    }
}
