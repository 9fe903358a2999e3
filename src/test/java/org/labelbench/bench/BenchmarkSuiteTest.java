package org.labelbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark suites under {@code ./mvnw -Pbench test} (skipped by the default build). They
 * print their figures as JSON lines; the assertions check only that the work was done, never
 * a time: timings belong in the report, not in a pass/fail.
 */
@Tag("bench")
class BenchmarkSuiteTest {
    @TempDir
    Path dir;

    @Test
    void importTenThousandImages() throws Exception {
        Map<String, Object> figures = new ImportBenchmark().run(10_000, dir);
        System.out.println("BENCH " + figures);
        assertThat(figures.get("added")).isEqualTo(10_000L);
    }

    @Test
    void openAMillionItemProject() throws Exception {
        Map<String, Object> figures = new OpenBenchmark().run(1_000_000, dir);
        System.out.println("BENCH " + figures);
        assertThat(figures.get("page_rows")).isEqualTo(OpenBenchmark.PAGE);
    }
}
