package org.labelbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole-process figures: exit code, last line and the peak memory read from /proc. */
class WholeProcessTest {
    @Test
    void aChildHoldingFiftyMegabytesPeaksAboveThem() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "peak memory is read from Linux's /proc");
        WholeProcess.Timed timed = WholeProcess.command(List.of("bash", "-c",
                "x=$(head -c 50000000 /dev/zero | tr '\\0' a); sleep 0.3; echo ${#x}"));

        assertThat(timed.exitCode()).isZero();
        assertThat(timed.output()).isEqualTo("50000000");
        assertThat(timed.peakRssMb()).isGreaterThan(50);
    }

    @Test
    void aFailingChildGivesItsExitCodeAndLastLine() throws Exception {
        WholeProcess.Timed timed = WholeProcess.command(List.of("bash", "-c", "echo first; echo why >&2; exit 3"));

        assertThat(timed.exitCode()).isEqualTo(3);
        assertThat(timed.output()).isEqualTo("why");
        assertThat(timed.text()).contains("first");
    }
}
