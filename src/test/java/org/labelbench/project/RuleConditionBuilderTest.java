package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.labelbench.project.RuleConditionBuilder.FlagField;
import org.labelbench.project.RuleConditionBuilder.NumberField;
import org.labelbench.project.RuleConditionBuilder.Operator;
import org.labelbench.project.RuleConditionBuilder.TextField;

/** What the rules' SQL selects is tested through the rule language (analysis/RuleExpressionTest); here, the builder's own contract. */
class RuleConditionBuilderTest {

    @Test
    void bindsEveryValueInTheOrderOfItsPlaceholders() {
        RuleConditionBuilder builder = new RuleConditionBuilder(7L);
        builder.all(3, k -> {
            switch (k) {
                case 0 -> builder.compareProbability(2, Operator.GREATER, 0.5);
                case 1 -> builder.not(() -> builder.compare(TextField.KEY, Operator.EQUAL, "a"));
                default -> builder.compareAttribute("noise", Operator.NOT_EQUAL, "car");
            }
        });
        ItemCondition condition = builder.build();
        assertThat(condition.parameters()).containsExactly(2, 7L, 0.5, "a", "noise", "car");
        assertThat(condition.sql().chars().filter(ch -> ch == '?').count()).isEqualTo(6);
        assertThat(condition.sql()).doesNotContain("noise").doesNotContain("car");
    }

    @Test
    void aPredictionFieldWithoutARunIsAProgrammingError() {
        RuleConditionBuilder builder = new RuleConditionBuilder(null);
        builder.compare(NumberField.WIDTH, Operator.LESS, 64);
        assertThatThrownBy(() -> builder.compare(NumberField.CONFIDENCE, Operator.LESS, 0.5))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.flag(FlagField.CORRECT, true)).isInstanceOf(IllegalStateException.class);
    }
}
