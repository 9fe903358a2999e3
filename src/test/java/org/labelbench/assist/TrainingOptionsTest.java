package org.labelbench.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.labelbench.analysis.TruthSource;
import org.labelbench.project.BadValueException;

class TrainingOptionsTest {
    @Test
    void theBuilderChangesOnlyWhatItIsGiven() {
        TrainingOptions defaults = TrainingOptions.defaults();
        TrainingOptions changed = defaults.toBuilder().epochs(3).seed(7).device(DeviceChoice.CPU)
                .truth(TruthSource.parse("annotator:ann", null)).build();
        assertThat(changed.epochs()).isEqualTo(3);
        assertThat(changed.seed()).isEqualTo(7);
        assertThat(changed.device()).isEqualTo(DeviceChoice.CPU);
        assertThat(changed.truth().onlyAnnotator()).isEqualTo("ann");
        assertThat(changed.batchSize()).isEqualTo(defaults.batchSize());
        assertThat(changed.augmentation()).isEqualTo(defaults.augmentation());
        assertThat(changed.holdoutFraction()).isEqualTo(defaults.holdoutFraction());
        assertThat(changed.toBuilder().build()).isEqualTo(changed);
        assertThat(TrainingOptions.builder().build()).isEqualTo(defaults);
    }

    @Test
    void buildRefusesAValueOutOfRange() {
        assertThatThrownBy(() -> TrainingOptions.builder().epochs(0).build()).isInstanceOf(BadValueException.class)
                .hasMessage("epochs 0: expected 1 to 10000");
        assertThatThrownBy(() -> TrainingOptions.builder().batchSize(5000).build())
                .hasMessage("batch size 5000: expected 1 to 4096");
        assertThatThrownBy(() -> TrainingOptions.builder().holdout(1.0, 0).build())
                .hasMessage("holdout 1.0: expected a share in (0, 1)");
    }
}
