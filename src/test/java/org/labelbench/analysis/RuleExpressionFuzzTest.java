package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.labelbench.project.BadInputException;

/**
 * Fuzzes the rule-tag expression parser, which reads what users type: token soups of the
 * language's own words and symbols, raw text, and nesting deep enough to overflow a naive
 * recursive parser. Each is parsed or refused with one line; never another exception.
 */
class RuleExpressionFuzzTest {
    private static final List<String> TOKENS = List.of("width", "height", "duration_ms", "media", "attr.noise",
            "attr.\"recording device\"", "p.cat", "prediction", "confidence", "correct", "disagreement", "labels",
            "label", "tag", "and", "or", "not", "in", "==", "!=", "<", "<=", ">", ">=", "(", ")", "[", "]", ",",
            "\"dog\"", "\"", "'", "0", "-1", "0.9", "1e309", "99999999999999999999", "NaN", "true", "\\", "\u00e9",
            "\u0000", " ", "\t", "\n", ".", "attr.", "p.", "\"\"");

    @Property(seed = "20261207")
    void aTokenSoupIsParsedOrRefusedInOneLine(@ForAll("tokenSoups") String text) {
        check(text);
    }

    @Property(seed = "20261208")
    void anyTextIsParsedOrRefusedInOneLine(@ForAll("anyText") String text) {
        check(text);
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        for (String open : List.of("(", "not ", "[")) {
            String text = open.repeat(100_000) + "width < 3" + (open.equals("(") ? ")".repeat(100_000) : "");
            check(text);
        }
        check("width < 3" + " and width < 3".repeat(50_000));
    }

    /** What the fuzzing found, kept: a rule quoted with its line break made a two-line message. */
    @Test
    void foundByFuzzing() {
        check("tag \n");
        check("width <\r\n 3\u0007");
        check("(".repeat(65) + "width < 3" + ")".repeat(65));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleExpression.parse("tag \n"))
                .hasMessageStartingWith("rule 'tag \\n': unknown field 'tag' at column 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleExpression.parse("not ".repeat(70) + "correct"))
                .hasMessageEndingWith("'not' and '(' nested deeper than 64 at column 257");
    }

    private static void check(String text) {
        try {
            RuleExpression.parse(text);
        } catch (BadInputException refused) {
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n", "Exception");
            assertThat(refused.getMessage().length()).isLessThan(400);
        }
    }

    @Provide
    Arbitrary<String> tokenSoups() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(25).map(tokens -> String.join(" ", tokens));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(60);
    }
}
