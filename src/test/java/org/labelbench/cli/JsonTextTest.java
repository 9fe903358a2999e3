package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming JSON of --json prints what jackson-databind's indented writer prints. */
class JsonTextTest {
    private static final ObjectMapper DATABIND = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    enum Kind { RELABELED }

    record Pair(String a, double kappa) {
    }

    @Test
    void everyShapeACommandPrintsMatchesDatabind() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("empty_map", Map.of());
        nested.put("empty_list", List.of());
        nested.put("n", 3);
        nested.put("items", 1_000_000_000_000L);
        nested.put("share", 0.1 + 0.2);
        nested.put("tiny", 1e-12);
        nested.put("nan", Double.NaN);
        nested.put("inf", Double.POSITIVE_INFINITY);
        nested.put("f", 0.5f);
        nested.put("exact", new BigDecimal("1.250"));
        nested.put("none", null);
        nested.put("yes", true);
        nested.put("text", "quote \" backslash \\ tab \t newline \n é ☃");
        nested.put("kind", Kind.RELABELED);
        nested.put("ints", new int[] {1, 2, 3});
        nested.put("doubles", new double[] {0.25, -1});
        nested.put("longs", new long[] {7L});
        nested.put("strings", new String[] {"a", null});
        List<Object> rows = new ArrayList<>(Arrays.asList(1, "two", null, List.of(Map.of("deep", List.of(1.5)))));
        nested.put("rows", rows);
        nested.put("record", new Pair("ana", 0.61));
        nested.put("tree", DATABIND.readTree("{\"a\": [1, {\"b\": null}]}"));
        Map<Integer, String> intKeys = new LinkedHashMap<>();
        intKeys.put(1, "one");
        nested.put("int_keys", intKeys);

        assertThat(JsonText.of(nested)).isEqualTo(DATABIND.writeValueAsString(nested));
        assertThat(JsonText.of(List.of(nested, nested))).isEqualTo(DATABIND.writeValueAsString(List.of(nested,
                nested)));
        assertThat(JsonText.of("plain")).isEqualTo(DATABIND.writeValueAsString("plain"));
        assertThat(JsonText.of(null)).isEqualTo(DATABIND.writeValueAsString(null));
    }
}
