package org.labelbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectStore;

/** Work that needs one class per item is refused in a multi-label project, in one wording. */
class SingleLabelOnlyTest {
    @TempDir
    Path dir;

    @Test
    void refusesAMultiLabelProjectSayingWhatIsNotOffered() {
        try (ProjectStore multi = DisagreementFixture.project(dir, 2, true)) {
            assertThatThrownBy(() -> multi.read(tx -> {
                SingleLabelOnly.require(tx, "error analysis");
                return null;
            })).isInstanceOf(BadInputException.class).hasMessage("Labelbench does not offer error analysis for"
                    + " multi-label projects yet, only for single-label ones");
            assertThatThrownBy(() -> new Disagreements().list(multi, DisagreementFilter.unresolved()))
                    .hasMessage(SingleLabelOnly.refusal("the disagreement list"));
            assertThatThrownBy(() -> new Adjudication().setGold(multi, DisagreementFixture.key(1), "a", "lena"))
                    .hasMessage(SingleLabelOnly.refusal("adjudication"));
        }
    }

    @Test
    void letsASingleLabelProjectThrough() {
        try (ProjectStore single = DisagreementFixture.project(dir, 2, false)) {
            boolean passed = single.read(tx -> {
                SingleLabelOnly.require(tx, "error analysis");
                return true;
            });
            assertThat(passed).isTrue();
        }
    }
}
